/**
 * The service worker that keeps the field screens usable offline. Built by Vite into /sw.js
 * (scope /) with the list of the build's files (see web/vite.config.ts):
 * - the app shell (index.html and every built file) is cached at install, one cache per build;
 * - API reads are network-first: a fresh answer is stored, and when the network is absent the
 *   last stored answer for the same address is served, so what the verifier opened stays
 *   readable;
 * - writes are never intercepted (the IndexedDB outbox keeps those), except that signing in
 *   or out empties the API cache, so one person's data does not outlive their session on a
 *   shared tablet.
 */
export {};

declare const self: ServiceWorkerGlobalScope;
/** Replaced at build time with the build's files and a version derived from their names. */
declare const __PRECACHE_MANIFEST__: { readonly version: string; readonly files: readonly string[] };

const MANIFEST = __PRECACHE_MANIFEST__;
const SHELL_PREFIX = 'openpbf-shell-';
const SHELL_CACHE = `${SHELL_PREFIX}${MANIFEST.version}`;
const API_CACHE = 'openpbf-api';
const INDEX = '/index.html';
const SESSION_CHANGES = new Set(['/api/auth/login', '/api/auth/logout']);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll([INDEX, ...MANIFEST.files.map((file) => `/${file}`)]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') {
    if (SESSION_CHANGES.has(url.pathname)) event.respondWith(forgetApiAnswers(request));
    return;
  }
  if (url.pathname.startsWith('/api/docs')) return;
  if (url.pathname.startsWith('/api/')) event.respondWith(networkFirst(request));
  else if (request.mode === 'navigate') event.respondWith(shellPage(request));
  else event.respondWith(cacheFirst(request));
});

async function networkFirst(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(API_CACHE)).put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: API_CACHE });
    if (cached) return cached;
    throw error;
  }
}

/** Pages are routed in the browser: offline, every address gets the cached index.html. */
async function shellPage(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(INDEX, { cacheName: SHELL_CACHE });
    if (cached) return cached;
    throw error;
  }
}

/** Built files carry a hash in their names, so a cached copy never goes stale. */
async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL_CACHE)).put(request, response.clone());
  return response;
}

async function forgetApiAnswers(request: Request): Promise<Response> {
  const response = await fetch(request);
  await caches.delete(API_CACHE);
  return response;
}
