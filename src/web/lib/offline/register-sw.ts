/**
 * The service worker (src/web/sw.ts, built by vite-plugin-pwa) makes the app installable and readable
 * without signal (decision 0010). Registered after the page has loaded, so it never competes with the
 * first download; it takes over at once and a new build is picked up with the next page load.
 */
export function registerServiceWorker() {
  if (import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (!navigator.serviceWorker.controller)
    navigator.serviceWorker.addEventListener('controllerchange', tookOver, { once: true });
  const register = () =>
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.warn('service worker not registered', error);
    });
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}

let firstControl = false;
const onFirstControl = new Set<() => void>();

function tookOver() {
  firstControl = true;
  onFirstControl.forEach((cb) => cb());
  onFirstControl.clear();
}

/**
 * On the very first visit the page read its data before the worker was there to save it: `cb` reads again
 * once the worker has taken over, so the pages of a first visit are readable offline too.
 */
export function whenServiceWorkerTakesOver(cb: () => void): () => void {
  if (firstControl) {
    cb();
    return () => {};
  }
  onFirstControl.add(cb);
  return () => onFirstControl.delete(cb);
}
