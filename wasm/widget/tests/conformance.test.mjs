// The conformance suite (tests/conformance/) through the wasm binding in headless
// Chromium: every case run through the widget's own Web Worker (the same messages the
// <sportello-cv> element sends), its answer compared with tests/conformance/expected/,
// the answer the command line, Python and the binding on the host give.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { LAUNCH } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(here, '..', '..', '..');
const SUITE = path.join(ROOT, 'tests', 'conformance');
const TODAY = '2026-11-23';

let server, browser, page;

before(async () => {
  server = await serve(path.join(here, '..', 'dist'));
  browser = await chromium.launch(LAUNCH);
  page = await browser.newPage();
  await page.goto(`${server.url}/demo/`);
  // A worker of our own, spoken to as the element speaks to it.
  await page.evaluate(() => {
    const worker = new Worker(new URL('/sportello-worker.js', location.href), { type: 'module' });
    const waiting = new Map();
    let next = 0;
    worker.onmessage = ({ data }) => {
      const { resolve, reject } = waiting.get(data.id);
      waiting.delete(data.id);
      data.ok ? resolve(data.value) : reject(Object.assign(new Error(data.error.message), data.error));
    };
    window.__call = (op, args) => new Promise((resolve, reject) => {
      waiting.set(++next, { resolve, reject });
      worker.postMessage({ id: next, op, args });
    });
  });
  await page.evaluate(() => window.__call('init'));
  // As the element does after its first preview: the reference data may now be fetched.
  await page.evaluate(() => window.__call('loadData'));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const call = (op, args) => page.evaluate(([o, a]) => window.__call(o, a), [op, args]);
const read = (file) => readFile(path.join(ROOT, file), 'utf8');

/** Every number rounded to 6 decimals (see the suite's README). */
function rounded(v) {
  if (typeof v === 'number') return Math.sign(v) * Math.floor(Math.abs(v) * 1e6 + 0.5) / 1e6 || 0;
  if (Array.isArray(v)) return v.map(rounded);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]));
  return v;
}

async function caseFiles(c) {
  const files = [];
  for (const d of c.dirs) {
    const names = (await readdir(path.join(ROOT, d))).sort();
    files.push(...names.filter((n) => !n.endsWith('.expected') && !n.startsWith('README') && !(c.skip ?? []).includes(n)).map((n) => `${d}/${n}`));
  }
  return files;
}

const withoutNullHint = ({ hint, ...p }) => (hint == null ? p : { ...p, hint });
const profileOf = async (file) => (await call('readProfile', { text: await read(file), today: TODAY })).profile;

const RUNNERS = {
  async validate(c) {
    const answer = {};
    for (const f of await caseFiles(c)) {
      const v = await call('validate', { text: await read(f), today: TODAY, lang: c.lang });
      answer[f] = { ok: v.ok, problems: v.problems.map(withoutNullHint) };
    }
    return answer;
  },
  async match_feed(c) {
    const feed = await call('loadFeed', { text: await read(c.feed) });
    const found = await call('match', { profile: await profileOf(c.profile), today: TODAY, lang: c.lang, top: c.top, includeExcluded: c.include_excluded });
    const matches = found.map(({ result: r, explanation }) => ({ vacancy_id: r.vacancy_id, score: r.score, excluded: r.excluded, explanation }));
    return { matches, left_out: feed.problems.map((p) => p.line) };
  },
  async search_skills(c) {
    const answer = {};
    for (const q of c.queries) {
      const hits = await call('searchSkills', { text: q, limit: c.limit, lang: c.lang });
      answer[q] = hits.map(({ uri, preferred_label, preferred_label_lang, kind, similarity }) => ({ uri, preferred_label, preferred_label_lang, kind, similarity }));
    }
    return answer;
  },
  async render_text(c) {
    return call('text', { profile: await profileOf(c.profile), lang: c.lang, today: TODAY });
  },
};

const cases = (await readdir(path.join(SUITE, 'cases'))).filter((n) => n.endsWith('.json')).sort();

test('the suite has its cases', () => assert.ok(cases.length >= 9));

for (const name of cases) {
  test(`the browser gives the expected answer: ${name}`, async () => {
    const c = JSON.parse(await readFile(path.join(SUITE, 'cases', name), 'utf8'));
    const expected = JSON.parse(await readFile(path.join(SUITE, 'expected', name), 'utf8'));
    assert.deepStrictEqual(rounded(await RUNNERS[c.op](c)), rounded(expected));
  });
}
