// The widget on a phone: usable before the engine has arrived, what the first preview does
// not need loaded after it, a second visit without a network, and a new build fetched once.
// Each test has its own browser context (its own service workers and caches) and its own
// copy of dist/, served on 127.0.0.1, so that a test can take its server down or deploy a
// changed build.
//   node --test --test-concurrency=1 wasm/widget/tests/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { LAUNCH } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(here, '..', 'dist');
const SAMPLE = JSON.parse(await readFile(path.join(here, '..', '..', '..', 'tests', 'fixtures', 'profiles', 'sara-cuoca.json'), 'utf8'));
const TODAY = '2026-11-23';
const DATA = /\/data\/[^/]+$/;

let browser;
const copies = [];
const servers = [];

/** A copy of dist/ of this test's own, served (closed after the tests if a test fails). */
async function served() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sportello-widget-'));
  copies.push(dir);
  await cp(DIST, dir, { recursive: true });
  const server = await serve(dir);
  servers.push(server);
  return { dir, ...server };
}

/** Events of the widget, in the page's order, with the time since navigation. */
function recorder() {
  window.__events = [];
  for (const type of ['sportello-ready', 'sportello-preview', 'sportello-data', 'sportello-offline', 'sportello-matches'])
    document.addEventListener(type, (e) => window.__events.push({ type, at: performance.now(), detail: e.detail }));
}

const waitEvent = (page, type, after = 0) =>
  page.waitForFunction(([t, n]) => window.__events.filter((e) => e.type === t).length > n, [type, after], { timeout: 60_000 });
const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => e.type === t), type);
const el = (page, sel, opts) => page.locator(`sportello-cv ${sel}`, opts);
const widget = (page, fn, arg) => page.evaluate(([f, a]) => new Function('el', 'arg', `return (${f})(el, arg)`)(document.querySelector('sportello-cv'), a), [fn.toString(), arg]);

/** Polls `fn` in the page (it may be async: waitForFunction takes a promise as truthy). */
async function until(page, fn, arg, timeout = 60_000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function newContext(opts = {}) {
  const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1400, height: 1000 }, ...opts });
  await context.addInitScript(recorder);
  return context;
}

before(async () => {
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const d of copies) await rm(d, { recursive: true, force: true });
});

test('the form works while the engine loads; the preview comes when it is ready, then the data and the feed', async () => {
  const site = await served();
  // No service worker here: the test holds back the .wasm at the network.
  const context = await newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const seen = [];
  context.on('request', (r) => seen.push({ url: r.url(), at: Date.now() }));
  // The worker's script is held back, so the engine cannot start until it is released.
  let release;
  const held = new Promise((r) => (release = r));
  await context.route('**/sportello-worker.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${site.url}/demo/`);
  await el(page, '#f-person-given-name').waitFor();
  const formAt = await page.evaluate(() => performance.getEntriesByName('sportello-form')[0]?.startTime);
  assert.ok(formAt > 0, 'the form marks when it is usable');
  await el(page, '#f-person-given-name').fill('Lucia');
  await el(page, '#f-person-family-name').fill('Bianchi');
  await el(page, '#f-headline').fill('Addetta alle pulizie');
  await el(page, '#pages .placeholder', { hasText: 'motore' }).waitFor();
  assert.match(await el(page, '#pages').innerText(), /Caricamento del motore dell’anteprima… Intanto puoi continuare a scrivere/);
  assert.deepEqual(await events(page, 'sportello-preview'), []);

  release();
  await waitEvent(page, 'sportello-preview');
  assert.equal(await el(page, '#f-person-given-name').inputValue(), 'Lucia', 'what was typed is kept');
  assert.match(await widget(page, (w) => w.cvText()), /Lucia Bianchi[\s\S]*Addetta alle pulizie/);
  // Then the reference data and the feed, which the first preview did not wait for.
  await waitEvent(page, 'sportello-data');
  const [data] = await events(page, 'sportello-data');
  assert.ok(data.detail.bytes > 1_000_000, `reference data: ${data.detail.bytes} bytes`);
  await el(page, '#sec-matches button.primary:not([disabled])').waitFor();
  const [preview] = await events(page, 'sportello-preview');
  const previewAt = await page.evaluate((at) => performance.timeOrigin + at, preview.at);
  const later = seen.filter((r) => DATA.test(r.url) || r.url.endsWith('/demo/vacancies.json'));
  assert.equal(later.length, 6, later.map((r) => r.url).join(' '));
  for (const r of later) assert.ok(r.at >= previewAt, `${r.url} was asked for before the first preview`);
  // The ESCO search works with the data handed in.
  await el(page, '#f-skill').fill('muletto');
  assert.match(await el(page, '#lb-skill [role=option]').first().innerText(), /utilizzare il carrello elevatore/);
  await context.close();
  await site.close();
});

test('a second visit works with the network off: the page, a PDF of the draft, the last feed', async () => {
  const site = await served();
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(`${site.url}/demo/`);
  await widget(page, (w, today) => w.setAttribute('today', today), TODAY);
  await page.evaluate((p) => (document.querySelector('sportello-cv').profile = p), SAMPLE);
  await waitEvent(page, 'sportello-offline');
  await el(page, '#sec-matches button.primary:not([disabled])').waitFor();
  await until(page, async () => (await (await caches.open('sportello-pages')).keys()).length > 0);

  // Changing language or template downloads nothing.
  const hits = site.hits.length;
  const previews = (await events(page, 'sportello-preview')).length;
  await el(page, 'button.lang-switch').click();
  await waitEvent(page, 'sportello-preview', previews);
  await el(page, '#f-render-template').selectOption({ index: 1 });
  await waitEvent(page, 'sportello-preview', previews + 1);
  await el(page, 'button.lang-switch').click();
  assert.deepEqual(site.hits.slice(hits), [], 'nothing fetched again');

  // Offline: the browser's network off and the server gone.
  await page.close();
  await site.close();
  await context.setOffline(true);
  const again = await context.newPage();
  const errors = [];
  again.on('pageerror', (e) => errors.push(String(e)));
  await again.goto(`${site.url}/demo/`);
  await widget(again, (w, today) => w.setAttribute('today', today), TODAY);
  await waitEvent(again, 'sportello-preview');
  assert.equal(await el(again, '#f-person-given-name').inputValue(), 'Sara', 'the draft is there');
  const pdf = await widget(again, async (w) => {
    const bytes = await w.rpc.call('pdf', w.renderArgs());
    return String.fromCharCode(...bytes.slice(0, 5));
  });
  assert.equal(pdf, '%PDF-');
  await el(again, '#feed-status', { hasText: 'Senza connessione' }).waitFor();
  assert.match(await el(again, '#feed-status').innerText(), /elenco delle offerte salvato il \d+ \w+ \d{4}/);
  const matched = waitEvent(again, 'sportello-matches');
  await el(again, 'button.primary', { hasText: 'Cerca le offerte adatte' }).click();
  await matched;
  const [m] = await events(again, 'sportello-matches');
  assert.ok(m.detail.count > 0, 'the last feed is matched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new build: the changed file is fetched once, the rest kept, and pages opened later get it', async () => {
  const site = await served();
  const context = await newContext();
  let page = await context.newPage();
  await page.goto(`${site.url}/demo/`);
  await waitEvent(page, 'sportello-offline');
  await page.close();

  // Deploy: one file changes (a word of the form), and the service worker lists it anew.
  const element = path.join(site.dir, 'sportello-cv.js');
  const changed = (await readFile(element, 'utf8')).replace(/title: (["'])Il mio curriculum\1/, "title: 'Il mio curriculum (nuova versione)'");
  assert.ok(changed.includes('(nuova versione)'), 'the deployed change');
  await writeFile(element, changed);
  // As build.sh does: the service worker's list, then the compressed copies (quickly here).
  execFileSync('node', [path.join(here, '..', 'scripts', 'precache.mjs'), site.dir]);
  execFileSync('node', [path.join(here, '..', 'scripts', 'compress.mjs'), site.dir, '1']);
  const build = (await readFile(path.join(site.dir, 'sportello-sw.js'), 'utf8')).match(/const BUILD = \{"id":"(\w+)"/)[1];
  const hits = site.hits.length;

  // The next visit still runs the build it started with, while the new one installs.
  page = await context.newPage();
  await page.goto(`${site.url}/demo/`);
  await el(page, 'h2', { hasText: /^Il mio curriculum$/ }).waitFor();
  await until(page, async (id) => Boolean((await navigator.serviceWorker.getRegistration())?.waiting) && (await caches.keys()).includes(`sportello-widget-${id}`), build);
  await page.close();
  // With its last page closed, the old build hands over (seen from a page outside its scope).
  const outside = await context.newPage();
  await outside.goto(`${site.url}/NOTICE.txt`);
  await until(outside, async () => {
    const reg = await navigator.serviceWorker.getRegistration('/demo/');
    return reg?.active?.state === 'activated' && !reg.waiting && !reg.installing;
  });
  await outside.close();

  page = await context.newPage();
  await page.goto(`${site.url}/demo/`);
  await el(page, 'h2', { hasText: 'Il mio curriculum (nuova versione)' }).waitFor();
  assert.deepEqual((await page.evaluate(() => caches.keys())).filter((k) => k.startsWith('sportello-widget-')), [`sportello-widget-${build}`], 'the old build is gone');
  const after = site.hits.slice(hits);
  assert.equal(after.filter((h) => h.endsWith('/sportello-cv.js')).length, 1, `fetched: ${after.join(' ')}`);
  assert.equal(after.filter((h) => h.endsWith('.wasm') || DATA.test(h) || h.includes('/fonts/')).length, 0, `fetched: ${after.join(' ')}`);
  await context.close();
  await site.close();
});
