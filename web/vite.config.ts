import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './precompress.ts';

const SERVICE_WORKER = 'src/sw/serviceWorker.ts';

/**
 * Builds the service worker into /sw.js (an unhashed name: the browser looks for it there)
 * and writes into it the list of the build's files with a version derived from their names,
 * so that each new build installs afresh and drops the previous build's cache.
 */
function serviceWorker(): Plugin {
  return {
    name: 'openpbf-service-worker',
    apply: 'build',
    // After Vite's own plugins, which drop chunks left empty (the entry, once its modules are
    // grouped into the sign-in chunk): the list names only files that are written.
    enforce: 'post',
    buildStart() {
      this.emitFile({ type: 'chunk', id: SERVICE_WORKER, fileName: 'sw.js' });
    },
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => name !== 'sw.js' && name !== 'index.html' && !name.endsWith('.map'))
        .sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const worker = bundle['sw.js'];
      if (worker?.type !== 'chunk') throw new Error('the service worker chunk is missing');
      worker.code = worker.code.replaceAll('__PRECACHE_MANIFEST__', JSON.stringify({ version, files }));
    },
  };
}

/** The web client, built into web/dist and served by the API server (npm start). */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), serviceWorker(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // What the sign-in page needs in one file beside the entry, and the libraries of every
        // signed-in screen in one other, rather than a dozen small ones: on a slow link each
        // file costs its headers (900 bytes) and a turn in the browser's queue.
        codeSplitting: {
          groups: [
            { name: 'signin', tags: ['$initial'], test: (id: string) => !id.includes(SERVICE_WORKER) },
            { name: 'libraries', test: /node_modules[\\/](react-router|@tanstack[\\/](react-query|query-core))[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
