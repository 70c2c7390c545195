import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { translate } from '../i18n/messages';
import { requestLocale } from './locale';

/** Files under /assets carry a content hash in their name: a new build gives new names, so they never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * index.html and other unhashed files, among them the service worker (sw.js), the web app manifest and the
 * icons (decision 0010): revalidated on every load, so a new build, and a new worker, is picked up at once.
 */
export const REVALIDATE = 'no-cache';

/**
 * The built web app (decision 0009): files as built, served as their .br/.gz siblings when the
 * browser accepts them (written by the build, see scripts/vite-precompress.ts), with cache headers
 * by kind; every other GET that is not /api and not a file gets index.html (client-side routes).
 */
export async function registerWebApp(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  const hasWeb = !!webDir && existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    const assetsDir = path.join(webDir, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: webDir,
      // wildcard: files are looked up per request, so a rebuild while the server runs is served correctly.
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', filePath.startsWith(assetsDir) ? IMMUTABLE : REVALIDATE);
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0]!;
    // A missing file (an old /assets/*.js after a rebuild) is a 404, never the app's HTML.
    const looksLikeFile = /\.[a-z0-9]+$/i.test(pathname) || pathname.startsWith('/assets/');
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET' || looksLikeFile) {
      return reply
        .status(404)
        .send({
          error: { code: 'route_not_found', message: translate(requestLocale(request), 'route_not_found') },
        });
    }
    // Client-side routes: the single-page app handles them.
    return reply.type('text/html').sendFile('index.html');
  });
}
