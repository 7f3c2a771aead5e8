import type { Engine } from '@chitieu/database';

/** PGlite always; the PostgreSQL server too when DATABASE_URL is set. */
export const engines: readonly Engine[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** The server URL with another database name and, optionally, another user. */
export function serverUrl(database: string, user?: string): string {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
  return url.toString();
}
