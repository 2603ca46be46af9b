/**
 * Registers the app-shell service worker (vite-plugin-pwa, generateSW): the built app, the zxing
 * WebAssembly included, is precached so that the door scanner opens again without network; the API
 * is never cached. Only the scanner registers it: residents never download the precache.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  void import('virtual:pwa-register')
    .then(({ registerSW }) => registerSW({ immediate: true }))
    .catch((error: unknown) => console.warn('Service worker not registered', error));
}
