// The desk console in headless Chromium (Playwright): a counsellor's day from login to
// outcome, the refusals, keyboard use, the language switch, and axe-core on every page.
//   node --test cli/tests/console/     (after `cargo build -p sportello-cli`)
//   SCREENSHOT=path.png also saves the person's file as a picture.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { PASSWORD, ROOT, TODAY, cli, startConsole } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};

/** The text of a PDF as poppler's pdftotext reads it. */
const pdftotext = (bytes) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');

let server;
let browser;
before(async () => {
  server = await startConsole();
  browser = await chromium.launch(LAUNCH);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function loggedIn(user, { lang } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (lang) await page.goto(`${server.url}/lingua/${lang}?torna=/login`);
  await page.goto(`${server.url}/login`);
  await page.fill('#username', user);
  await page.fill('#password', PASSWORD);
  await page.press('#password', 'Enter');
  await page.waitForURL(/\/oggi$/);
  return page;
}

/** axe-core's WCAG 2.1 A/AA violations on the page (run through the DevTools protocol: the
 * page's CSP forbids injected scripts). */
async function violations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test("a counsellor's day: a new person, a GOL path, an appointment held, a vacancy proposed, an outcome, the caseload", async () => {
  const page = await loggedIn('lmarchetti');
  assert.match(await page.title(), /Oggi/);

  // A new person from a profile (the widget's CV): the form's names win.
  await page.click('text=Persone e percorsi');
  await page.click('text=Nuova persona');
  await page.fill('#person-given_name', 'Sara');
  await page.fill('#person-family_name', 'Provatest');
  await page.fill('#person-comune', 'Trecate');
  await page.selectOption('#person-arrival', 'spontaneo');
  await page.fill('#person-profile', readFileSync(path.join(ROOT, 'tests/fixtures/profiles/sara-cuoca.json'), 'utf8'));
  await page.click('#form-person button[type=submit]');
  await page.waitForURL(/\/persone\/\d+$/);
  const personUrl = page.url();
  assert.match(await page.textContent('h1'), /Sara Provatest/);

  // A GOL path, started.
  await page.click('text=Apri un percorso');
  await page.selectOption('#path-kind', 'gol_1');
  await page.fill('#path-proposed_on', '2023-10-02');
  await page.click('#form-path button[type=submit]');
  await page.waitForURL(/#s-paths$/);
  assert.match(await page.textContent('#s-paths + *, .path h3'), /GOL 1/);
  const eventForm = page.locator('form[id^="form-event-"]').first();
  await eventForm.locator('select[name=event]').selectOption('avvio');
  await eventForm.locator('input[name=on]').fill('2023-10-09');
  await eventForm.locator('button[type=submit]').click();
  await page.waitForURL(/#s-paths$/);
  assert.match(await page.locator('.path .state').first().textContent(), /avviato/);

  // An appointment booked today, then held with its actual duration.
  await page.click('text=Prenota un appuntamento');
  await page.selectOption('#book-service', 'orientamento_specialistico');
  await page.selectOption('#book-channel', 'in_presenza');
  await page.fill('#book-on', TODAY);
  await page.fill('#book-at', '10:30');
  await page.fill('#book-expected_minutes', '60');
  await page.click('#form-book button[type=submit]');
  await page.waitForURL(/#s-appointments$/);
  const close = page.locator('form[id^="form-close-"]').first();
  await close.locator('select[name=state]').selectOption('erogato');
  await close.locator('input[name=actual_minutes]').fill('45');
  await close.locator('button[type=submit]').click();
  await page.waitForURL(/#s-appointments$/);
  const row = page.locator('#s-appointments tbody tr').first();
  assert.match(await row.textContent(), /erogato/);
  assert.match(await row.textContent(), /45/);

  // Matches from the index, explained; propose the first.
  await page.click('text=Offerte adatte a questa persona');
  await page.waitForURL(/\/offerte$/);
  const first = page.locator('.matches > li').first();
  assert.ok((await first.locator('.parts li').count()) > 0, 'the score is explained part by part');
  await first.locator('button[type=submit]').click();
  await page.waitForURL(/#s-appointments$/);
  assert.match(await page.locator('#s-appointments').textContent(), /proposta di lavoro/);

  // The outcome: a fixed-term contract of six months.
  await page.click('text=Registra un esito');
  await page.selectOption('#outcome-kind', 'contratto');
  await page.selectOption('#outcome-contract', 'tempo_determinato');
  await page.fill('#outcome-start_on', TODAY);
  await page.fill('#outcome-planned_months', '6');
  await page.fill('#outcome-employer', 'Ristorante Esempio');
  await page.click('#form-outcome button[type=submit]');
  await page.waitForURL(/#s-outcomes$/);
  assert.match(await page.locator('#s-outcomes').textContent(), /Ristorante Esempio/);
  // Who opened the file is on the file.
  assert.match(await page.locator('#s-audit').textContent(), /lmarchetti/);
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });

  // The caseload's filters find the path.
  await page.goto(`${server.url}/persone`);
  await page.selectOption('#f-kind', 'gol_1');
  await page.selectOption('#f-state', 'avviato');
  await page.fill('#f-name', 'provatest');
  await page.click('form.filters button[type=submit]');
  await page.waitForURL(/name=provatest/);
  assert.match(await page.locator('main table').textContent(), /Provatest Sara/);
  assert.match(await page.locator('[role=status]').textContent(), /^1 /);
  await page.click('text=Provatest Sara');
  assert.equal(page.url(), personUrl);
  await page.context().close();
});

test('a bad value comes back beside its field, with what was typed', async () => {
  const page = await loggedIn('lmarchetti');
  await page.goto(`${server.url}/persone`);
  await page.locator('main table a').first().click();
  await page.click('text=Prenota un appuntamento');
  await page.selectOption('#book-service', 'colloquio');
  await page.fill('#book-expected_minutes', '-5');
  await page.click('#form-book button[type=submit]');
  const field = page.locator('#book-expected_minutes');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.equal(await field.inputValue(), '-5');
  assert.match(await page.locator('#problem-book').textContent(), /numero intero/);
  await page.context().close();
});

test('refusals: a wrong password, another desk, a read-only account, a session after logout', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.fill('#username', 'lmarchetti');
  await page.fill('#password', 'sbagliata-sbagliata');
  await page.click('form button[type=submit]');
  assert.match(await page.locator('#login-problem').textContent(), /nome utente o password errati/);
  assert.equal(await page.inputValue('#username'), 'lmarchetti');
  await context.close();

  // Cerano's operator cannot open a Trecate person (403, and the refusal is audited).
  const trecate = await loggedIn('lmarchetti');
  await trecate.goto(`${server.url}/persone`);
  const href = await trecate.locator('main table a').first().getAttribute('href');
  const cerano = await loggedIn('cerano1');
  const refused = await cerano.goto(`${server.url}${href}`);
  assert.equal(refused.status(), 403);
  assert.match(await cerano.locator('.problem').textContent(), /non vede le persone dello sportello "trecate"/);
  await trecate.goto(`${server.url}${href}`);
  assert.match(await trecate.locator('#s-audit').textContent(), /cerano1[\s\S]*accesso rifiutato|accesso rifiutato[\s\S]*cerano1/);

  // A read-only account reads the file but is offered no change.
  const reader = await loggedIn('lettore');
  await reader.goto(`${server.url}${href}`);
  assert.equal(await reader.locator('main form[method=post]').count(), 0);
  await reader.goto(`${server.url}/persone`);
  assert.equal(await reader.locator('text=Nuova persona').count(), 0);

  // After logout, the pages ask for a login again.
  await trecate.click('header form button');
  await trecate.waitForURL(/\/login$/);
  await trecate.goto(`${server.url}${href}`);
  assert.match(trecate.url(), /\/login\?torna=/);
  for (const p of [trecate, cerano, reader]) await p.context().close();
});

test('every action works from the keyboard: log in, then add a note', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab'); // the language switch
  await page.keyboard.press('Tab');
  await page.keyboard.type('lmarchetti');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/oggi$/);
  await page.goto(`${server.url}/persone`);
  await page.locator('main table a').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/persone\/\d+$/);
  await page.focus('#note-text');
  await page.keyboard.type('Scritta da tastiera.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // visibility: the desk
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#s-notes$/);
  assert.match(await page.locator('#s-notes').textContent(), /Scritta da tastiera/);
  await context.close();
});

test('the report page shows the command line\'s figures, its charts, and downloads the same files', async () => {
  const page = await loggedIn('lmarchetti');
  await page.click('nav >> text=Rapporti');
  await page.fill('#da', '2022-11');
  await page.fill('#a', '2023-10');
  await page.press('#a', 'Enter');
  await page.waitForURL(/\/rapporti\?da=2022-11&a=2023-10/);
  const json = JSON.parse(cli(['desk', '--db', server.db, 'report', '--from', '2022-11', '--to', '2023-10', '--format', 'json']));
  // (Earlier tests of this file add to the demo's year, so the figures are the command line's, not the seed's.)
  const headline = Object.fromEntries(json.tables[0].rows.map((r) => [r.label, r.cells[0]]));
  assert.ok(headline['Percorsi attivati'] >= 534);
  const shown = Object.fromEntries(await page.locator('dl.figures > div').evaluateAll((ds) => ds.map((d) => [d.querySelector('dt').textContent, d.querySelector('dd').firstChild.textContent])));
  for (const label of ['Percorsi attivati', 'Conclusi', 'In corso', 'Inviate dal CPI', 'Persone prese in carico']) {
    assert.equal(shown[label], String(headline[label]), label);
  }
  // Every cell of every table is the command line's, as the Italian PDF writes it.
  const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const it = (v, column) => {
    if (typeof v !== 'number') return v ?? '—';
    if (column !== 'operator_hours') return grouped(v);
    const [whole, tenth] = v.toFixed(1).split('.');
    return `${grouped(whole)},${tenth}`;
  };
  for (const table of json.tables.filter((t) => t.name !== 'headline')) {
    const cells = await page.locator(`#t-${table.name} tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
    assert.deepEqual(cells, table.rows.map((r) => r.cells.map((v, i) => it(v, table.columns[i].name))), table.name);
  }
  // The four charts, drawn as SVG, each with its text alternative.
  const charts = await page.locator('figure.chart img').evaluateAll((imgs) => imgs.map((i) => ({ alt: i.alt, w: i.naturalWidth, svg: i.src.startsWith('data:image/svg+xml,') })));
  assert.equal(charts.length, 4);
  for (const c of charts) assert.ok(c.alt.length > 20 && c.w > 0 && c.svg, JSON.stringify(c));
  // The downloads are the command line's files.
  const links = Object.fromEntries(await page.locator('.downloads a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])));
  const csv = await page.request.get(`${server.url}${links.CSV}`);
  assert.equal(await csv.text(), cli(['desk', '--db', server.db, 'report', '--from', '2022-11', '--to', '2023-10', '--format', 'csv']));
  const pdf = await page.request.get(`${server.url}${links.PDF}`);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  const asJson = await page.request.get(`${server.url}${links.JSON}`);
  assert.deepEqual(await asJson.json(), json);
  // One desk, from the form.
  await page.selectOption('#sportello', 'cerano');
  await page.click('#form-report button');
  await page.waitForURL(/sportello=cerano/);
  assert.match(await page.locator('#h-report').textContent(), /Sportello Lavoro di Cerano/);
  // A month that is not one comes back on its field, with what was typed.
  const bad = await page.goto(`${server.url}/rapporti?da=2022-13&a=2023-10`);
  assert.equal(bad.status(), 422);
  assert.equal(await page.getAttribute('#da', 'aria-invalid'), 'true');
  assert.match(await page.locator('#report-problem').textContent(), /AAAA-MM/);
  await page.context().close();
});

test('the desk\'s papers: a poster, the bulletin, a letter and a recruiting day, each one button', async () => {
  const db = ['--db', server.db];
  cli(['desk', ...db, 'desks', 'contact', 'trecate', '--address', 'Piazza Cavour 24, 28069 Trecate', '--phone', '0321 776311']);
  const franco = cli(['desk', ...db, 'people', 'add', path.join(ROOT, 'tests', 'fixtures', 'profiles', 'franco-magazziniere-58.yaml'), '--desk', 'trecate']).trim();
  cli(['desk', ...db, 'consents', 'grant', franco, 'recruiting_day', '--on', '2023-10-01']);
  cli(['desk', ...db, 'appointments', 'add', franco, '--service', 'colloquio', '--on', '2023-11-08', '--at', '10:00']);
  const page = await loggedIn('lmarchetti');
  const pdfText = async (href) => {
    const res = await page.request.get(`${server.url}${href}`);
    assert.equal(res.status(), 200, href);
    assert.equal(res.headers()['content-type'], 'application/pdf', href);
    return pdftotext(await res.body());
  };
  // A poster from the vacancy list, with the desk's contacts.
  await page.click('nav >> text=Offerte');
  const poster = await page.locator('tr:has-text("nov-01") a:has-text("Manifesto")').getAttribute('href');
  const posterText = await pdfText(poster);
  for (const want of ['Magazziniere carrellista', 'Come candidarsi', '0321 776311', 'Rif. nov-01']) assert.ok(posterText.includes(want), `${want} in:\n${posterText}`);
  // The bulletin from its form, as text: the command line's own.
  await page.fill('#vicino', 'Trecate');
  await page.fill('#km', '10');
  await page.selectOption('#formato', 'txt');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Scarica il bollettino')]);
  const shown = readFileSync(await download.path(), 'utf8');
  const out = path.join(path.dirname(server.db), 'bollettino.txt');
  cli(['bulletin', '--index', path.join(path.dirname(server.db), 'index'), ...db, '--desk', 'trecate', '--near', 'Trecate', '--km', '10', '-o', out]);
  assert.equal(shown, readFileSync(out, 'utf8'));
  assert.match(shown, /\[nov-01\]/);
  // A letter for the appointment, from the person's file.
  await page.goto(`${server.url}/persone/${franco}`);
  const letter = await page.locator('#s-appointments a:has-text("Lettera")').first().getAttribute('href');
  const letterText = await pdfText(letter);
  for (const want of ['Franco Zanetti', 'Corso Immaginario 45', 'Oggetto: appuntamento del', '8 novembre 2023', '10:00', 'Piazza Cavour 24']) {
    assert.ok(letterText.includes(want), `${want} in:\n${letterText}`);
  }
  // A recruiting day: the form, who is listed, the papers.
  await page.goto(`${server.url}/offerte`);
  await page.click('text=Prepara un recruiting day');
  await page.fill('#offerte', 'nov-01, nov-10');
  await page.fill('#giorno', '2023-11-15');
  await page.fill('#ora', '09:30');
  await page.fill('#luogo', 'Sala consiliare, Trecate');
  await page.click('main form button');
  await page.waitForURL(/\/recruiting-day\?offerte=/);
  const listed = await page.locator('ul.papers').textContent();
  assert.match(listed, /Logistica Novarese.*Franco Zanetti/s);
  const list = await pdfText(await page.locator('ul.papers li:has-text("Franco Zanetti") a').getAttribute('href'));
  assert.ok(list.includes('Recruiting day') && list.includes('Franco Zanetti') && list.includes('Curriculum'), list);
  const attendance = await pdfText(await page.locator('a:has-text("Foglio presenze")').getAttribute('href'));
  assert.ok(attendance.includes('Franco Zanetti'), attendance);
  // A bad day comes back on its field.
  const bad = await page.goto(`${server.url}/recruiting-day?offerte=nov-01&giorno=domani&luogo=x`);
  assert.equal(bad.status(), 422);
  assert.equal(await page.getAttribute('#giorno', 'aria-invalid'), 'true');
  await page.context().close();
});

test('the English switch changes the words, not the data', async () => {
  const page = await loggedIn('lmarchetti');
  await page.click('header a.lang');
  await page.waitForURL(/\/oggi$/);
  assert.match(await page.title(), /Today/);
  assert.match(await page.locator('nav').textContent(), /People and paths/);
  await page.context().close();
});

test('the CV editor loads the file\'s profile into <sportello-cv> and saves it back', { skip: !process.env.WIDGET_DIST && 'the widget is not built' }, async () => {
  const page = await loggedIn('lmarchetti');
  await page.goto(`${server.url}/persone`);
  const person = await page.locator('main table a').first().getAttribute('href');
  await page.goto(`${server.url}${person}`);
  await page.click('text=Scrivi il CV con l\'editor');
  await page.waitForURL(/\/cv$/);
  // The profile arrives from the file (the widget's own draft is not used).
  await page.waitForFunction(() => document.querySelector('sportello-cv')?.profile?.person?.family_name, null, { timeout: 60_000 });
  const family = await page.evaluate(() => document.querySelector('sportello-cv').profile.person.family_name);
  assert.ok(family.length > 0);
  await page.evaluate(() => {
    const el = document.querySelector('sportello-cv');
    el.profile = { ...el.profile, headline: 'Magazziniera con patentino del muletto' };
  });
  await page.click('[data-save-cv]');
  await page.waitForFunction(() => document.getElementById('cv-status').className === 'done');
  assert.equal(await page.evaluate(() => localStorage.getItem('sportello-console-cv')), null, 'no copy left in the browser');
  await page.waitForFunction(() => document.querySelector('sportello-cv').firstPreviewDone);
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0, 'no service worker on a page about a person');
  await page.goto(`${server.url}${person}`);
  assert.match(await page.locator('#s-cv').textContent(), /Magazziniera con patentino del muletto/);
  await page.context().close();
});

test('axe-core finds no WCAG 2.1 A/AA violations on any page', async () => {
  const page = await loggedIn('lmarchetti');
  await page.goto(`${server.url}/persone`);
  const person = await page.locator('main table a').first().getAttribute('href');
  const pages = ['/oggi', '/persone', '/persone/nuova', person, `${person}/offerte`, '/offerte', '/offerte/nov-01/candidati', '/rapporti?da=2022-11&a=2023-10', '/recruiting-day?offerte=nov-01&giorno=2023-11-15&luogo=Trecate'];
  if (process.env.WIDGET_DIST) pages.push('/widget/', `${person}/cv`);
  const found = {};
  for (const p of pages) {
    await page.goto(`${server.url}${p}`);
    const v = await violations(page);
    if (v.length) found[p] = v;
  }
  const login = await browser.newPage();
  await login.goto(`${server.url}/login`);
  const v = await violations(login);
  if (v.length) found['/login'] = v;
  assert.deepEqual(found, {});
  await login.close();
  await page.context().close();
});
