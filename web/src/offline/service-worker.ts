/**
 * Registers the service worker the build writes (web/dist/sw.js, see web/vite.config.ts) so that a reload
 * without a connection still opens the app. Browsers allow it on https and on localhost / 127.0.0.1 only;
 * `npm run dev:web` has none, so development always sees the network.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No offline copy on this device; the app works online as before.
    });
  });
}
