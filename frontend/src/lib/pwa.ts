/**
 * Registers the app-shell service worker (vite-plugin-pwa, generateSW) on every page: the built app,
 * the zxing WebAssembly included, is precached, and every navigation falls back to index.html, so
 * the app reopens without network (a resident's tickets from their offline copies, the door scanner
 * from its stored list). The API is never cached by it. Registered once the page has loaded, so the
 * precache download does not compete with the first screen.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  void import('virtual:pwa-register')
    .then(({ registerSW }) => registerSW({ immediate: false }))
    .catch((error: unknown) => console.warn('Service worker not registered', error));
}
