import { readFile } from 'node:fs/promises';

/**
 * The project's copy of `shared/reference/provinces-2025.csv` (the 2025 merger, Resolution
 * 202/2025/QH15), kept beside the loader so that the seed does not depend on a folder outside the repo.
 */
export const PROVINCES_2025_CSV = new URL('./provinces-2025.csv', import.meta.url);

/** The one I/O of the registry: the CSV text, for `loadProvincesCsv`. */
export function readProvincesCsv(file: URL | string = PROVINCES_2025_CSV): Promise<string> {
  return readFile(file, 'utf8');
}
