/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { SAVED_API_CACHE, SAVED_AT_HEADER, savedApiPaths } from './lib/offline/saved-api';

/**
 * The service worker (decision 0010): the app opens without signal, the member's and the secretary's
 * meeting pages show what was last read, and the rest behaves as online.
 */
declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

void self.skipWaiting();
clientsClaim();

// Pages: from the network (a new build is seen at once, decision 0009); without signal, the saved app shell.
// Registered before the precache's own route, which would answer "/" from the cache first.
const NAVIGATION_TIMEOUT_MS = 5000;
registerRoute(
  new NavigationRoute(
    async ({ request }) => {
      try {
        return await Promise.race([
          fetch(request),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('timeout')), NAVIGATION_TIMEOUT_MS),
          ),
        ]);
      } catch {
        return (await matchPrecache('/index.html')) ?? Response.error();
      }
    },
    { denylist: [/^\/api\//] },
  ),
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Hashed code and styles never change under their name: the first load keeps them.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/assets/'),
  new CacheFirst({
    cacheName: 'rl-assets',
    plugins: [new ExpirationPlugin({ maxEntries: 400, purgeOnQuotaError: true })],
  }),
);

// What the offline pages read: the network first; without it (or after 6 s of nothing), the copy saved
// last time, marked with when it was saved so the page can say so.
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    savedApiPaths.some((re) => re.test(url.pathname)),
  new NetworkFirst({
    cacheName: SAVED_API_CACHE,
    networkTimeoutSeconds: 6,
    plugins: [
      new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 86_400, purgeOnQuotaError: true }),
      {
        cachedResponseWillBeUsed: async ({ cachedResponse }) => {
          if (!cachedResponse) return cachedResponse;
          const headers = new Headers(cachedResponse.headers);
          headers.set(SAVED_AT_HEADER, cachedResponse.headers.get('date') ?? new Date().toUTCString());
          return new Response(await cachedResponse.blob(), { status: cachedResponse.status, headers });
        },
      },
    ],
  }),
);
