/**
 * Registers the service worker that keeps the field screens usable offline, in a built client
 * only: the development server (the one with hot reload) has no /sw.js. `import.meta.env.PROD`
 * would not tell, as builds made under a test runner (NODE_ENV=test) are not "production".
 */
export function registerServiceWorker(): void {
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => console.error('service worker not registered', error));
}
