import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text a browser takes compressed; below a kilobyte compressing saves less than the headers cost. */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json)$/u;
const MIN_BYTES = 1024;

/**
 * Writes `.br` and `.gz` beside each built file, once, at the highest levels: the gateway serves
 * them as they are (serveStatic's `precompressed`) instead of compressing on every request. The
 * entry is 280 kB as built and 80 kB as Brotli.
 */
export function precompress(): Plugin {
  return {
    name: 'chitieu:precompress',
    apply: 'build',
    async writeBundle(options) {
      const dir = options.dir ?? 'dist';
      const files = (await readdir(dir, { recursive: true })).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          const content = await readFile(join(dir, file));
          if (content.length < MIN_BYTES) return;
          const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length };
          await writeFile(join(dir, `${file}.br`), await brotli(content, { params }));
          await writeFile(join(dir, `${file}.gz`), await gzipped(content, { level: 9 }));
        }),
      );
    },
  };
}
