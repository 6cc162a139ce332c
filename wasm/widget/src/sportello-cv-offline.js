// What <sportello-cv> loads after the first preview, and its offline use.
//
// The first preview needs the worker, the WebAssembly module and the fonts only. Once it is
// shown (or at once, when there is nothing to preview yet), the element asks for the rest:
// the reference data (ESCO, Italian labels, comuni) and the vacancy feed. Then it registers
// the service worker (sportello-sw.js, next to this file), which keeps the widget's files
// of this build, so that the next visit works without a network; registering last lets it
// take the files from the browser's HTTP cache instead of downloading them twice.
//
// The feed's last good copy is kept in the browser's Cache Storage with the time it was
// fetched, and used, with that date shown, when the feed cannot be fetched. Only the
// widget's files, the pages that host it and the public feed are kept: never the profile.
//
// Methods of the element, installed on SportelloCv.prototype by sportello-cv.js.

const FEED_CACHE = 'sportello-feed';
const SAVED_AT = 'x-sportello-saved-at';

export const offlineMethods = {
  /** Called after each preview attempt; the first time, loads what the preview did not need. */
  afterFirstPreview() {
    if (this.firstPreviewDone) return;
    this.firstPreviewDone = true;
    performance.mark('sportello-first-preview');
    const data = this.rpc.call('loadData').then(
      (info) => this.dispatch('sportello-data', info),
      (e) => this.reportError(e),
    );
    const feed = this.hasAttribute('feed') ? this.loadFeed() : null;
    Promise.allSettled([data, feed]).then(() => this.registerOffline());
  },

  /** Registers the service worker, unless `offline="off"` or it cannot be (another origin). */
  async registerOffline() {
    if (this.getAttribute('offline') === 'off' || !('serviceWorker' in navigator)) return;
    const script = new URL('./sportello-sw.js', import.meta.url);
    if (script.origin !== location.origin) return;
    try {
      const scope = this.getAttribute('offline-scope') || undefined;
      const reg = await navigator.serviceWorker.register(script, { scope });
      // A new build is looked for on every later visit (not while this one installs); it
      // takes over once no page uses the old one.
      if (reg.active && !reg.installing && !reg.waiting) reg.update().catch(() => {});
      const worker = await activeWorker(reg);
      worker.postMessage({ op: 'keep-page', url: location.href });
      this.dispatch('sportello-offline', { scope: reg.scope });
    } catch (e) {
      // Working offline is a convenience: the widget works the same without it.
      this.offlineError = e;
    }
  },

  /** The feed's text: fetched, or the last copy kept when it cannot be; `savedAt` is then
   *  the time that copy was fetched (an ISO string), else null. */
  async fetchFeed(url) {
    const href = new URL(url, document.baseURI).href;
    try {
      const r = await fetch(href, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const text = await r.text();
      await keepFeed(href, text);
      return { text, savedAt: null };
    } catch (e) {
      const kept = await keptFeed(href);
      if (!kept) throw e;
      return kept;
    }
  },
};

/** The registration's active worker, once there is one. */
function activeWorker(reg) {
  if (reg.active) return Promise.resolve(reg.active);
  const w = reg.installing ?? reg.waiting;
  return new Promise((resolve, reject) => {
    w.addEventListener('statechange', () => {
      if (w.state === 'activated') resolve(w);
      if (w.state === 'redundant') reject(new Error('the service worker was not installed'));
    });
  });
}

async function keepFeed(href, text) {
  if (!globalThis.caches) return;
  try {
    const cache = await caches.open(FEED_CACHE);
    await cache.put(href, new Response(text, { headers: { 'content-type': 'application/json', [SAVED_AT]: new Date().toISOString() } }));
  } catch {
    // No storage (private mode, quota): the feed is simply not kept.
  }
}

async function keptFeed(href) {
  if (!globalThis.caches) return null;
  try {
    const r = await (await caches.open(FEED_CACHE)).match(href);
    return r ? { text: await r.text(), savedAt: r.headers.get(SAVED_AT) } : null;
  } catch {
    return null;
  }
}
