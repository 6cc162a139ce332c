// Benchmark of <sportello-cv> in headless Chromium: time until the form is usable and to
// the first preview (cold: empty caches; warm: a reload, served by the service worker),
// bytes fetched before the first preview and in all (brotli, as the README's server settings
// send them), preview update after an edit, PDF download, and the size of dist/. Prints
// figures, never fails on them.
//   node wasm/widget/tests/bench.mjs      (after wasm/widget/build.sh)
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { LAUNCH } from './chromium.mjs';
import { distFiles, isCopy } from '../scripts/dist-files.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(here, '..', 'dist');
const SAMPLE = path.join(here, '..', '..', '..', 'tests', 'fixtures', 'profiles', 'sara-cuoca.json');
const EDITS = Number(process.env.EDITS ?? 20);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];
const ms = (x) => `${Math.round(x)} ms`;

/** The size of `f`'s precompressed copy `ext` as the build wrote it (scripts/compress.mjs),
 *  or of `f` itself where there is none (files already compressed are sent as they are). */
async function copySize(f, ext) {
  const s = await stat(path.join(DIST, f + ext)).catch(() => stat(path.join(DIST, f)));
  if (!s.isFile()) throw new Error(`${f} is not a file of dist/`);
  return s.size;
}

/** Every file of dist/ but the precompressed copies, raw and as its .gz and .br copies. */
async function sizes() {
  const all = await distFiles(DIST);
  const files = await Promise.all(
    all.filter((f) => !isCopy(f, all)).map(async (f) => ({ f, raw: await copySize(f, ''), gz: await copySize(f, '.gz'), br: await copySize(f, '.br') })),
  );
  return files.sort((a, b) => b.gz - a.gz);
}

const sample = JSON.parse(await readFile(SAMPLE, 'utf8'));
const server = await serve(DIST);

/** Records the widget's events (a returning user: the draft is in localStorage, so the
 *  first preview renders on load). */
function recorder(draft) {
  if (!localStorage.getItem('sportello-cv-draft')) localStorage.setItem('sportello-cv-draft', JSON.stringify(draft));
  window.__previews = [];
  // Each preview, and when the frame that shows it has been drawn.
  document.addEventListener('sportello-preview', (e) => {
    const p = { ...e.detail, at: performance.now() };
    window.__previews.push(p);
    requestAnimationFrame(() => setTimeout(() => (p.drawn = performance.now()), 0));
  });
  document.addEventListener('sportello-ready', (e) => (window.__ready = { ...e.detail, at: performance.now() }));
  document.addEventListener('sportello-offline', () => (window.__offline = true));
}

/** The first preview of the page's visit, drawn. */
async function firstPreview(page) {
  await page.waitForFunction(() => window.__previews[0]?.drawn, null, { timeout: 60_000 });
  return page.evaluate(() => ({
    first: window.__previews[0],
    ready: window.__ready,
    form: performance.getEntriesByName('sportello-form')[0]?.startTime,
    epoch: performance.timeOrigin + window.__previews[0].at,
  }));
}

/** A browser with a new profile on disk, as a person's browser has (its HTTP cache is on
 *  disk, where the service worker finds the files of the first visit). */
async function newBrowser() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sportello-bench-'));
  const context = await chromium.launchPersistentContext(dir, { ...LAUNCH, viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(recorder, { v: 1, profile: sample, uiLang: 'it' });
  const close = async () => {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  };
  return { context, page: context.pages()[0] ?? (await context.newPage()), close };
}

// First visits in new browsers, for the median; the last browser goes on below.
const COLD = Number(process.env.COLD ?? 3);
const colds = [];
let browser;
for (let i = 0; i < COLD; i++) {
  await browser?.close();
  browser = await newBrowser();
  if (i === COLD - 1) break;
  await browser.page.goto(`${server.url}/demo/`);
  colds.push(await firstPreview(browser.page));
}
const { context, page } = browser;
try {
  // Every response of the cold visit: its file, when it ended, its bytes on the wire.
  const fetched = [];
  context.on('requestfinished', async (r) => {
    const t = r.timing();
    const end = t.startTime > 0 && t.responseEnd >= 0 ? t.startTime + t.responseEnd : Date.now();
    const u = new URL(r.url());
    if (u.protocol !== 'http:' || u.origin !== server.url) return;
    // The server sends each file whole, with its length (of the compressed copy if sent).
    const wire = Number((await r.response())?.headers()['content-length'] ?? 0);
    fetched.push({ file: decodeURIComponent(u.pathname).slice(1), end, wire });
  });

  await page.goto(`${server.url}/demo/`);
  const cold = await firstPreview(page);
  colds.push(cold);
  // Everything of the cold visit has arrived when the service worker is active.
  await page.waitForFunction(() => window.__offline, null, { timeout: 120_000 });
  await page.waitForTimeout(500);
  // Each file once, as the page and its worker fetched it (the service worker then copies
  // them from the HTTP cache).
  const firstFetch = new Map();
  for (const x of fetched) if (!firstFetch.has(x.file)) firstFetch.set(x.file, x);
  const coldFetched = [...firstFetch.values()];
  const warmRuns = [];
  for (let i = 0; i < 3; i++) {
    await page.reload();
    warmRuns.push(await firstPreview(page));
  }
  // A second visit with the network off (and the server's answers not needed).
  await context.setOffline(true);
  await page.reload();
  const offline = await firstPreview(page);
  await context.setOffline(false);

  // Edits: change the headline, wait for the preview that includes it to be drawn (debounce
  // included).
  const edits = [];
  const renders = [];
  for (let i = 0; i < EDITS; i++) {
    const r = await page.evaluate(async (n) => {
      const el = document.querySelector('sportello-cv');
      const input = el.shadowRoot.querySelector('#f-headline');
      const before = window.__previews.length;
      const t0 = performance.now();
      input.value = `Cuoca con attestato HACCP ${n}`;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      while (!window.__previews.at(-1).drawn || window.__previews.length === before) await new Promise((r) => setTimeout(r, 2));
      const last = window.__previews.at(-1);
      return { ms: last.drawn - t0, render: last.renderMs };
    }, i);
    edits.push(r.ms);
    renders.push(r.render);
    await page.waitForTimeout(150);
  }

  // Typing fast: one character every 60 ms; how stale is the preview when typing stops?
  const typing = await page.evaluate(async () => {
    const el = document.querySelector('sportello-cv');
    const input = el.shadowRoot.querySelector('#f-headline');
    input.value = '';
    const text = 'Cuoca di linea e aiuto cuoco';
    let t0 = 0;
    let started = 0;
    for (const [i, ch] of [...text].entries()) {
      if (i) await new Promise((r) => setTimeout(r, 60));
      input.value += ch;
      t0 = performance.now();
      started = el.seq; // renders started so far: none of them shows the final text
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    const shown = () => window.__previews.find((p) => p.seq > started && p.drawn);
    while (!shown()) await new Promise((r) => setTimeout(r, 2));
    return { settle: shown().drawn - t0 };
  });

  const pdf = await page.evaluate(async () => {
    const el = document.querySelector('sportello-cv');
    const t0 = performance.now();
    const bytes = await el.rpc.call('pdf', el.renderArgs());
    return { ms: performance.now() - t0, bytes: bytes.length };
  });

  const files = await sizes();
  const raw = files.reduce((s, f) => s + f.raw, 0);
  const gz = files.reduce((s, f) => s + f.gz, 0);
  const br = files.reduce((s, f) => s + f.br, 0);
  const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;
  const warmFirst = warmRuns.map((w) => w.first.drawn);
  const coldFirst = colds.map((c) => c.first.drawn);
  const warmForm = warmRuns.map((w) => w.form);

  console.log('Sportello widget benchmark (headless %s, a browser profile on disk)', execFileSync(LAUNCH.executablePath, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
  // Bytes: brotli (the .br beside each file: what the README's settings send) and on the wire.
  const parts = await Promise.all(coldFetched.map(async (x) => ({ ...x, br: await copySize(x.file, '.br').catch(() => x.wire) })));
  const before = parts.filter((x) => x.end <= cold.epoch);
  const sum = (xs, k) => xs.reduce((n, x) => n + x[k], 0);

  console.log(`form usable after navigation, cold:         median ${ms(median(colds.map((c) => c.form)))}`);
  console.log(`bytes before the first preview:             ${mb(sum(before, 'br'))} brotli, ${mb(sum(before, 'wire'))} on the wire (${before.length} files)`);
  console.log(`bytes in all (data, feed, service worker):  ${mb(sum(parts, 'br'))} brotli, ${mb(sum(parts, 'wire'))} on the wire (${parts.length} files); largest:`);
  for (const x of [...parts].sort((a, b) => b.br - a.br).slice(0, 6)) console.log(`  ${x.file.padEnd(36)} ${mb(x.br).padStart(9)} brotli  ${x.end <= cold.epoch ? 'before' : 'after'} the first preview`);
  console.log(`time to first preview drawn, cold (new browser, empty cache): median ${ms(median(coldFirst))}  (runs: ${coldFirst.map(ms).join(', ')})`);
  console.log(`  the last: worker ready ${ms(cold.ready.at)} (wasm+fonts ${ms(cold.ready.loadMs)}, engine ${ms(cold.ready.engineMs)}); first render ${ms(cold.first.renderMs)}`);
  console.log(`time to first preview drawn, warm (reload): median ${ms(median(warmFirst))}  (runs: ${warmFirst.map(ms).join(', ')}; form usable: median ${ms(median(warmForm))})`);
  console.log(`time to first preview drawn, network off:   ${ms(offline.first.drawn)} (form usable: ${ms(offline.form)})`);
  console.log(`preview update after an edit:               median ${ms(median(edits))}, p90 ${ms(p90(edits))}  (until drawn; render in the worker: median ${ms(median(renders))}; ${EDITS} edits, debounce included)`);
  console.log(`typing at 60 ms/char, preview drawn:        ${ms(typing.settle)} after the last key`);
  console.log(`PDF for download:                           ${ms(pdf.ms)} (${(pdf.bytes / 1024).toFixed(0)} KiB)`);
  console.log(`dist size:                                  ${mb(raw)} raw, ${mb(gz)} gzip, ${mb(br)} brotli (${files.length} files); largest:`);
  for (const f of files.slice(0, 6)) console.log(`  ${f.f.padEnd(36)} ${mb(f.raw).padStart(9)} raw  ${mb(f.gz).padStart(9)} gzip  ${mb(f.br).padStart(9)} brotli`);
} finally {
  await browser.close();
  await server.close();
}
