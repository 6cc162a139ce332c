// The service worker of <sportello-cv> (registered by sportello-cv-offline.js once the
// first preview is shown): it keeps the widget's files of one build, so that a second visit
// works without a network, and the pages that host the widget.
//
// The build writes BUILD below (scripts/precache.mjs): the build's id and each file's
// SHA-256. A new build changes this script, so the browser installs it beside the old one:
// unchanged files are copied from the old build's cache, changed ones fetched once (from the
// HTTP cache if it holds this build's bytes, else from the server), each checked against
// its hash. The new build serves pages opened after the old one's last page has closed, so
// a page never mixes files of two builds. The profile never passes through here: it never
// leaves the page.
//
// Files of the build: cache first. Pages kept (those that host the widget): network first,
// the kept copy when offline. Anything else (the feed, the host's own files) is not touched.

const BUILD = { id: 'unbuilt', assets: {} }; // written by scripts/precache.mjs

const PREFIX = 'sportello-widget-';
const CACHE = PREFIX + BUILD.id;
const PAGES = 'sportello-pages';
const MAX_PAGES = 20;
const HASH = 'x-sportello-sha256';
const base = new URL('./', self.location.href).href;

const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (buf) => hex(await crypto.subtle.digest('SHA-256', buf));

/** This build's copy of `file`: an earlier build's when unchanged, else fetched and checked. */
async function copyOf(file, hash, older) {
  const url = new URL(file, base).href;
  for (const cache of older) {
    const r = await cache.match(url);
    if (r?.headers.get(HASH) === hash) return r;
  }
  for (const mode of ['force-cache', 'reload']) {
    const r = await fetch(url, { cache: mode });
    if (!r.ok) continue;
    const body = await r.arrayBuffer();
    if ((await sha256(body)) !== hash) continue;
    const headers = new Headers({ [HASH]: hash });
    headers.set('content-type', r.headers.get('content-type') ?? 'application/octet-stream');
    return new Response(body, { headers });
  }
  throw new Error(`${file} on the server is not the file of build ${BUILD.id}`);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
      const older = await Promise.all(names.map((n) => caches.open(n)));
      const cache = await caches.open(CACHE);
      // One file at a time: the .wasm is large, and a phone's memory is not.
      for (const [file, hash] of Object.entries(BUILD.assets)) {
        const url = new URL(file, base).href;
        if ((await cache.match(url))?.headers.get(HASH) === hash) continue;
        await cache.put(url, await copyOf(file, hash, older));
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const n of await caches.keys()) if (n.startsWith(PREFIX) && n !== CACHE) await caches.delete(n);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  url.search = '';
  url.hash = '';
  const file = url.href.startsWith(base) ? url.href.slice(base.length) : null;
  if (file !== null && Object.hasOwn(BUILD.assets, file)) {
    event.respondWith(caches.match(url.href, { cacheName: CACHE }).then((r) => r ?? fetch(req)));
  } else if (req.mode === 'navigate') {
    event.respondWith(page(req));
  }
});

/** A page: from the network, refreshing the kept copy if it is kept; the kept copy offline. */
async function page(req) {
  const pages = await caches.open(PAGES);
  const kept = await pages.match(req.url);
  try {
    const r = await fetch(req);
    if (kept && r.ok) await pages.put(req.url, r.clone());
    return r;
  } catch (e) {
    if (kept) return kept;
    throw e;
  }
}

// A page that hosts the widget asks to be kept (the widget's own message, same origin).
self.addEventListener('message', (event) => {
  const { op, url } = event.data ?? {};
  if (op !== 'keep-page' || typeof url !== 'string') return;
  const href = new URL(url, base);
  href.hash = '';
  // Only pages in the service worker's scope: never, say, a desk's page about a person.
  if (!href.href.startsWith(self.registration.scope)) return;
  event.waitUntil(
    (async () => {
      const pages = await caches.open(PAGES);
      const r = await fetch(href.href, { cache: 'force-cache' });
      if (!r.ok) return;
      await pages.put(href.href, r);
      const keys = await pages.keys();
      for (const k of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await pages.delete(k);
    })().catch(() => {}),
  );
});
