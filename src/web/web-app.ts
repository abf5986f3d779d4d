import type { Express, NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `web/dist` of this checkout or image: the first folder above this file that has one (built or not). */
export function webAppDirectory(start = dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const dist = join(dir, 'web', 'dist');
      return existsSync(join(dist, 'index.html')) ? dist : null;
    }
    if (dirname(dir) === dir) return null;
  }
}

/** Paths that belong to the server, never to the web app: they keep their JSON answers, 404s included. */
const serverPath = (path: string) =>
  path === '/api' || path.startsWith('/api/') || path === '/health' || path.startsWith('/health/');

type ServeStaticOptions = NonNullable<NonNullable<Parameters<typeof expressStaticGzip>[1]>['serveStatic']>;

/** Static files, each sent as the brotli or gzip copy the build made beside it when the browser accepts one. */
const precompressed = (root: string, options: ServeStaticOptions) =>
  expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    index: false,
    serveStatic: { index: false, ...options },
  });

/**
 * The service worker (and its brotli or gzip copy): a browser must ask for it again at every check, so that a
 * new release replaces it at once. Browsers cap its HTTP caching at a day anyway; we ask for none.
 */
const isServiceWorker = (path: string) => /^sw\.js(\.br|\.gz)?$/.test(basename(path));

/**
 * Serves the built web app: its hashed assets cached for a year, anything else it ships (icons,
 * manifest) briefly, the service worker and index.html (never cached, so a new release shows at once) for every GET
 * that is a page of the app, i.e. not under /api or /health. Unknown pages are the app's to answer.
 * Text files go out as the brotli or gzip copies `npm run build:web` made (scripts/precompress.mjs).
 */
export function serveWebApp(app: Express, dir: string): void {
  // The page carries the nonce of its Content-Security-Policy (app.factory.ts), for the editor's <style>.
  const page = readFileSync(join(dir, 'index.html'), 'utf8');
  const sendPage = (res: Response) => {
    const nonce = String(res.locals.cspNonce ?? '');
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(page.replace('<head>', `<head>\n    <meta name="csp-nonce" content="${nonce}" />`));
  };
  const files = precompressed(dir, {
    maxAge: '1h',
    setHeaders: (res, path) => {
      if (isServiceWorker(path)) res.setHeader('Cache-Control', 'no-cache');
    },
  });
  app.use('/assets', precompressed(join(dir, 'assets'), { immutable: true, maxAge: '365d' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || serverPath(req.path)) return next();
    if (req.path === '/index.html') return sendPage(res);
    files(req, res, () => {
      // A missing asset is a 404, not the page: the browser asked for a script or an image.
      if (req.path.startsWith('/assets/')) return next();
      sendPage(res);
    });
  });
}
