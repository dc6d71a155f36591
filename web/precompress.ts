import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text files: images other than SVG and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Below about a packet, a compressed copy saves nothing on the wire. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Writes beside each built text file its brotli (`.br`, level 11) and gzip (`.gz`, level 9)
 * copies, which the server sends to browsers that accept them (@fastify/static's
 * `preCompressed`, src/server/webClient.ts): compressed once at the highest levels, never per
 * request. Runs after the files are written, so the service worker's list (vite.config.ts)
 * names the files, not their copies.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'openpbf-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await textFiles(outDir);
      await Promise.all(files.map(compressBeside));
    },
  };
}

async function textFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const candidates = entries.filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name)).map((entry) => join(entry.parentPath, entry.name));
  const sizes = await Promise.all(candidates.map(async (path) => (await stat(path)).size));
  return candidates.filter((_, i) => sizes[i]! >= MIN_BYTES);
}

async function compressBeside(path: string): Promise<void> {
  const content = await readFile(path);
  const [br, gz] = await Promise.all([
    brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
    gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
}
