/**
 * Whether this page can keep the field screens for offline use, and if not why: browsers
 * give service workers to secure contexts only (HTTPS, or localhost), so a server reached
 * over plain HTTP on a LAN serves the screens online only.
 */
export type OfflineSupport = 'available' | 'insecure' | 'unsupported';

export function offlineSupport(): OfflineSupport {
  if (!window.isSecureContext) return 'insecure';
  return 'serviceWorker' in navigator ? 'available' : 'unsupported';
}

/**
 * Registers the service worker that keeps the field screens usable offline, in a built client
 * only: the development server (the one with hot reload) has no /sw.js. `import.meta.env.PROD`
 * would not tell, as builds made under a test runner (NODE_ENV=test) are not "production".
 */
export function registerServiceWorker(): void {
  if (import.meta.hot || offlineSupport() !== 'available') return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => console.error('service worker not registered', error));
}
