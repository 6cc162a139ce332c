// End-to-end tests of <sportello-cv> in headless Chromium (playwright-core + Debian's
// chromium), against wasm/widget/dist served on 127.0.0.1. The tests run in order and
// share one page, like a person filling in the form:
//   node --test --test-concurrency=1 wasm/widget/tests/
// CHROMIUM_PATH overrides /usr/bin/chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { LAUNCH } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const DIST = path.join(here, '..', 'dist');
const FIXTURES = path.join(here, '..', '..', '..', 'tests', 'fixtures');
const TODAY = '2026-11-23';

let server, browser, context, page;
const requests = [];
const pageErrors = [];

/** Records every preview and match event of the widget, before any page script runs. */
function recorder() {
  window.__previews = [];
  window.__previewErrors = [];
  window.__matches = [];
  document.addEventListener('sportello-preview', (e) => window.__previews.push(e.detail));
  document.addEventListener('sportello-preview-error', (e) => window.__previewErrors.push(e.detail));
  document.addEventListener('sportello-matches', (e) => window.__matches.push(e.detail));
}

const count = (name) => page.evaluate((n) => window[n].length, name);
/** Runs `action`, then waits for the next event recorded under `name`. */
async function next(name, action, timeout = 20_000) {
  const n = await count(name);
  await action();
  await page.waitForFunction(([k, m]) => window[k].length > m, [name, n], { timeout });
  return page.evaluate((k) => window[k].at(-1), name);
}
const el = (sel, opts) => page.locator(`sportello-cv ${sel}`, opts);
const cvText = () => page.evaluate(() => document.querySelector('sportello-cv').cvText());

async function openDemo(p) {
  await p.goto(`${server.url}/demo/`);
  await p.evaluate((today) => document.querySelector('sportello-cv').setAttribute('today', today), TODAY);
  await p.evaluate(() => document.querySelector('sportello-cv').ready);
}

before(async () => {
  server = await serve(DIST);
  browser = await chromium.launch(LAUNCH);
  // No service worker: these tests hold back and rewrite requests (page.route), which a
  // service worker would answer first; tests/offline.test.mjs has the offline visits.
  context = await browser.newContext({ acceptDownloads: true, locale: 'it-IT', viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(recorder);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e));
  await openDemo(page);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('starts in Italian with an empty form and a hint instead of a preview', async () => {
  await assert.doesNotReject(el('h2').filter({ hasText: 'Il mio curriculum' }).waitFor());
  assert.equal(await page.getByRole('textbox', { name: 'Nome (obbligatorio)', exact: true }).inputValue(), '');
  assert.match(await el('#pages').innerText(), /Scrivi nome e cognome/);
});

test('the preview draws the pixels of Typst\'s own SVG', async () => {
  // The module in this page: Typst's SVG pages and the preview's (glyphs in place), both
  // drawn on a canvas at twice their size.
  const sample = await readFile(path.join(FIXTURES, 'profiles', 'sara-cuoca.json'), 'utf8');
  const pages = await page.evaluate(async ({ sample, today }) => {
    const glue = await import('/sportello_wasm.js');
    await glue.default({ module_or_path: '/sportello_wasm_bg.wasm' });
    const fonts = await Promise.all(['Regular', 'Bold', 'Italic', 'BoldItalic'].map(async (f) => new Uint8Array(await (await fetch(`/fonts/LibertinusSerif-${f}.otf`)).arrayBuffer())));
    const engine = new glue.Engine(fonts);
    const typst = engine.renderSvg(sample, 'modern', 'it', today).pages;
    const preview = engine.renderSvg(sample, 'modern', 'it', today, undefined, true).pages;
    const pixels = async (svg) => {
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      await img.decode();
      const c = Object.assign(document.createElement('canvas'), { width: 1190, height: 1684 });
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0, c.width, c.height);
      return g.getImageData(0, 0, c.width, c.height).data;
    };
    const out = [];
    for (const [i, svg] of typst.entries()) {
      const [a, b] = [await pixels(svg), await pixels(preview[i])];
      let ink = 0;
      let differ = 0;
      for (let k = 0; k < a.length; k += 4) {
        if (a[k] < 200 || a[k + 1] < 200 || a[k + 2] < 200) ink++;
        if (Math.max(Math.abs(a[k] - b[k]), Math.abs(a[k + 1] - b[k + 1]), Math.abs(a[k + 2] - b[k + 2])) > 48) differ++;
      }
      out.push({ ink: ink / (a.length / 4), differ: differ / (a.length / 4), uses: (svg.match(/<use /g) ?? []).length, left: (preview[i].match(/<use /g) ?? []).length });
    }
    return out;
  }, { sample, today: TODAY });
  assert.ok(pages.length >= 1);
  for (const [i, p] of pages.entries()) {
    assert.ok(p.uses > 100 && p.left === 0, `page ${i + 1}: ${p.uses} glyphs, ${p.left} left as <use>`);
    assert.ok(p.ink > 0.002, `page ${i + 1} has ink: ${p.ink}`);
    assert.ok(p.differ < 0.001, `page ${i + 1}: ${(p.differ * 100).toFixed(3)}% of the pixels differ`);
  }
});

test('fills in the form and sees the preview update', async () => {
  const first = await next('__previews', async () => {
    await el('#f-person-given-name').fill('Maria');
    await el('#f-person-family-name').fill('Rossi');
  });
  assert.ok(first.pages >= 1);
  assert.equal(await el('#pages .page').count(), first.pages);
  assert.equal(await el('#pages .page svg').count(), first.pages);
  assert.equal(await page.getByRole('img', { name: /Anteprima del curriculum, pagina 1 di/ }).count(), 1);
  const before = await el('#pages .page').first().innerHTML();
  await next('__previews', () => el('#f-headline').fill('Cuoca con attestato HACCP'));
  assert.notEqual(await el('#pages .page').first().innerHTML(), before, 'the preview page changed');
  const text = await cvText();
  assert.match(text, /Maria Rossi/);
  assert.match(text, /Cuoca con attestato HACCP/);
});

test('adds a work experience, a language with the CEFR grid and the home comune', async () => {
  await el('button', { hasText: 'Aggiungi un’esperienza' }).click();
  await el('#f-work-0-role').fill('Aiuto cuoca');
  await el('#f-work-0-employer').fill('Mensa Esempio');
  await el('#f-work-0-start').fill('03/2019');
  await next('__previews', () => el('#f-work-0-end').fill('2021-06'));
  assert.match(await cvText(), /Aiuto cuoca/);

  await el('button', { hasText: 'Aggiungi un’altra lingua' }).click();
  await el('#f-languages-other-0-language').selectOption('en');
  await next('__previews', () => el('#f-languages-other-0-reading').selectOption('B2'));
  assert.match(await cvText(), /B2/);
  assert.match(await el('details summary', { hasText: 'A1, A2' }).innerText(), /Cosa vogliono dire/);

  const home = el('#f-mobility-home');
  await home.fill('Olegg');
  await el('#lb-mobility-home [role=option]').first().waitFor();
  await home.press('ArrowDown');
  await home.press('Enter');
  assert.equal(await home.inputValue(), 'Oleggio (NO)');
  const profile = await page.evaluate(() => document.querySelector('sportello-cv').profile);
  assert.equal(profile.mobility.home.istat, '003108');
  assert.equal(profile.work[0].start, '2019-03', '03/2019 is read as 2019-03');
});

test('suggests ESCO skills as you type and adds one with the keyboard', async () => {
  const input = el('#f-skill');
  await input.fill('muletto');
  const option = el('#lb-skill [role=option]').first();
  await option.waitFor();
  // The person's word, with the ESCO skill named in Italian (Sportello's Italian labels).
  assert.match(await option.innerText(), /muletto[\s\S]*ESCO: utilizzare il carrello elevatore/);
  assert.doesNotMatch(await option.innerText(), /operate forklift/);
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  await input.press('ArrowDown');
  assert.ok((await input.getAttribute('aria-activedescendant'))?.startsWith('lb-skill-'));
  await next('__previews', () => input.press('Enter'));
  const skills = (await page.evaluate(() => document.querySelector('sportello-cv').profile)).skills;
  assert.equal(skills.length, 1);
  assert.match(skills[0].uri, /^http:\/\/data\.europa\.eu\/esco\/skill\//);
  // A skill ESCO does not know is kept as written with Enter.
  await input.fill('cucina piemontese tradizionale');
  await next('__previews', () => input.press('Enter'));
  assert.equal(await el('.chips li').count(), 2);
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id), 'f-skill', 'focus stays in the skill field');
});

test('suggests the typical skills of the job wanted', async () => {
  const input = el('#f-occupation');
  await input.fill('cuoco');
  await el('#lb-occupation [role=option]').first().waitFor();
  await input.press('ArrowDown');
  await input.press('Enter');
  const add = el('#suggested button').first();
  await add.waitFor();
  // The typical skills of a cook are offered in Italian.
  const offered = await el('#suggested button').allInnerTexts();
  assert.ok(offered.some((t) => /cucin|aliment|cottura/i.test(t)), offered.join(' / '));
  const n = await el('#sec-skills .chips li').count();
  await next('__previews', () => add.click());
  assert.equal(await el('#sec-skills .chips li').count(), n + 1);
});

test('ties errors to their fields and keeps the last good preview', async () => {
  const end = el('#f-work-0-end');
  const err = await next('__previewErrors', () => end.fill('2018-01'));
  assert.equal(err.error.kind, 'invalid');
  const msg = el('#e-work-0-end');
  await msg.waitFor();
  // Worded in Italian by the core (the problem's code is before_start).
  assert.match(await msg.innerText(), /"2018-01" viene prima della data di inizio "2019-03"/);
  assert.equal(await end.getAttribute('aria-invalid'), 'true');
  assert.match(await end.getAttribute('aria-describedby'), /e-work-0-end/);
  assert.ok(await el('#stale').isVisible());
  assert.ok((await el('#pages .page').count()) >= 1, 'the last good preview stays');
  await next('__previews', () => end.fill('2021-06'));
  assert.equal(await end.getAttribute('aria-invalid'), null);

  const family = el('#f-person-family-name');
  await next('__previewErrors', () => family.fill(''));
  await el('#e-person-family-name').waitFor();
  assert.match(await el('#e-person-family-name').innerText(), /Campo obbligatorio/);
  await next('__previews', () => family.fill('Rossi'));
});

test('downloads a PDF that contains the name', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), el('button', { hasText: 'Scarica il PDF' }).click()]);
  assert.equal(download.suggestedFilename(), 'CV-Maria-Rossi.pdf');
  const pdf = await readFile(await download.path());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdfContains(pdf, 'Maria Rossi'), 'the PDF metadata or text holds the name');
});

test('exports the profile as JSON and imports it back; a broken file leaves the draft intact', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), el('button', { hasText: 'Esporta i dati' }).click()]);
  assert.equal(download.suggestedFilename(), 'CV-Maria-Rossi.json');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.person.family_name, 'Rossi');
  assert.equal(exported.work[0].role, 'Aiuto cuoca');

  exported.person.given_name = 'Marta';
  await next('__previews', () => el('#f-import').setInputFiles({ name: 'cv.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) }));
  assert.equal(await el('#f-person-given-name').inputValue(), 'Marta');
  assert.match(await cvText(), /Marta Rossi/);

  await el('#f-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"person": {"given_name": "X",') });
  await el('#e-import').waitFor();
  assert.match(await el('#e-import').innerText(), /Non riesco a leggere/);
  assert.equal(await el('#f-person-given-name').inputValue(), 'Marta', 'the draft is intact');

  const vacancy = await readFile(path.join(FIXTURES, 'vacancies', 'nov-01-magazziniere-trecate.yaml'));
  await el('#f-import').setInputFiles({ name: 'offerta.yaml', mimeType: 'application/x-yaml', buffer: vacancy });
  await page.waitForFunction(() => /offerta di lavoro/.test(document.querySelector('sportello-cv').shadowRoot.querySelector('#e-import').textContent));
  assert.equal(await el('#f-person-given-name').inputValue(), 'Marta');
});

test('finds vacancies that fit, with the reasons', async () => {
  const sara = await readFile(path.join(FIXTURES, 'profiles', 'sara-cuoca.json'));
  await next('__previews', () => el('#f-import').setInputFiles({ name: 'sara.json', mimeType: 'application/json', buffer: sara }));
  const found = await next('__matches', () => el('button', { hasText: 'Cerca le offerte adatte' }).click());
  assert.ok(found.count >= 1);
  const first = el('#match-list li').first();
  assert.match(await first.innerText(), /adatta al \d+%/);
  assert.match(await first.innerText(), /Competenze che hai/);
  assert.match(await first.innerText(), /La tua professione\s+aiuto cuoco \[stessa professione ESCO\]/);
  const titles = await el('#match-list h4').allInnerTexts();
  assert.ok(titles.some((t) => /cuoc/i.test(t)), `a cook's vacancy is among ${titles}`);
  // Excluded vacancies, with the reason, on request.
  const all = await next('__matches', () => el('label', { hasText: 'Mostra anche le offerte escluse' }).click());
  assert.ok(all.count > found.count);
  assert.match(await el('#match-list').textContent(), /Esclusa perché/);
});

test('gives a CV and a cover letter for a vacancy that fits', async () => {
  const first = el('#match-list li').first();
  const title = (await first.locator('h4').innerText()).trim();
  await el('select[data-kind=max-pages]').selectOption('2');
  const [cv] = await Promise.all([page.waitForEvent('download'), first.locator('button', { hasText: 'Scarica il CV per questa offerta' }).click()]);
  assert.match(cv.suggestedFilename(), /^CV-nov-\d\d-Sara-Colombo\.pdf$/);
  const cvWords = pdftotext(await cv.path());
  assert.match(cvWords, /Sara Colombo/);
  await page.waitForFunction(() => document.querySelector('sportello-cv').shadowRoot.querySelector('#changes-0').textContent.trim() !== '');
  assert.match(await first.locator('.changes').innerText(), /Cosa è cambiato \(\d+; pagine: [12]\)|già nell’ordine/);
  // The status is cleared, then set 30 ms later so that screen readers announce it again.
  await el('.status', { hasText: /CV per «.+» pronto/ }).first().waitFor();
  const [letter] = await Promise.all([page.waitForEvent('download'), first.locator('button', { hasText: 'Scarica la lettera di presentazione' }).click()]);
  assert.match(letter.suggestedFilename(), /^Lettera-nov-\d\d-Sara-Colombo\.pdf$/);
  const words = pdftotext(await letter.path());
  assert.ok(words.includes(title), `the letter names the vacancy ${title}:\n${words}`);
  assert.match(words, /Sara Colombo/);
  assert.equal(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:')).length, 0, 'nothing left the machine');
});

test('keeps the draft in the browser across a reload', async () => {
  await el('#f-headline').fill('Cuoca, bozza da ritrovare');
  // The draft is saved after a short pause.
  await page.waitForFunction(() => /bozza da ritrovare/.test(localStorage.getItem('sportello-cv-draft') ?? ''));
  await page.reload();
  await page.evaluate(() => document.querySelector('sportello-cv').ready);
  assert.equal(await el('#f-headline').inputValue(), 'Cuoca, bozza da ritrovare');
  assert.equal(await el('#f-person-given-name').inputValue(), 'Sara');
  await page.waitForFunction(() => window.__previews.length > 0);
  await el('.status', { hasText: /Bozza ripristinata/ }).first().waitFor();
});

test('switches to English: form, CV and reasons', async () => {
  await next('__previews', () => el('button.lang-switch').click());
  assert.equal(await el('h2').innerText(), 'My CV');
  assert.equal(await el('.root').getAttribute('lang'), 'en');
  assert.ok(await page.getByRole('textbox', { name: 'Given name (required)' }).isVisible());
  const focused = await page.evaluate(() => document.querySelector('sportello-cv').shadowRoot.activeElement?.className);
  assert.equal(focused, 'lang-switch', 'focus stays on the switch');
  assert.match(await cvText(), /work experience/i);
  await next('__matches', () => el('button', { hasText: 'Find vacancies that fit' }).click());
  assert.match(await el('#match-list').textContent(), /Skills you have/);
  assert.match(await el('#match-list').textContent(), /Your occupation.*\[same ESCO occupation\]/s);
  await next('__previews', () => el('button.lang-switch').click());
  assert.equal(await el('h2').innerText(), 'Il mio curriculum');
});

test('bad input: 100k characters, emoji and right-to-left text, bad photos, a malformed feed', async () => {
  const summary = el('#f-summary');
  const err = await next('__previewErrors', () => summary.fill('x'.repeat(100_000)));
  assert.equal(err.error.kind, 'invalid');
  await el('#e-summary').waitFor();
  assert.match(await el('#e-summary').innerText(), /è lungo 100000 caratteri \(al massimo 20000\)/);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('sportello-cv-draft') ?? 'null')?.profile?.summary?.length === 100_000);
  const draft = await page.evaluate(() => JSON.parse(localStorage.getItem('sportello-cv-draft')));
  assert.equal(draft.profile.person.given_name, 'Sara', 'the draft is intact');
  assert.equal(draft.profile.summary.length, 100_000, 'nothing typed is lost');
  await next('__previews', () => summary.fill('Cucino 🍝 con passione. أتكلم العربية. עברית'));
  assert.match(await cvText(), /passione/);

  const photo = el('#f-photo');
  await photo.setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(6 * 1024 * 1024, 1) });
  await el('#e-person-photo').waitFor();
  assert.match(await el('#e-person-photo').innerText(), /troppo grande/);
  await photo.setInputFiles({ name: 'broken.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]) });
  await page.waitForFunction(() => /JPEG o PNG/.test(document.querySelector('sportello-cv').shadowRoot.querySelector('#e-person-photo').textContent));
  const png = await page.evaluate(async () => {
    const c = new OffscreenCanvas(300, 400);
    const g = c.getContext('2d');
    g.fillStyle = '#4a7a9a';
    g.fillRect(0, 0, 300, 400);
    const b = await c.convertToBlob({ type: 'image/png' });
    return [...new Uint8Array(await b.arrayBuffer())];
  });
  await next('__previews', () => photo.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: Buffer.from(png) }));
  assert.ok(await el('.photo-row img').isVisible());
  const p = await page.evaluate(() => document.querySelector('sportello-cv').profile);
  assert.ok(p.person.photo.startsWith('data:image/jpeg;base64,') && p.privacy.print_photo);

  // A malformed feed: a message in the vacancies section, the form untouched.
  await page.route('**/bad-feed.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '[{"id": "x", "title": ' }));
  await page.evaluate(() => document.querySelector('sportello-cv').setAttribute('feed', 'bad-feed.json'));
  await page.waitForFunction(() => /elenco delle offerte/.test(document.querySelector('sportello-cv').shadowRoot.querySelector('#feed-status')?.textContent ?? ''));
  assert.equal(await el('#f-person-given-name').inputValue(), 'Sara');
  await page.unroute('**/bad-feed.json');
});

test('keyboard: section links move focus, fields follow in reading order', async () => {
  await el('nav button', { hasText: 'Competenze' }).click();
  assert.equal(await page.evaluate(() => document.querySelector('sportello-cv').shadowRoot.activeElement?.id), 'h-skills');
  await el('#f-person-given-name').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('sportello-cv').shadowRoot.activeElement?.id), 'f-person-family-name');
});

test('axe-core finds no serious or critical WCAG 2.1 AA violations', async () => {
  const axe = require.resolve('axe-core/axe.min.js');
  for (const lang of ['it', 'en']) {
    // A fresh browser profile (no draft), with the demo's sample CV.
    const ctx = await browser.newContext({ locale: 'it-IT', viewport: { width: 1400, height: 1000 } });
    ctx.on('request', (r) => requests.push(r.url()));
    const p = await ctx.newPage();
    await openDemo(p);
    await p.getByRole('button', { name: /Carica un esempio/ }).click();
    await p.locator('sportello-cv #pages .page').first().waitFor();
    if (lang === 'en') await p.locator('sportello-cv button.lang-switch').click();
    // Show as much as possible: errors next to fields, matches, the CEFR help.
    await p.locator('sportello-cv button', { hasText: lang === 'en' ? 'Find vacancies' : 'Cerca le offerte' }).click();
    await p.locator('sportello-cv #match-list li').first().waitFor();
    await p.locator('sportello-cv details summary').first().click();
    await p.locator('sportello-cv #f-person-email').fill('not-an-email');
    await p.locator('sportello-cv #f-person-email').blur();
    await p.locator('sportello-cv #e-person-email').waitFor();
    await p.addScriptTag({ path: axe });
    const result = await p.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const bad = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [], `${lang}: serious or critical violations`);
    await ctx.close();
  }
});

test('a panic inside the wasm becomes an error; the widget restarts the worker and keeps the draft', async () => {
  const name = await page.evaluate(() => document.querySelector('sportello-cv').profile.person.given_name);
  const error = await page.evaluate(() =>
    document.querySelector('sportello-cv').rpc.call('_provokePanic', { message: 'provoked by the test' }).then(() => null, (e) => e),
  );
  assert.equal(error?.kind, 'crash', JSON.stringify(error));
  await el('.status', { hasText: /Qualcosa si è rotto|Something broke/ }).waitFor();
  const preview = await next('__previews', () => el('#f-headline').fill('Dopo il riavvio'));
  assert.ok(preview.pages >= 1);
  assert.match(await cvText(), /Dopo il riavvio/);
  assert.match(await cvText(), new RegExp(name), 'the draft survived');
});

test('nothing goes anywhere but the local server; no page errors', async () => {
  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((u) => u.endsWith('/demo/vacancies.json')), 'the feed was fetched');
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm was fetched (requests of the worker are seen)');
  assert.deepEqual(pageErrors.map(String), []);
});

/** Whether a PDF holds `text`, in the raw bytes (XMP), as UTF-16 (Info), or in a stream. */
/** The words of a PDF file as poppler's pdftotext reads them, spaces collapsed. */
function pdftotext(file) {
  return execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

function pdfContains(pdf, text) {
  const latin = pdf.toString('latin1');
  if (latin.includes(text)) return true;
  const utf16 = Buffer.from(text, 'utf16le').swap16().toString('latin1');
  if (latin.includes(utf16)) return true;
  const hex = Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  if (latin.toUpperCase().includes(hex)) return true;
  for (const m of latin.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = latin.indexOf('endstream', start);
    try {
      const s = zlib.inflateSync(pdf.subarray(start, end)).toString('latin1');
      if (s.includes(text) || s.includes(utf16)) return true;
    } catch {
      /* not deflated */
    }
  }
  return false;
}
