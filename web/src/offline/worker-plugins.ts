// Workbox plugins of the service worker's API route (web/vite.config.ts). Workbox writes each function into
// web/dist/sw.js as its own text, so each must stand alone: no imports, no names from outside its own body.

/**
 * Only JSON answers are kept: never a download (an exported .docx, an uploaded file, a calendar feed) nor a
 * server-written page (a signed reminder link), which are the server's to answer each time.
 */
export async function onlyJson({ response }: { response: Response }): Promise<Response | null> {
  const type = response.headers.get('content-type') ?? '';
  return response.status === 200 && type.startsWith('application/json') ? response : null;
}

/**
 * The service worker's last resort for an API GET when the network fails and it kept no answer for that exact
 * address: the newest answer it kept for the same address but for the instants' values. The dashboard asks for
 * "due from now to 30 days from now", so each visit's address differs by its instants; offline it gets the
 * list as it was last seen. Which parameters are instants, pages, filters and the rest must still match: an
 * open-ended "from now" is not answered with a 30-day window.
 */
export async function lastAnswerFor({ request }: { request: Request }): Promise<Response | undefined> {
  const withoutInstants = (href: string) => {
    const url = new URL(href);
    for (const [name, value] of [...url.searchParams]) {
      if (/^\d{4}-\d{2}-\d{2}T/.test(value)) url.searchParams.set(name, '');
    }
    url.searchParams.sort();
    return url.href;
  };
  // The name of API_CACHE (web/src/offline/api-cache.ts), written out: this body runs as its own text.
  const cache = await caches.open('cjn-api-v1');
  const wanted = withoutInstants(request.url);
  // Oldest first: a renewed answer is put again, at the end.
  const kept = [...(await cache.keys())].reverse().find((key) => withoutInstants(key.url) === wanted);
  return kept ? cache.match(kept) : undefined;
}
