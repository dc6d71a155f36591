import { join, sep } from 'node:path';
/** Built files whose names carry a hash of their content (Vite's `assets/`): a new build has new names. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html, sw.js and the favicon keep their names across builds: the browser asks each time whether they changed (ETag). */
const REVALIDATE = 'no-cache';
/**
 * How the built web client (web/dist) is served: the brotli or gzip copy made at build time
 * when the browser takes it, hashed files kept a year without a question, the others
 * checked on every load — so a new build reaches everyone at their next page load, and on a
 * slow link a returning user downloads nothing but index.html's "not modified".
 */
export function webClientFiles(root) {
    const hashed = join(root, 'assets') + sep;
    return {
        root,
        wildcard: false,
        index: 'index.html',
        preCompressed: true,
        setHeaders: (reply, path) => void reply.header('cache-control', path.startsWith(hashed) ? IMMUTABLE : REVALIDATE),
    };
}
//# sourceMappingURL=webClient.js.map