/**
 * Registers the service worker the build writes (web/dist/sw.js, see web/vite.config.ts) so that a reload
 * without a connection still opens the app. Browsers allow it on https and on localhost / 127.0.0.1 only;
 * `npm run dev:web` has none, so development always sees the network.
 *
 * Its first install downloads every asset for the precache (about 400 kB). On a slow phone connection that
 * would compete with the first screen, so it waits until the page has fetched nothing for a while: the time
 * someone spends reading or typing their password.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    void whenNetworkQuiet(QUIET_MS).then(() =>
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
        // No offline copy on this device; the app works online as before.
      }),
    );
  });
}

const QUIET_MS = 2_000;

/** Resolves once the page has started no request for `quietMs` (an already-installed worker skips the wait). */
function whenNetworkQuiet(quietMs: number): Promise<void> {
  if (navigator.serviceWorker.controller || typeof PerformanceObserver === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    let timer = window.setTimeout(done, quietMs);
    const observer = new PerformanceObserver(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(done, quietMs);
    });
    observer.observe({ type: 'resource' });
    function done() {
      observer.disconnect();
      resolve();
    }
  });
}
