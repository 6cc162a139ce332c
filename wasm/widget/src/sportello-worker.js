// The Web Worker that hosts Sportello's WebAssembly module for <sportello-cv>: rendering,
// validation, ESCO search and matching run here, never on the page's main thread, so
// typing is never blocked. It loads only files of its own folder (the .wasm, the fonts and
// the reference data); the profile never leaves the browser.
//
// The module and the fonts are all the first preview needs. The reference data (the ESCO
// pack, Sportello's Italian labels, the comuni: `data/`) is fetched only once the page has
// sent `loadData`, which the element does after its first preview: a search, a job's skill
// suggestions or a feed asked for earlier wait for it, so that nothing competes with the
// first preview.
//
// Protocol: the page posts {id, op, args}; the worker answers {id, ok: true, value} or
// {id, ok: false, error: {kind, message, hint, problems}}. Transferable results (the PDF)
// are transferred, not copied.

/** The font files the templates use (see Renderer::with_fonts / TEMPLATE_FONTS in core). */
const FONTS = ['LibertinusSerif-Regular.otf', 'LibertinusSerif-Bold.otf', 'LibertinusSerif-Italic.otf', 'LibertinusSerif-BoldItalic.otf'];

const base = new URL('./', import.meta.url);
/** The module's exports (wasm-bindgen's glue), once it is instantiated. */
let wasm = null;
let engine = null;
let feed = null;

async function fetchBytes(name) {
  const r = await fetch(new URL(name, base));
  if (!r.ok) throw Object.assign(new Error(`cannot load ${name}: HTTP ${r.status}`), { kind: 'load' });
  return new Uint8Array(await r.arrayBuffer());
}

// What the first preview needs is asked for at once, in parallel: the glue, the .wasm
// (compiled while it downloads) and the fonts.
const t0 = performance.now();
const glue = import('./sportello_wasm.js');
const wasmFile = fetch(new URL('sportello_wasm_bg.wasm', base));
const fontFiles = Promise.all(FONTS.map((f) => fetchBytes(`fonts/${f}`)));

/** The reference-data files, in the order of the core's ReferenceData::FILES. */
const DATA = ['esco-en.pack', 'esco-it-sportello.tsv', 'it-synonyms.tsv', 'core-skills.tsv', 'comuni_it_coords.csv.gz'];

const ready = (async () => {
  const module = await glue;
  const [, fonts] = await Promise.all([module.default({ module_or_path: wasmFile }), fontFiles]);
  const t1 = performance.now();
  wasm = module;
  engine = new wasm.Engine(fonts);
  return { version: wasm.version(), templates: engine.templates(), locales: engine.locales(), loadMs: t1 - t0, engineMs: performance.now() - t1 };
})();

let dataPromise = null;
let allowData;
const dataAllowed = new Promise((resolve) => (allowData = resolve));
/** The reference data, fetched (once `loadData` allows it) and handed to the module once; a
 *  failure can be retried. */
function data() {
  dataPromise ??= (async () => {
    await ready;
    await dataAllowed;
    const asked = performance.now();
    const files = await Promise.all(DATA.map((f) => fetchBytes(`data/${f}`)));
    const arrived = performance.now();
    wasm.loadReferenceData(...files);
    return { bytes: files.reduce((n, f) => n + f.length, 0), loadMs: arrived - asked, decodeMs: performance.now() - arrived };
  })().catch((e) => {
    dataPromise = null;
    throw e;
  });
  return dataPromise;
}

/** A data URL (`data:image/jpeg;base64,...`) to bytes; anything else to undefined. */
function photoBytes(dataUrl) {
  if (typeof dataUrl !== 'string' || !dataUrl.startsWith('data:image/')) return undefined;
  const comma = dataUrl.indexOf(',');
  if (comma < 0 || !dataUrl.slice(0, comma).endsWith(';base64')) return undefined;
  try {
    const bin = atob(dataUrl.slice(comma + 1));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** The profile as JSON text for the core, with the photo taken out (it goes as bytes). */
function split(profile) {
  const photo = photoBytes(profile?.person?.photo);
  if (profile?.person?.photo) profile = { ...profile, person: { ...profile.person, photo: undefined } };
  return [JSON.stringify(profile), photo];
}

const ops = {
  async init() {
    return ready;
  },
  async loadData() {
    allowData();
    return data();
  },
  async render({ profile, template, lang, today, uiLang }) {
    await ready;
    engine.setMessageLanguage(uiLang ?? 'it');
    const [json, photo] = split(profile);
    const t0 = performance.now();
    const out = engine.renderSvg(json, template, lang, today, photo, true);
    return { ...out, ms: performance.now() - t0 };
  },
  async pdf({ profile, template, lang, today, uiLang }) {
    await ready;
    engine.setMessageLanguage(uiLang ?? 'it');
    const [json, photo] = split(profile);
    return engine.renderPdf(json, template, lang, today, photo);
  },
  async text({ profile, template, lang, today, uiLang }) {
    await ready;
    engine.setMessageLanguage(uiLang ?? 'it');
    return engine.renderText(split(profile)[0], template, lang, today);
  },
  async validate({ text, today, lang }) {
    await ready;
    return wasm.validate(text, today, lang);
  },
  async readProfile({ text, today, lang }) {
    await ready;
    return wasm.readProfile(text, today, lang);
  },
  async searchSkills({ text, limit, lang, minSimilarity }) {
    await data();
    return wasm.searchSkills(text, limit, lang, minSimilarity);
  },
  async searchOccupations({ text, limit, lang, minSimilarity }) {
    await data();
    return wasm.searchOccupations(text, limit, lang, minSimilarity);
  },
  async occupationSkills({ uri, lang }) {
    await data();
    return wasm.occupationSkills(uri, lang);
  },
  async searchPlaces({ text, limit }) {
    await data();
    return wasm.searchPlaces(text, limit);
  },
  // For the crash-handling test only (see wasm/src/lib.rs).
  async _provokePanic({ message }) {
    await ready;
    wasm._provokePanic(message);
  },
  async loadFeed({ text }) {
    await data();
    feed?.free();
    feed = null;
    const f = new wasm.Feed(text);
    feed = f;
    return { length: f.length, problems: f.problems };
  },
  async tailoredPdf({ profile, vacancyId, today, template, lang, maxPages, uiLang }) {
    await ready;
    engine.setMessageLanguage(uiLang ?? 'it');
    if (!feed) throw Object.assign(new Error('no vacancy feed loaded'), { kind: 'feed' });
    return engine.tailoredPdf(split(profile)[0], feed, vacancyId, today, template, lang, maxPages);
  },
  async coverLetterPdf({ profile, vacancyId, today, lang, uiLang }) {
    await ready;
    engine.setMessageLanguage(uiLang ?? 'it');
    if (!feed) throw Object.assign(new Error('no vacancy feed loaded'), { kind: 'feed' });
    return engine.coverLetterPdf(split(profile)[0], feed, vacancyId, today, lang);
  },
  async match({ profile, today, lang, top, includeExcluded }) {
    await ready;
    if (!feed) throw Object.assign(new Error('no vacancy feed loaded'), { kind: 'feed' });
    return feed.match(split(profile)[0], today, lang, top, includeExcluded);
  },
};

function plainError(e) {
  return {
    kind: e?.kind ?? 'internal',
    message: String(e?.message ?? e),
    hint: e?.hint ?? null,
    problems: Array.isArray(e?.problems) ? e.problems : [],
  };
}

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    if (!ops[op]) throw new Error(`unknown operation ${op}`);
    const value = await ops[op](args ?? {});
    const transfer = value instanceof Uint8Array ? [value.buffer] : [];
    self.postMessage({ id, ok: true, value }, transfer);
  } catch (e) {
    // A panic in Rust surfaces as a RuntimeError (logged by the panic hook); the module
    // may then be unusable, so the page is told to restart the worker.
    const error = plainError(e);
    if (e instanceof WebAssembly.RuntimeError) error.kind = 'crash';
    self.postMessage({ id, ok: false, error });
  }
};
