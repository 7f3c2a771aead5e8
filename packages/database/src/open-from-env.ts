import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { connect, type DatabaseHandle } from './connect.js';

/** Where the embedded database keeps its files unless CHITIEU_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../.data/pglite', import.meta.url));

export interface DatabaseLocation {
  engine: 'pglite' | 'postgres';
  /** For logs: the data directory, or the server URL without its password. */
  where: string;
}

/**
 * The database the environment names: the PostgreSQL server of DATABASE_URL, or else PGlite in
 * CHITIEU_DATA_DIR (a directory of the repository by default), so that data outlives the process.
 */
export async function openDatabase(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ handle: DatabaseHandle; location: DatabaseLocation }> {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    const shown = new URL(url);
    if (shown.password) shown.password = '***';
    return { handle: await connect({ url }), location: { engine: 'postgres', where: shown.toString() } };
  }
  const dataDir = env.CHITIEU_DATA_DIR?.trim() || DEFAULT_DATA_DIR;
  mkdirSync(dataDir, { recursive: true });
  return { handle: await connect({ dataDir }), location: { engine: 'pglite', where: dataDir } };
}
