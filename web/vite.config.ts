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
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
