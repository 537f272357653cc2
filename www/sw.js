// The service worker of our own pages (registered by www/js/offline.js): after one visit the
// deal check, the quote page and the portfolio page work with the network off.
//
// precache-manifest.js is written by `npm run build` (scripts/build.mjs): every file the pages
// need with the first 16 hex digits of its SHA-256, and a version that is the hash of the whole
// list. The browser compares this script and the scripts it imports byte for byte on every
// navigation, so a changed file is a changed manifest is a new worker, with a new cache named
// after the version.
//
// Install: each file into the new cache, taken from an older cache when its bytes still have the
// listed hash (only changed files are downloaded), else from the network bypassing the HTTP
// cache; a file whose bytes do not have the listed hash fails the install, so a half-copied
// deployment never becomes the offline copy (the old worker stays until a whole one is there).
// Then skipWaiting, and activate deletes the older caches and claims the open pages: the update
// installs in the background during one visit and the next visit (a reload is one) is wholly
// the new version. Without skipWaiting the new version would wait until every tab of the site
// was closed, which a salesperson's pinned tab never is.
//
// Fetch: cache-first for the precached files, the network for anything else. The query string
// is ignored only where the server ignores it too and the file cannot differ: page navigations
// (`?sw`, and a share link keeps its data in the fragment anyway) and the engine's glue, which
// engine.js imports with a query to make a separate instance: `?engine=deal` (or `quote`, or
// `portfolio` in the portfolio worker) for a smaller build, `?instance=…` for a fresh one
// after a trap.
/* global PRECACHE */
importScripts('precache-manifest.js');

const CACHE_PREFIX = 'credit-calculator-precache-';
const CACHE = `${CACHE_PREFIX}${PRECACHE.version}`;
const base = new URL('./', self.location.href);
/** Absolute URL without query → the manifest's hash of that file. */
const FILES = new Map(Object.entries(PRECACHE.files).map(([path, hash]) => [new URL(path, base).href, hash]));
const ANY_QUERY = new Set([new URL('pkg/credit_calculator.js', base).href]);

async function sha(body) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('').slice(0, PRECACHE.hashLength);
}

/** The response to keep: the body with the server's headers (the CSP and the MIME type among them). */
function keep(response, body) {
  const headers = new Headers(response.headers);
  headers.delete('Content-Encoding'); // the body is already decoded
  headers.delete('Content-Length');
  return new Response(body, { status: 200, statusText: 'OK', headers });
}

async function fromOlderCache(url, hash, names) {
  for (const name of names) {
    const cached = await (await caches.open(name)).match(url);
    if (cached) {
      const body = await cached.arrayBuffer();
      if (await sha(body) === hash) return keep(cached, body);
    }
  }
  return null;
}

async function fromNetwork(url, hash) {
  const response = await fetch(new Request(url, { cache: 'no-cache', credentials: 'same-origin', redirect: 'follow' }));
  if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
  const body = await response.arrayBuffer();
  const actual = await sha(body);
  if (actual !== hash) {
    throw new Error(`precache: ${url} has hash ${actual}, the manifest says ${hash}; run npm run build after changing www/`);
  }
  return keep(response, body);
}

async function precache() {
  const cache = await caches.open(CACHE);
  // The new cache itself first: an install that failed half-way resumes where it stopped.
  const names = [CACHE, ...(await caches.keys()).filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE)];
  await Promise.all([...FILES].map(async ([url, hash]) => {
    const response = (await fromOlderCache(url, hash, names)) ?? (await fromNetwork(url, hash));
    await cache.put(url, response);
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

/** The precached URL a request asks for, or null when it is not ours to answer. */
function precachedUrl(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== base.origin) return null;
  const query = url.search;
  url.search = '';
  url.hash = '';
  if (request.mode === 'navigate' && url.pathname.endsWith('/')) url.pathname += 'index.html';
  const key = url.href;
  if (!FILES.has(key)) return null;
  if (query && request.mode !== 'navigate' && !ANY_QUERY.has(key)) return null;
  return key;
}

self.addEventListener('fetch', (event) => {
  const key = precachedUrl(event.request);
  if (!key) return; // the network, as if there were no worker
  event.respondWith((async () => {
    const cached = await (await caches.open(CACHE)).match(key);
    // Missing only if the browser evicted the cache: the network, as without a worker.
    return cached ?? fetch(event.request);
  })());
});
