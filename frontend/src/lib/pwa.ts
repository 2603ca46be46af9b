/**
 * Registers the app-shell service worker (vite-plugin-pwa, generateSW, `/sw.js`) on every page: the
 * built app, the zxing WebAssembly included, is precached, and every navigation falls back to
 * index.html, so the app reopens without network (a resident's tickets from their offline copies, the
 * door scanner from its stored list). The API is never cached by it. Registered once the page has
 * loaded, so the precache download does not compete with the first screen.
 *
 * A few lines instead of vite-plugin-pwa's `registerSW` (which loads workbox-window, 6 KB), with the
 * same `autoUpdate` behaviour: the worker skips waiting and claims the pages (vite.config.ts), and the
 * page reloads once a new worker is activated when it replaces one (the page had a controller when it
 * registered) or was found later than the registration's own install (another tab, the browser's
 * update check). The first install, on a first visit, reloads nothing.
 */
export const SERVICE_WORKER_URL = '/sw.js';

/** workbox-window's window for the install that the registration itself triggers. */
const OWN_INSTALL_WINDOW_MS = 60_000;

export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  if (document.readyState === 'complete') startServiceWorker();
  else window.addEventListener('load', () => startServiceWorker(), { once: true });
}

/** Registers the worker now and reloads the page on updates (see above). Exported for tests. */
export function startServiceWorker(
  container: ServiceWorkerContainer = navigator.serviceWorker,
  reload: () => void = () => window.location.reload(),
): Promise<void> {
  const isUpdate = container.controller !== null && container.controller !== undefined;
  const registeredAt = performance.now();
  let installs = 0;
  return container
    .register(SERVICE_WORKER_URL, { scope: '/', type: 'classic' })
    .then((registration) => {
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        if (!worker) return;
        const isExternal = installs++ > 0 || performance.now() > registeredAt + OWN_INSTALL_WINDOW_MS;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated' && (isUpdate || isExternal)) reload();
        });
      });
    })
    .catch((error: unknown) => console.warn('Service worker not registered', error));
}
