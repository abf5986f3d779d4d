/**
 * The service worker's copy of the API's last answers (GET /api/v1/…, never /api/v1/auth/…), read when the
 * network is unavailable. Named here for the build (web/vite.config.ts) and for the app, which empties it
 * whenever the person using this device may change: a shared phone must not show the previous person's data.
 */
export const API_CACHE = 'cjn-api-v1';

/** Forgets every API answer kept on this device. Safe where there is no Cache Storage (an insecure origin). */
export async function clearApiCache(): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    await caches.delete(API_CACHE);
  } catch {
    // Storage unavailable (private browsing in some browsers): nothing was kept either.
  }
}
