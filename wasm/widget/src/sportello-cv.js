// <sportello-cv>: Sportello's CV editor as a custom element, with no framework.
//
//   <script type="module" src="sportello-cv.js"></script>
//   <sportello-cv feed="vacancies.json"></sportello-cv>
//
// Attributes: `feed` (URL of a JSON vacancy feed: the only network access besides the
// widget's own files), `lang` (`it` default, `en`), `storage-key` (localStorage key of the
// draft), `today` (YYYY-MM-DD, for demos and tests; default the browser's date).
//
// All the work (validation, rendering with Typst, ESCO search, matching) runs in a Web
// Worker hosting Sportello's WebAssembly module (sportello-worker.js), so typing never
// waits for it. The profile is kept in the shape of core/schema/profile.schema.json
// (types/profile.d.ts); fields the form does not show (certifications, projects...) are
// kept as imported.
//
// Events (bubbling, composed): `sportello-ready` {version, templates}, `sportello-preview`
// {seq, ms, renderMs, pages}, `sportello-preview-error` {error}, `sportello-matches`
// {count}, `sportello-error` {error}.

import { STR, LANGUAGES, CEFR, GRID, LICENCES, CONTRACTS, fmt } from './i18n.js';

const DRAFT_VERSION = 1;
const PREVIEW_DEBOUNCE_MS = 20;
const SEARCH_DEBOUNCE_MS = 90;
const SAVE_DEBOUNCE_MS = 250;
const MATCH_DEBOUNCE_MS = 400;
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The core accepts long texts up to 20,000 characters: the photo's data URL must fit. */
const MAX_PHOTO_CHARS = 19_500;

// ---------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const idOf = (path) => path.replace(/[^A-Za-z0-9]+/g, '-');

/** "work[0].place.name" to ["work", 0, "place", "name"]. */
function tokens(path) {
  const out = [];
  for (const part of path.split('.')) {
    const m = part.match(/^([^[]*)((?:\[\d+\])*)$/);
    if (m[1]) out.push(m[1]);
    for (const i of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out;
}

function getPath(obj, path) {
  return tokens(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function setPath(obj, path, value) {
  const t = tokens(path);
  let o = obj;
  t.slice(0, -1).forEach((k, i) => {
    if (o[k] == null || typeof o[k] !== 'object') o[k] = typeof t[i + 1] === 'number' ? [] : {};
    o = o[k];
  });
  o[t[t.length - 1]] = value;
}

/** Deletes a key, then any object left empty on the way up (never list items). */
function deletePath(obj, path) {
  const t = tokens(path);
  const chain = [obj];
  for (const k of t.slice(0, -1)) {
    const next = chain[chain.length - 1]?.[k];
    if (next == null) return;
    chain.push(next);
  }
  delete chain[chain.length - 1][t[t.length - 1]];
  for (let i = chain.length - 1; i > 1; i--) {
    const o = chain[i];
    if (Array.isArray(o) || typeof t[i - 1] === 'number' || Object.keys(o).length) break;
    delete chain[i - 1][t[i - 1]];
  }
}

function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "03/2021" and "3.2021" as the partial ISO date "2021-03"; anything else unchanged. */
function normaliseDate(v) {
  const m = v.trim().match(/^(\d{1,2})[/.](\d{4})$/);
  return m ? `${m[2]}-${m[1].padStart(2, '0')}` : v.trim();
}

function emptyProfile(lang) {
  return { schema_version: 1, lang, person: { given_name: '', family_name: '' }, languages: { mother_tongues: ['it'] }, render: { template: 'europass', lang } };
}

/** The profile without list entries the person has not filled in yet, for rendering. */
function completed(p) {
  const q = structuredClone(p);
  const keep = { work: 'role', volunteering: 'role', education: 'title', certifications: 'name', projects: 'name', skills: 'label', digital_skills: 'label' };
  for (const [list, key] of Object.entries(keep)) {
    if (Array.isArray(q[list])) {
      q[list] = q[list].filter((e) => String(e?.[key] ?? '').trim());
      if (!q[list].length) delete q[list];
    }
  }
  if (q.languages?.other) q.languages.other = q.languages.other.filter((l) => l.language);
  if (q.languages?.mother_tongues) q.languages.mother_tongues = q.languages.mother_tongues.filter(Boolean);
  return q;
}

// ---------------------------------------------------------------------------------------
// The worker, as promises
// ---------------------------------------------------------------------------------------

class Rpc {
  constructor(onCrash) {
    this.onCrash = onCrash;
    this.start();
  }

  start() {
    const url = new URL('./sportello-worker.js', import.meta.url);
    try {
      this.worker = new Worker(url, { type: 'module', name: 'sportello' });
    } catch {
      // Served from another origin (a CDN): a same-origin stub imports the real worker.
      const stub = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
      this.worker = new Worker(stub, { type: 'module', name: 'sportello' });
    }
    this.pending = new Map();
    this.next = 0;
    this.worker.onmessage = ({ data }) => {
      const p = this.pending.get(data.id);
      if (!p) return;
      this.pending.delete(data.id);
      if (data.ok) p.resolve(data.value);
      else {
        p.reject(data.error);
        if (data.error.kind === 'crash') this.restart();
      }
    };
    this.worker.onerror = (e) => {
      e.preventDefault?.();
      for (const p of this.pending.values()) p.reject({ kind: 'crash', message: e.message || 'the worker failed' });
      this.pending.clear();
    };
  }

  restart() {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject({ kind: 'crash', message: 'restarted' });
    this.start();
    this.onCrash?.();
  }

  call(op, args) {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  terminate() {
    this.worker.terminate();
  }
}

// ---------------------------------------------------------------------------------------
// Styles
// ---------------------------------------------------------------------------------------

const CSS = `
:host { display: block; color: #1a1a1a; background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; --accent: #1f5f7a; --accent-dark: #164659; --err: #b3261e; --muted: #4a5560; --line: #8a96a0; --soft: #f2f6f8; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.root { max-width: 1400px; margin: 0 auto; }
header { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: .5rem 1rem; margin-bottom: .5rem; }
h2 { font-size: 1.6rem; margin: 0; }
h3 { font-size: 1.2rem; margin: 0 0 .5rem; color: var(--accent-dark); }
h3:focus { outline: none; }
h4 { font-size: 1.05rem; margin: 0; }
.intro { margin: .25rem 0 0; color: var(--muted); max-width: 60ch; }
nav ol { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; margin: .75rem 0 1rem; counter-reset: step; }
nav li { counter-increment: step; }
nav button::before { content: counter(step) ". "; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; }
@media (max-width: 960px) { .layout { grid-template-columns: minmax(0, 1fr); } }
section.card { border: 1px solid #c9d3da; border-radius: 8px; padding: 1rem 1.1rem; margin-bottom: 1rem; background: #fff; }
.field { margin: 0 0 .8rem; }
.row { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0 1rem; }
label, .label { display: block; font-weight: 600; margin-bottom: .2rem; }
.req { color: var(--err); font-weight: 400; font-size: .9em; }
input[type=text], input[type=email], input[type=tel], input[type=number], select, textarea {
  width: 100%; font: inherit; color: inherit; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .45rem .55rem; min-height: 2.5rem; }
textarea { min-height: 5.5rem; resize: vertical; }
input[aria-invalid=true], select[aria-invalid=true], textarea[aria-invalid=true] { border: 2px solid var(--err); }
.check { display: flex; gap: .5rem; align-items: flex-start; font-weight: 400; margin: .3rem 0; }
.check input { width: 1.2rem; height: 1.2rem; margin-top: .2rem; flex: none; }
.checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0 1rem; }
fieldset { border: 1px solid #c9d3da; border-radius: 6px; padding: .6rem .9rem .2rem; margin: 0 0 .9rem; }
legend { font-weight: 600; padding: 0 .3rem; }
.hint { color: var(--muted); font-size: .9rem; margin: .2rem 0 0; }
.error { color: var(--err); font-weight: 600; font-size: .92rem; margin: .25rem 0 0; }
.error::before { content: "⚠ "; }
button, .button { font: inherit; font-weight: 600; border-radius: 6px; border: 2px solid var(--accent); background: #fff; color: var(--accent-dark); padding: .4rem .8rem; min-height: 2.5rem; cursor: pointer; display: inline-flex; align-items: center; gap: .3rem; text-decoration: none; }
button.primary { background: var(--accent); color: #fff; }
button.primary:hover { background: var(--accent-dark); }
button:hover { background: var(--soft); }
button.link { border: none; background: none; padding: .2rem .3rem; min-height: auto; text-decoration: underline; }
button.small { padding: .15rem .5rem; min-height: 2rem; font-size: .92rem; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
.actions { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; }
.file { position: relative; }
.file input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.file input:focus-visible + span { outline: 3px solid var(--accent); outline-offset: 2px; }
.preview { position: sticky; top: .5rem; }
.pages { background: #e3e8eb; border-radius: 8px; padding: .75rem; min-height: 12rem; max-height: calc(100vh - 9rem); overflow: auto; }
.pages img { display: block; width: 100%; height: auto; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); margin: 0 0 .75rem; }
.placeholder { color: var(--muted); padding: 2rem 1rem; text-align: center; }
.stale { color: var(--err); font-weight: 600; margin: .4rem 0; }
.warnings { color: var(--muted); font-size: .9rem; padding-left: 1.2rem; margin: .4rem 0; }
.problems { border: 2px solid var(--err); border-radius: 8px; padding: .6rem 1rem; margin: 0 0 1rem; }
.problems h3 { color: var(--err); }
.problems ul { margin: 0; padding-left: 1.2rem; }
.status { min-height: 1.5rem; color: var(--accent-dark); font-weight: 600; margin: .25rem 0; }
.privacy { font-size: .92rem; color: var(--muted); border-left: 4px solid var(--accent); padding: .2rem .7rem; margin: .75rem 0; }
.combo { position: relative; }
[role=listbox] { position: absolute; z-index: 5; left: 0; right: 0; top: 100%; margin: 2px 0 0; padding: 0; list-style: none; background: #fff; border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.18); max-height: 18rem; overflow: auto; }
[role=option] { padding: .45rem .6rem; cursor: pointer; }
[role=option][aria-selected=true], [role=option]:hover { background: var(--accent); color: #fff; }
[role=option][aria-selected=true] .sub, [role=option]:hover .sub { color: #fff; }
.sub { display: block; font-size: .85rem; color: var(--muted); }
.chips { list-style: none; padding: 0; margin: .5rem 0; display: grid; gap: .4rem; }
.chips li { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem .6rem; background: var(--soft); border-radius: 6px; padding: .3rem .5rem; }
.chips .name { font-weight: 600; flex: 1 1 10rem; }
.chips select { width: auto; min-height: 2rem; padding: .1rem .3rem; }
.badge { font-size: .8rem; color: var(--accent-dark); background: #fff; border: 1px solid #9fb6c3; border-radius: 4px; padding: 0 .35rem; }
.suggest { display: flex; flex-wrap: wrap; gap: .4rem; margin: .4rem 0 .8rem; }
.photo-row { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
.photo-row img { width: 72px; height: 90px; object-fit: cover; border-radius: 4px; border: 1px solid var(--line); }
table.cefr { border-collapse: collapse; font-size: .92rem; margin: .4rem 0; }
table.cefr th, table.cefr td { text-align: left; vertical-align: top; padding: .2rem .5rem; border-bottom: 1px solid #d5dde2; }
.grid5 { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0 .8rem; }
details summary { cursor: pointer; color: var(--accent-dark); font-weight: 600; }
.matches ol { list-style: none; padding: 0; margin: .5rem 0; display: grid; gap: .75rem; }
.match { border: 1px solid #c9d3da; border-left: 6px solid var(--accent); border-radius: 6px; padding: .6rem .8rem; }
.match.excluded { border-left-color: #6b6b6b; }
.match .meta { color: var(--muted); margin: .1rem 0 .3rem; }
.score { font-weight: 700; color: var(--accent-dark); }
.match.excluded .score { color: #4d4d4d; }
.reasons ul { margin: .2rem 0 .5rem; padding-left: 1.2rem; }
.reasons h5 { margin: .4rem 0 0; font-size: .95rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

// ---------------------------------------------------------------------------------------
// The element
// ---------------------------------------------------------------------------------------

export class SportelloCv extends HTMLElement {
  static observedAttributes = ['feed', 'lang'];

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.touched = new Set();
    this.showAll = false;
    this.problems = [];
    this.pages = [];
    this.seq = 0;
    this.templates = [];
    this.feedState = null; // null (no feed), 'loading', {length, problems} or {error}
    this.matchesShown = false;
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
  }

  // ---- public API -----------------------------------------------------------------------

  /** A copy of the profile being edited. */
  get profile() {
    return structuredClone(this.state);
  }

  /** Replaces the profile (e.g. a sample), re-renders the form and the preview. */
  set profile(p) {
    this.state = structuredClone(p);
    this.afterLoad();
  }

  /** The CV's text in reading order (as an applicant tracking system reads it). */
  async cvText() {
    return this.rpc.call('text', this.renderArgs());
  }

  get today() {
    return this.getAttribute('today') || localToday();
  }

  get storageKey() {
    return this.getAttribute('storage-key') || 'sportello-cv-draft';
  }

  get t() {
    return STR[this.uiLang] ?? STR.it;
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  connectedCallback() {
    if (this.rpc) return;
    this.uiLang = this.getAttribute('lang') === 'en' ? 'en' : 'it';
    let restored = false;
    try {
      const saved = JSON.parse(localStorage.getItem(this.storageKey) || 'null');
      if (saved?.v === DRAFT_VERSION && saved.profile?.person) {
        this.state = saved.profile;
        this.uiLang = saved.uiLang === 'en' ? 'en' : this.uiLang;
        restored = true;
      }
    } catch {
      /* no storage or a damaged draft: start empty */
    }
    this.state ??= emptyProfile(this.uiLang);
    this.rpc = new Rpc(() => this.onCrash());
    this.renderAll();
    if (restored) this.say(this.t.draftRestored);
    this.rpc
      .call('init')
      .then((info) => {
        this.templates = info.templates;
        this.renderLook();
        this.dispatch('sportello-ready', info);
        this.resolveReady(info);
        this.requestPreview(0);
        if (this.hasAttribute('feed')) this.loadFeed();
      })
      .catch((e) => {
        this.rejectReady(e);
        this.reportError(e);
      });
    this.onPageHide = () => this.saveNow();
    window.addEventListener('pagehide', this.onPageHide);
  }

  disconnectedCallback() {
    this.saveNow();
    window.removeEventListener('pagehide', this.onPageHide);
    this.rpc?.terminate();
    this.rpc = null;
  }

  attributeChangedCallback(name, old, value) {
    if (!this.rpc || old === value) return;
    if (name === 'feed') this.loadFeed();
    if (name === 'lang') this.switchLanguage(value === 'en' ? 'en' : 'it');
  }

  dispatch(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  $(sel) {
    return this.shadowRoot.querySelector(sel);
  }

  // ---- rendering the form ---------------------------------------------------------------

  renderAll() {
    const t = this.t;
    const steps = [
      ['personal', t.personal], ['work', t.work], ['education', t.education], ['languages', t.languages], ['skills', t.skills],
      ['licences', t.licences], ['preferences', t.preferences], ['look', t.look], ['actions', t.actions],
    ];
    if (this.hasAttribute('feed')) steps.push(['matches', t.matches]);
    this.shadowRoot.innerHTML = `<style>${CSS}</style>
<div class="root" lang="${this.uiLang}">
  <header>
    <div><h2>${esc(t.title)}</h2><p class="intro">${esc(t.intro)}</p></div>
    <button type="button" class="lang-switch" data-action="switch-lang" lang="${this.uiLang === 'it' ? 'en' : 'it'}" aria-label="${esc(t.switchLabel)}">${esc(t.switchTo)}</button>
  </header>
  <nav aria-label="${esc(t.steps)}"><ol>${steps.map(([id, label]) => `<li><button type="button" class="link" data-action="goto" data-target="${id}">${esc(label)}</button></li>`).join('')}</ol></nav>
  <p class="status" role="status" aria-live="polite"></p>
  <div class="layout">
    <div class="form">
      <div class="problems" id="problems" tabindex="-1" hidden></div>
      <section class="card" id="sec-personal" aria-labelledby="h-personal"></section>
      <section class="card" id="sec-work" aria-labelledby="h-work"></section>
      <section class="card" id="sec-education" aria-labelledby="h-education"></section>
      <section class="card" id="sec-languages" aria-labelledby="h-languages"></section>
      <section class="card" id="sec-skills" aria-labelledby="h-skills"></section>
      <section class="card" id="sec-licences" aria-labelledby="h-licences"></section>
      <section class="card" id="sec-preferences" aria-labelledby="h-preferences"></section>
      <section class="card" id="sec-look" aria-labelledby="h-look"></section>
      <section class="card" id="sec-actions" aria-labelledby="h-actions"></section>
    </div>
    <div class="side">
      <section class="card preview" aria-labelledby="h-preview">
        <h3 id="h-preview">${esc(t.preview)}</h3>
        <p class="stale" id="stale" hidden>${esc(t.previewStale)}</p>
        <div class="pages" id="pages" tabindex="0" role="region" aria-label="${esc(t.preview)}"><p class="placeholder">${esc(this.hasName() ? t.previewLoading : t.previewEmpty)}</p></div>
        <ul class="warnings" id="warnings" hidden></ul>
      </section>
    </div>
  </div>
  ${this.hasAttribute('feed') ? `<section class="card matches" id="sec-matches" aria-labelledby="h-matches"></section>` : ''}
  <p class="privacy">${esc(t.privacy)}</p>
</div>`;
    this.shadowRoot.addEventListener('input', this.onInput ??= (e) => this.handleInput(e));
    this.shadowRoot.addEventListener('change', this.onChange ??= (e) => this.handleChange(e));
    this.shadowRoot.addEventListener('click', this.onClick ??= (e) => this.handleClick(e));
    this.shadowRoot.addEventListener('keydown', this.onKey ??= (e) => this.handleKey(e));
    this.shadowRoot.addEventListener('focusout', this.onBlur ??= (e) => this.handleBlur(e));
    for (const s of ['Personal', 'Work', 'Education', 'Languages', 'Skills', 'Licences', 'Preferences', 'Look', 'Actions']) this[`render${s}`]();
    this.renderMatches();
    this.showPages();
    this.showProblems();
  }

  hasName() {
    return Boolean(this.state.person?.given_name?.trim() || this.state.person?.family_name?.trim());
  }

  /** One labelled field bound to a profile path. */
  field({ path, label, type = 'text', kind = 'text', hint, required, textarea, options, attrs = '', value }) {
    const id = idOf(path);
    const v = value ?? getPath(this.state, path) ?? '';
    const described = hint ? `aria-describedby="h-${id}"` : '';
    const req = required ? ` <span class="req">(${esc(this.t.required)})</span>` : '';
    const common = `id="f-${id}" data-path="${esc(path)}" data-kind="${kind}"${required ? ' aria-required="true" data-required' : ''} ${described} ${attrs}`;
    let control;
    if (textarea) control = `<textarea ${common} dir="auto">${esc(v)}</textarea>`;
    else if (options) control = `<select ${common}>${options.map(([val, text]) => `<option value="${esc(val)}"${String(val) === String(v) ? ' selected' : ''}>${esc(text)}</option>`).join('')}</select>`;
    else control = `<input type="${type}" ${common} value="${esc(v)}"${type === 'text' ? ' dir="auto"' : ''}>`;
    return `<div class="field"><label for="f-${id}">${esc(label)}${req}</label>${control}${hint ? `<p class="hint" id="h-${id}">${esc(hint)}</p>` : ''}<p class="error" id="e-${id}" hidden></p></div>`;
  }

  check(path, label, { kind = 'bool', value, checked } = {}) {
    const id = idOf(path + (value ? `-${value}` : ''));
    const on = checked ?? Boolean(getPath(this.state, path));
    return `<label class="check" for="f-${id}"><input type="checkbox" id="f-${id}"${kind === 'ui' ? '' : ` data-path="${esc(path)}"`} data-kind="${kind}"${value ? ` data-value="${esc(value)}"` : ''}${on ? ' checked' : ''}> <span>${esc(label)}</span></label>`;
  }

  combo({ id, path, label, hint, value = '', kind }) {
    const t = this.t;
    return `<div class="field combo"><label for="f-${id}">${esc(label)}</label>
<input type="text" id="f-${id}" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="lb-${id}" autocomplete="off" dir="auto"
  data-combo="${kind}" ${path ? `data-path="${esc(path)}" data-kind="place"` : ''} aria-describedby="h-${id}" value="${esc(value)}">
<ul role="listbox" id="lb-${id}" aria-label="${esc(label)}" hidden></ul>
<p class="hint" id="h-${id}">${esc(hint)}</p><p class="error" id="e-${path ? idOf(path) : id}" hidden></p>
<span class="sr-only" aria-live="polite" id="n-${id}"></span><span hidden>${esc(t.noSuggestions)}</span></div>`;
  }

  section(name, heading, body) {
    const el = this.$(`#sec-${name}`);
    if (el) el.innerHTML = `<h3 id="h-${name}" tabindex="-1">${esc(heading)}</h3>${body}`;
  }

  renderPersonal() {
    const t = this.t;
    const p = this.state.person ?? {};
    const photo = p.photo?.startsWith?.('data:image/') ? p.photo : null;
    this.section('personal', t.personal, `
<div class="row">${this.field({ path: 'person.given_name', label: t.given_name, required: true, attrs: 'autocomplete="given-name"' })}
${this.field({ path: 'person.family_name', label: t.family_name, required: true, attrs: 'autocomplete="family-name"' })}</div>
${this.field({ path: 'headline', label: t.headline, hint: t.headlineHint })}
<div class="row">${this.field({ path: 'person.email', label: t.email, type: 'email', attrs: 'autocomplete="email"' })}
${this.field({ path: 'person.phone', label: t.phone, type: 'tel', attrs: 'autocomplete="tel"' })}</div>
${this.field({ path: 'person.address', label: t.address, attrs: 'autocomplete="street-address"' })}
${this.combo({ id: 'mobility-home', path: 'mobility.home', label: t.home, hint: t.homeHint, value: this.state.mobility?.home?.name ?? '', kind: 'place' })}
${this.field({ path: 'summary', label: t.summary, hint: t.summaryHint, textarea: true })}
<div class="field"><span class="label" id="l-photo">${esc(t.photo)}</span>
  <div class="photo-row">
    ${photo ? `<img src="${esc(photo)}" alt="${esc(t.photoAlt)}">` : ''}
    <label class="file button" for="f-photo"><input type="file" id="f-photo" accept="image/jpeg,image/png" data-action="photo" aria-describedby="h-photo e-person-photo"><span>${esc(t.choosePhoto)}</span></label>
    ${photo ? `<button type="button" class="small" data-action="remove-photo">${esc(t.removePhoto)}</button>` : ''}
  </div>
  ${photo ? this.check('privacy.print_photo', t.printPhoto) : ''}
  <p class="hint" id="h-photo">${esc(t.photoHint)}</p><p class="error" id="e-person-photo" hidden></p>
</div>`);
  }

  experienceFields(list, i) {
    const t = this.t;
    const base = `${list}[${i}]`;
    return `<fieldset data-entry="${base}"><legend>${esc(t.entry)} ${i + 1}</legend>
${this.field({ path: `${base}.role`, label: t.role, required: true })}
<div class="row">${this.field({ path: `${base}.employer`, label: t.employer })}${this.field({ path: `${base}.place.name`, label: t.place })}</div>
<div class="row">${this.field({ path: `${base}.start`, label: t.start, kind: 'date', hint: t.dateHint, attrs: 'inputmode="numeric" placeholder="2021-03"' })}
${this.field({ path: `${base}.end`, label: t.end, kind: 'date', hint: t.endHint, attrs: 'inputmode="numeric" placeholder="2023-06"' })}</div>
${this.field({ path: `${base}.description`, label: t.description, textarea: true })}
${this.check(`${base}.informal`, t.informal)}
<p class="error" id="e-${idOf(base)}" hidden></p>
<p><button type="button" class="small" data-action="remove" data-list="${list}" data-index="${i}">${esc(t.remove)}: ${esc(t.entry)} ${i + 1}</button></p>
</fieldset>`;
  }

  renderWork() {
    const t = this.t;
    const work = this.state.work ?? [];
    this.section('work', t.work, `<p class="hint">${esc(t.workHint)}</p>
${work.map((_, i) => this.experienceFields('work', i)).join('')}
<button type="button" data-action="add" data-list="work">+ ${esc(t.addWork)}</button>`);
  }

  renderEducation() {
    const t = this.t;
    const edu = this.state.education ?? [];
    const eqf = t.eqfLevels.map((label, i) => [i ? String(i) : '', i ? label : t.eqfNone]);
    this.section('education', t.education, `${edu
      .map((_, i) => {
        const base = `education[${i}]`;
        return `<fieldset data-entry="${base}"><legend>${esc(t.course)} ${i + 1}</legend>
${this.field({ path: `${base}.title`, label: t.edu_title, required: true })}
<div class="row">${this.field({ path: `${base}.institution`, label: t.institution })}${this.field({ path: `${base}.place.name`, label: t.place })}</div>
<div class="row">${this.field({ path: `${base}.start`, label: t.start, kind: 'date', hint: t.dateHint, attrs: 'inputmode="numeric" placeholder="2019-09"' })}
${this.field({ path: `${base}.end`, label: t.end, kind: 'date', attrs: 'inputmode="numeric" placeholder="2024-07"' })}</div>
<div class="row">${this.field({ path: `${base}.eqf_level`, label: t.eqf, kind: 'int', options: eqf })}${this.field({ path: `${base}.field`, label: t.field })}</div>
<p class="error" id="e-${idOf(base)}" hidden></p>
<p><button type="button" class="small" data-action="remove" data-list="education" data-index="${i}">${esc(t.remove)}: ${esc(t.course)} ${i + 1}</button></p>
</fieldset>`;
      })
      .join('')}
<button type="button" data-action="add" data-list="education">+ ${esc(t.addEducation)}</button>`);
  }

  languageOptions(current, blank) {
    const name = this.uiLang === 'en' ? 2 : 1;
    const opts = LANGUAGES.map((l) => [l[0], l[name]]).sort((a, b) => a[1].localeCompare(b[1], this.uiLang));
    if (current && !LANGUAGES.some((l) => l[0] === current)) opts.unshift([current, current]);
    return [['', blank], ...opts];
  }

  renderLanguages() {
    const t = this.t;
    const other = this.state.languages?.other ?? [];
    const levelOpts = CEFR.map((c) => [c, `${c} – ${t.cefr[c][0]}`]);
    this.section('languages', t.languages, `
${this.field({ path: 'languages.mother_tongues[0]', label: t.mother, options: this.languageOptions(this.state.languages?.mother_tongues?.[0], t.chooseLanguage) })}
<details><summary>${esc(t.cefrHelp)}</summary><p>${esc(t.cefrIntro)}</p>
<table class="cefr"><tbody>${CEFR.map((c) => `<tr><th scope="row">${c}</th><td><strong>${esc(t.cefr[c][0])}</strong>: ${esc(t.cefr[c][1])}</td></tr>`).join('')}</tbody></table></details>
${other
  .map((l, i) => {
    const base = `languages.other[${i}]`;
    return `<fieldset data-entry="${base}"><legend>${esc(t.language)} ${i + 1}</legend>
${this.field({ path: `${base}.language`, label: t.language, required: true, options: this.languageOptions(l.language, t.chooseLanguage) })}
<div class="grid5">${GRID.map((g) => this.field({ path: `${base}.${g}`, label: t.grid[g], options: levelOpts })).join('')}</div>
${this.field({ path: `${base}.certificate`, label: t.certificate })}
<p><button type="button" class="small" data-action="remove" data-list="languages.other" data-index="${i}">${esc(t.remove)}: ${esc(t.language)} ${i + 1}</button></p>
</fieldset>`;
  })
  .join('')}
<button type="button" data-action="add" data-list="languages.other">+ ${esc(t.addLanguage)}</button>`);
  }

  renderSkills() {
    const t = this.t;
    const skills = this.state.skills ?? [];
    const levels = Object.entries(t.levels);
    this.section('skills', t.skills, `
${this.combo({ id: 'skill', label: t.skillInput, hint: t.skillHint, kind: 'skill' })}
<ul class="chips" aria-label="${esc(t.skills)}">${skills
      .map((s, i) => `<li data-entry="skills[${i}]"><span class="name" dir="auto">${esc(s.label)}</span>
${s.uri ? `<span class="badge" title="${esc(s.uri)}">${esc(t.escoLabel)}</span>` : ''}
<label class="sr-only" for="f-skills-${i}-level">${esc(t.level)}: ${esc(s.label)}</label>
<select id="f-skills-${i}-level" data-path="skills[${i}].level" data-kind="text">${levels.map(([v, l]) => `<option value="${v}"${(s.level ?? '') === v ? ' selected' : ''}>${esc(l)}</option>`).join('')}</select>
<button type="button" class="small" data-action="remove" data-list="skills" data-index="${i}" aria-label="${esc(fmt(t.removeItem, { x: s.label }))}">✕</button>
<p class="error" id="e-skills-${i}-" hidden></p></li>`)
      .join('')}</ul>
<p class="error" id="e-skills" hidden></p>`);
  }

  renderLicences() {
    const t = this.t;
    const held = this.state.driving_licences ?? [];
    this.section('licences', t.licences, `<fieldset><legend class="sr-only">${esc(t.licences)}</legend><div class="checks">${LICENCES.map((l) =>
      this.check('driving_licences', t.licenceNames[l] ? `${l} – ${t.licenceNames[l]}` : l, { kind: 'set', value: l, checked: held.includes(l) }),
    ).join('')}</div></fieldset><p class="error" id="e-driving-licences" hidden></p>`);
  }

  renderPreferences() {
    const t = this.t;
    const pr = this.state.preferences ?? {};
    const occs = pr.occupations ?? [];
    const contracts = pr.contract_types ?? [];
    this.section('preferences', t.preferences, `
${this.combo({ id: 'occupation', label: t.occupation, hint: t.occupationHint, kind: 'occupation' })}
<ul class="chips" aria-label="${esc(t.occupation)}">${occs
      .map((o, i) => `<li><span class="name" dir="auto">${esc(o.label)}</span>${o.uri ? `<span class="badge" title="${esc(o.uri)}">${esc(t.escoLabel)}</span>` : ''}
<button type="button" class="small" data-action="remove" data-list="preferences.occupations" data-index="${i}" aria-label="${esc(fmt(t.removeItem, { x: o.label }))}">✕</button></li>`)
      .join('')}</ul>
<div id="suggested"></div>
<fieldset><legend>${esc(t.contracts)}</legend><p class="hint">${esc(t.contractsHint)}</p><div class="checks">${CONTRACTS.map((c) =>
      this.check('preferences.contract_types', t.contractNames[c], { kind: 'set', value: c, checked: contracts.includes(c) }),
    ).join('')}</div></fieldset>
<div class="row">${this.field({ path: 'preferences.hours', label: t.hours, options: Object.entries(t.hoursNames) })}
${this.field({ path: 'mobility.max_commute_km', label: t.commute, type: 'number', kind: 'int', attrs: 'min="0" max="1000" inputmode="numeric"' })}</div>
${this.check('mobility.own_vehicle', t.ownVehicle)}${this.check('mobility.willing_to_relocate', t.relocate)}`);
    this.renderSuggested();
  }

  async renderSuggested() {
    const box = this.$('#suggested');
    const occ = [...(this.state.preferences?.occupations ?? [])].reverse().find((o) => o.uri);
    if (!box || !occ || !this.rpc) {
      if (box) box.innerHTML = '';
      return;
    }
    try {
      await this.ready;
      const links = await this.rpc.call('occupationSkills', { uri: occ.uri, lang: this.uiLang });
      const have = new Set((this.state.skills ?? []).map((s) => s.uri).filter(Boolean));
      const pick = links.filter((s) => s.relation === 'essential' && !have.has(s.uri)).slice(0, 12);
      const t = this.t;
      box.innerHTML = pick.length
        ? `<p class="label" id="sugg-label">${esc(fmt(t.suggested, { x: occ.label }))}</p><div class="suggest" role="group" aria-labelledby="sugg-label">${pick
            .map((s) => `<button type="button" class="small" data-action="add-skill" data-uri="${esc(s.uri)}" data-label="${esc(s.preferred_label)}" aria-label="${esc(fmt(t.addItem, { x: s.preferred_label }))}">+ ${esc(s.preferred_label)}</button>`)
            .join('')}</div>`
        : '';
    } catch {
      box.innerHTML = '';
    }
  }

  renderLook() {
    const t = this.t;
    const templates = this.templates.length ? this.templates : [{ name: 'europass' }, { name: 'modern' }, { name: 'plain' }];
    const current = this.state.render?.template ?? 'europass';
    const desc = (tp) => t.templateDescriptions[tp.name] ?? tp.description ?? '';
    this.section('look', t.look, `<div class="row">
${this.field({ path: 'render.template', label: t.template, options: templates.map((tp) => [tp.name, t.templateNames[tp.name] ?? tp.name]), hint: desc(templates.find((x) => x.name === current) ?? templates[0]) })}
${this.field({ path: 'render.lang', label: t.cvLang, options: [['it', 'Italiano'], ['en', 'English']], value: this.state.render?.lang ?? this.uiLang })}</div>`);
  }

  renderActions() {
    const t = this.t;
    this.section('actions', t.actions, `<div class="actions">
<button type="button" class="primary" data-action="pdf">${esc(t.download)}</button>
<button type="button" data-action="export">${esc(t.exportJson)}</button>
<label class="file button" for="f-import"><input type="file" id="f-import" accept=".json,.yaml,.yml,application/json" data-action="import" aria-describedby="h-import e-import"><span>${esc(t.importJson)}</span></label>
<button type="button" data-action="new">${esc(t.newCv)}</button></div>
<p class="hint" id="h-import">${esc(t.importHint)}</p><div class="error" id="e-import" hidden></div>`);
  }

  // ---- events -------------------------------------------------------------------------

  handleInput(e) {
    const el = e.target;
    if (el.dataset.combo) this.comboSearch(el);
    if (el.dataset.path && el.type !== 'checkbox' && el.tagName !== 'SELECT') this.bind(el);
  }

  handleChange(e) {
    const el = e.target;
    if (el.dataset.action === 'photo') return this.loadPhoto(el);
    if (el.dataset.action === 'import') return this.importFile(el);
    if (el.dataset.path && (el.type === 'checkbox' || el.tagName === 'SELECT')) this.bind(el);
    if (el.dataset.path === 'render.template') {
      // Only the description changes: the select keeps the focus.
      const tp = this.templates.find((x) => x.name === el.value);
      const hint = this.$('#h-render-template');
      if (hint) hint.textContent = this.t.templateDescriptions[el.value] ?? tp?.description ?? '';
    }
  }

  handleBlur(e) {
    const el = e.target;
    if (el.dataset?.path && el.type !== 'checkbox') {
      this.touched.add(el.dataset.path);
      this.showProblems();
    }
    if (el.getAttribute?.('role') === 'combobox') setTimeout(() => this.closeList(el), 150);
  }

  /** Writes a control's value into the profile. */
  bind(el) {
    const { path, kind } = el.dataset;
    this.touched.add(path);
    if (kind === 'bool') setPath(this.state, path, el.checked);
    else if (kind === 'set') {
      const set = new Set(getPath(this.state, path) ?? []);
      if (el.checked) set.add(el.dataset.value);
      else set.delete(el.dataset.value);
      if (set.size) setPath(this.state, path, [...set]);
      else deletePath(this.state, path);
    } else if (kind === 'place') {
      if (el.value.trim()) setPath(this.state, path, { name: el.value });
      else deletePath(this.state, path);
    } else {
      let v = el.value;
      if (kind === 'date') v = normaliseDate(v);
      if (kind === 'int') v = v.trim() === '' ? '' : Number.parseInt(v, 10);
      if (path === 'languages.mother_tongues[0]') {
        const rest = (this.state.languages?.mother_tongues ?? []).slice(1);
        setPath(this.state, 'languages.mother_tongues', v ? [v, ...rest] : rest);
      } else if (v === '' || Number.isNaN(v)) {
        if ('required' in el.dataset) setPath(this.state, path, '');
        else deletePath(this.state, path);
      } else setPath(this.state, path, v);
    }
    this.changed();
  }

  /** After any edit: save the draft, refresh the preview (and the matches if shown). */
  changed({ rerender } = {}) {
    if (rerender) this[`render${rerender}`]();
    this.scheduleSave();
    this.requestPreview();
  }

  handleClick(e) {
    const btn = e.target.closest('[data-action]');
    if (!btn || btn.tagName === 'INPUT') return;
    const t = this.t;
    switch (btn.dataset.action) {
      case 'switch-lang':
        return this.switchLanguage(this.uiLang === 'it' ? 'en' : 'it');
      case 'goto': {
        const h = this.$(`#h-${btn.dataset.target}`);
        h?.scrollIntoView({ block: 'start' });
        return h?.focus();
      }
      case 'add':
        return this.addEntry(btn.dataset.list);
      case 'remove':
        return this.removeEntry(btn.dataset.list, Number(btn.dataset.index));
      case 'add-skill':
        this.addSkill({ label: btn.dataset.label, uri: btn.dataset.uri });
        return this.$('#f-skill')?.focus();
      case 'remove-photo':
        deletePath(this.state, 'person.photo');
        deletePath(this.state, 'privacy.print_photo');
        this.changed({ rerender: 'Personal' });
        return this.$('#f-photo')?.focus();
      case 'pdf':
        return this.downloadPdf();
      case 'export':
        return this.exportJson();
      case 'new':
        if (!confirm(t.confirmNew)) return;
        this.state = emptyProfile(this.uiLang);
        this.afterLoad();
        return this.$('#f-person-given-name')?.focus();
      case 'find-matches':
        this.matchesShown = true;
        return this.runMatches();
      case 'option':
        return;
    }
  }

  handleKey(e) {
    const el = e.target;
    if (el.getAttribute?.('role') !== 'combobox') return;
    const list = this.$(`#${el.getAttribute('aria-controls')}`);
    const opts = [...list.querySelectorAll('[role=option]')];
    const active = opts.findIndex((o) => o.getAttribute('aria-selected') === 'true');
    const move = (i) => {
      opts.forEach((o, j) => o.setAttribute('aria-selected', String(i === j)));
      if (opts[i]) {
        el.setAttribute('aria-activedescendant', opts[i].id);
        opts[i].scrollIntoView({ block: 'nearest' });
      }
    };
    if (e.key === 'ArrowDown' && opts.length) {
      e.preventDefault();
      if (list.hidden) list.hidden = false, el.setAttribute('aria-expanded', 'true');
      move(active < opts.length - 1 ? active + 1 : 0);
    } else if (e.key === 'ArrowUp' && opts.length) {
      e.preventDefault();
      move(active > 0 ? active - 1 : opts.length - 1);
    } else if (e.key === 'Escape') {
      if (!list.hidden) e.preventDefault();
      this.closeList(el);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0 && !list.hidden) this.pick(el, this.comboItems[el.id]?.[active]);
      else if (el.dataset.combo === 'skill' && el.value.trim()) this.pick(el, { label: el.value.trim() });
    }
  }

  // ---- combobox: ESCO skills, occupations, comuni -------------------------------------

  comboSearch(el) {
    clearTimeout(this.comboTimer);
    const text = el.value.trim();
    if (text.length < 2) return this.closeList(el);
    this.comboTimer = setTimeout(async () => {
      const seq = (this.comboSeq = (this.comboSeq ?? 0) + 1);
      const kind = el.dataset.combo;
      let items = [];
      try {
        if (kind === 'place') {
          items = (await this.rpc.call('searchPlaces', { text, limit: 8 })).map((p) => ({ label: p.name, place: p }));
        } else {
          const op = kind === 'skill' ? 'searchSkills' : 'searchOccupations';
          const hits = await this.rpc.call(op, { text, limit: 8, lang: this.uiLang });
          items = hits.map((h) => this.comboItem(h));
        }
      } catch (err) {
        items = [];
        if (err?.kind === 'query_too_long') this.fieldError(el, err.message);
      }
      if (seq !== this.comboSeq) return;
      this.showList(el, items);
    }, SEARCH_DEBOUNCE_MS);
  }

  /** One ESCO hit as a list item: the person's own words when they matched a label in the
   * page's language, else the label in that language (marked when only English exists);
   * a job title typed as a skill says which occupation the skill comes from. */
  comboItem(h) {
    const own = h.kind !== 'via_occupation' && h.lang === this.uiLang;
    const label = own ? h.matched_label : h.preferred_label;
    const esco = h.preferred_label_lang && h.preferred_label_lang !== this.uiLang ? `ESCO: ${h.preferred_label} [${h.preferred_label_lang}]` : `ESCO: ${h.preferred_label}`;
    const sub = h.via_occupation ? `${fmt(this.t.viaOccupation, { x: h.via_occupation.preferred_label })}` : label !== h.preferred_label ? esco : 'ESCO';
    return { label, uri: h.uri, sub };
  }

  showList(el, items) {
    this.comboItems ??= {};
    this.comboItems[el.id] = items;
    const list = this.$(`#${el.getAttribute('aria-controls')}`);
    const id = el.id.replace(/^f-/, '');
    list.innerHTML = items.map((it, i) => `<li role="option" id="lb-${id}-${i}" aria-selected="false" data-i="${i}" dir="auto">${esc(it.label)}${it.sub ? `<span class="sub">${esc(it.sub)}</span>` : ''}</li>`).join('');
    list.hidden = !items.length;
    el.setAttribute('aria-expanded', String(items.length > 0));
    el.removeAttribute('aria-activedescendant');
    const note = this.$(`#n-${id}`);
    if (note) note.textContent = items.length ? `${items.length}` : this.t.noSuggestions;
    for (const li of list.querySelectorAll('[role=option]')) {
      li.addEventListener('mousedown', (ev) => ev.preventDefault());
      li.addEventListener('click', () => this.pick(el, items[Number(li.dataset.i)]));
    }
  }

  closeList(el) {
    const list = this.$(`#${el.getAttribute('aria-controls')}`);
    if (list) list.hidden = true;
    el.setAttribute('aria-expanded', 'false');
    el.removeAttribute('aria-activedescendant');
  }

  pick(el, item) {
    if (!item) return;
    const kind = el.dataset.combo;
    this.closeList(el);
    if (kind === 'place') {
      const p = item.place;
      setPath(this.state, 'mobility.home', { istat: p.istat, name: p.name, lat: p.lat, lon: p.lon });
      el.value = p.name;
      this.touched.add('mobility.home');
      this.changed();
    } else if (kind === 'skill') {
      this.addSkill({ label: item.label, uri: item.uri });
      this.$('#f-skill')?.focus();
    } else {
      const list = this.state.preferences?.occupations ?? [];
      if (!list.some((o) => (item.uri && o.uri === item.uri) || o.label === item.label)) {
        setPath(this.state, 'preferences.occupations', [...list, item.uri ? { label: item.label, uri: item.uri } : { label: item.label }]);
      }
      this.changed({ rerender: 'Preferences' });
      this.$('#f-occupation')?.focus();
    }
  }

  addSkill(skill) {
    const skills = this.state.skills ?? [];
    if (!skills.some((s) => (skill.uri && s.uri === skill.uri) || s.label.toLowerCase() === skill.label.toLowerCase())) {
      this.state.skills = [...skills, skill.uri ? skill : { label: skill.label }];
    }
    this.changed({ rerender: 'Skills' });
    this.renderSuggested();
  }

  // ---- lists ------------------------------------------------------------------------

  addEntry(list) {
    const blank = { work: { role: '' }, education: { title: '' }, 'languages.other': { language: '', ...Object.fromEntries(GRID.map((g) => [g, 'A2'])) } }[list];
    const items = getPath(this.state, list) ?? [];
    setPath(this.state, list, [...items, blank]);
    const section = { work: 'Work', education: 'Education', 'languages.other': 'Languages' }[list];
    this.changed({ rerender: section });
    const first = this.$(`[data-entry="${list}[${items.length}]"] input, [data-entry="${list}[${items.length}]"] select`);
    first?.focus();
  }

  removeEntry(list, i) {
    const items = [...(getPath(this.state, list) ?? [])];
    items.splice(i, 1);
    if (items.length) setPath(this.state, list, items);
    else deletePath(this.state, list);
    // Paths after the removed entry shift: forget what was touched in this list.
    for (const p of [...this.touched]) if (p.startsWith(`${list}[`)) this.touched.delete(p);
    const section = { work: 'Work', education: 'Education', 'languages.other': 'Languages', skills: 'Skills', 'preferences.occupations': 'Preferences' }[list];
    this.changed({ rerender: section });
    const add = this.$(`#sec-${section.toLowerCase()} [data-action=add]`) ?? this.$(section === 'Skills' ? '#f-skill' : '#f-occupation');
    add?.focus();
    if (list === 'skills') this.renderSuggested();
  }

  // ---- photo ---------------------------------------------------------------------------

  async loadPhoto(input) {
    const t = this.t;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const err = this.$('#e-person-photo');
    err.hidden = true;
    const fail = (msg) => {
      err.textContent = msg;
      err.hidden = false;
    };
    if (file.size > MAX_PHOTO_BYTES) return fail(t.photoTooBig);
    let bitmap;
    try {
      if (!/^image\/(jpeg|png)$/.test(file.type)) throw new Error('type');
      bitmap = await createImageBitmap(file);
    } catch {
      return fail(t.photoBad);
    }
    // Shrink to a CV-sized JPEG small enough to live in the profile as a data URL.
    let side = 420;
    let url = '';
    for (let q = 0.85; side >= 120; ) {
      const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      url = canvas.toDataURL('image/jpeg', q);
      if (url.length <= MAX_PHOTO_CHARS) break;
      if (q > 0.55) q -= 0.15;
      else side = Math.round(side * 0.8);
    }
    bitmap.close?.();
    if (!url || url.length > MAX_PHOTO_CHARS) return fail(t.photoBad);
    setPath(this.state, 'person.photo', url);
    setPath(this.state, 'privacy.print_photo', true);
    this.changed({ rerender: 'Personal' });
    this.$('#f-photo')?.focus();
  }

  // ---- preview ----------------------------------------------------------------------------

  renderArgs() {
    const p = completed(this.state);
    return { profile: p, template: p.render?.template, lang: p.render?.lang, today: this.today, uiLang: this.uiLang };
  }

  requestPreview(delay = PREVIEW_DEBOUNCE_MS) {
    this.dirty = true;
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => this.pumpPreview(), delay);
  }

  async pumpPreview() {
    if (this.rendering || !this.dirty || !this.rpc) return;
    this.dirty = false;
    if (!this.hasName()) {
      this.pages = [];
      this.problems = [];
      this.showPages();
      this.showProblems();
      return;
    }
    this.rendering = true;
    const seq = ++this.seq;
    const t0 = performance.now();
    try {
      await this.ready;
      const out = await this.rpc.call('render', this.renderArgs());
      this.problems = [];
      this.warnings = out.warnings;
      await this.showPages(out.pages);
      this.showProblems();
      this.dispatch('sportello-preview', { seq, ms: performance.now() - t0, renderMs: out.ms, pages: out.pages.length });
      if (this.matchesShown) this.scheduleMatches();
    } catch (e) {
      this.problems = e?.kind === 'invalid' ? e.problems : [{ severity: 'error', path: '', message: e?.message ?? String(e), hint: e?.hint }];
      this.showProblems();
      this.$('#stale').hidden = false;
      this.dispatch('sportello-preview-error', { seq, error: e });
    } finally {
      this.rendering = false;
      if (this.dirty) this.pumpPreview();
    }
  }

  /** Shows the SVG pages as images (isolated from the page: no id clashes, no scripts;
   *  decoded off the main thread, crisp at any zoom), reusing those that did not change. */
  async showPages(svgs) {
    const box = this.$('#pages');
    if (!box) return;
    const t = this.t;
    if (svgs) {
      // Pages that did not change keep their decoded image: decoding a page's SVG costs
      // more than rendering it (Typst writes glyph outlines), so an edit on page 1 does
      // not redecode page 2. (PNG pages were measured too: quicker to decode, but slower
      // to rasterise in wasm at a sharp resolution, and blurry when zoomed.)
      const old = this.pageSvgs ?? [];
      const urls = [];
      const imgs = svgs.map((s, i) => {
        if (s === old[i] && this.pages[i]) {
          urls.push(this.pageUrls[i]);
          return this.pages[i];
        }
        const u = URL.createObjectURL(new Blob([s], { type: 'image/svg+xml' }));
        urls.push(u);
        return Object.assign(new Image(), { src: u });
      });
      await Promise.all(imgs.filter((img) => !this.pages.includes(img)).map((img) => img.decode().catch(() => {})));
      for (const u of this.pageUrls ?? []) if (!urls.includes(u)) URL.revokeObjectURL(u);
      this.pageUrls = urls;
      this.pageSvgs = svgs;
      this.pages = imgs;
    }
    if (!this.hasName()) {
      for (const u of this.pageUrls ?? []) URL.revokeObjectURL(u);
      this.pageUrls = [];
      this.pageSvgs = [];
      this.pages = [];
    }
    if (this.pages.length) {
      for (const [i, img] of this.pages.entries()) img.alt = fmt(t.previewPage, { n: i + 1, t: this.pages.length });
      box.replaceChildren(...this.pages);
    } else box.innerHTML = `<p class="placeholder">${esc(this.hasName() ? t.previewLoading : t.previewEmpty)}</p>`;
    this.$('#stale').hidden = true;
    const w = this.$('#warnings');
    const notes = (this.warnings ?? []).filter((x) => !/^warning: skills:/.test(x));
    w.innerHTML = notes.map((x) => `<li>${esc(x)}</li>`).join('');
    w.hidden = !notes.length;
  }

  // ---- problems next to fields ------------------------------------------------------------

  /** The element for a problem's path: the field, else the nearest entry or section. */
  errorSlot(path) {
    const parts = tokens(path);
    for (let n = parts.length; n > 0; n--) {
      const p = parts.slice(0, n).reduce((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');
      const id = idOf(p);
      const slot = this.$(`#e-${id}`) ?? this.$(`#e-${id}-`);
      if (slot) return { slot, input: this.$(`#f-${id}`), path: p };
    }
    return null;
  }

  // The core words every problem in the page's language (its `code` says which one it is).
  message(pr) {
    if (pr.code === 'empty' || pr.code === 'missing') return this.t.requiredMsg;
    return pr.hint ? `${pr.message} (${pr.hint})` : pr.message;
  }

  fieldError(input, msg) {
    const slot = this.$(`#e-${input.id.replace(/^f-/, '')}`);
    if (!slot) return;
    slot.textContent = msg;
    slot.hidden = false;
  }

  showProblems() {
    const root = this.shadowRoot;
    for (const el of root.querySelectorAll('.error[id^="e-"]')) {
      if (el.id === 'e-import' || el.id === 'e-person-photo') continue;
      el.hidden = true;
      el.textContent = '';
    }
    for (const el of root.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      const d = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && !x.startsWith('e-'));
      if (d.length) el.setAttribute('aria-describedby', d.join(' '));
      else el.removeAttribute('aria-describedby');
    }
    const errors = (this.problems ?? []).filter((p) => p.severity !== 'warning');
    const loose = [];
    for (const pr of errors) {
      const found = pr.path ? this.errorSlot(pr.path) : null;
      const visible = this.showAll || [...this.touched].some((t) => t === pr.path || pr.path.startsWith(`${t}.`) || t.startsWith(`${pr.path}.`) || t.startsWith(`${pr.path}[`));
      if (!found) {
        loose.push(pr);
        continue;
      }
      if (!visible) continue;
      found.slot.textContent = [found.slot.textContent, this.message(pr)].filter(Boolean).join(' ');
      found.slot.hidden = false;
      if (found.input) {
        found.input.setAttribute('aria-invalid', 'true');
        const d = new Set((found.input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
        d.add(found.slot.id);
        found.input.setAttribute('aria-describedby', [...d].join(' '));
      }
    }
    const box = this.$('#problems');
    const listed = this.showAll ? errors : loose;
    box.hidden = !listed.length;
    box.innerHTML = listed.length
      ? `<h3>${esc(this.t.problems)}</h3><ul>${listed
          .map((pr) => {
            const f = pr.path ? this.errorSlot(pr.path) : null;
            const go = f?.input ? ` <button type="button" class="link" data-goto-field="${esc(f.input.id)}">${esc(this.t.goTo)}</button>` : '';
            return `<li>${pr.path ? `<code>${esc(pr.path)}</code>: ` : ''}${esc(this.message(pr))}${go}</li>`;
          })
          .join('')}</ul>`
      : '';
    for (const b of box.querySelectorAll('[data-goto-field]')) b.addEventListener('click', () => this.$(`#${b.dataset.gotoField}`)?.focus());
    const stale = this.$('#stale');
    if (stale) stale.hidden = !errors.length;
  }

  say(text) {
    const s = this.$('.status');
    if (!s) return;
    s.textContent = '';
    setTimeout(() => (s.textContent = text), 30);
  }

  reportError(e) {
    this.say(`${e?.message ?? e}`);
    this.dispatch('sportello-error', { error: e });
  }

  onCrash() {
    this.say(this.t.crash);
    this.ready = this.rpc.call('init');
    this.requestPreview(0);
    if (this.feedText) this.rpc.call('loadFeed', { text: this.feedText }).catch(() => {});
  }

  // ---- language -------------------------------------------------------------------------

  switchLanguage(lang) {
    if (lang === this.uiLang) return;
    const old = this.uiLang;
    this.uiLang = lang;
    // The CV follows the form's language unless the person chose another one.
    if ((this.state.render?.lang ?? old) === old) setPath(this.state, 'render.lang', lang);
    this.renderAll();
    this.$('.lang-switch')?.focus();
    this.scheduleSave();
    this.requestPreview(0);
    if (this.matchesShown) this.scheduleMatches(0);
  }

  // ---- draft, import, export, PDF ---------------------------------------------------------

  scheduleSave() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), SAVE_DEBOUNCE_MS);
  }

  saveNow() {
    clearTimeout(this.saveTimer);
    if (!this.state) return;
    try {
      localStorage.setItem(this.storageKey, JSON.stringify({ v: DRAFT_VERSION, profile: this.state, uiLang: this.uiLang }));
      this.saveFailed = false;
    } catch {
      if (!this.saveFailed) this.say(this.t.draftFailed);
      this.saveFailed = true;
    }
  }

  afterLoad() {
    this.touched.clear();
    this.showAll = false;
    this.problems = [];
    this.renderAll();
    this.scheduleSave();
    this.requestPreview(0);
  }

  fileName(ext) {
    const p = this.state.person ?? {};
    const name = [p.given_name, p.family_name].map((s) => (s ?? '').trim()).filter(Boolean).join('-') || 'cv';
    return `CV-${name.normalize('NFKD').replace(/[^\w-]+/g, '')}.${ext}`;
  }

  save(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.style.display = 'none';
    this.shadowRoot.append(a);
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 1000);
  }

  async downloadPdf() {
    try {
      await this.ready;
      const bytes = await this.rpc.call('pdf', this.renderArgs());
      this.save(new Blob([bytes], { type: 'application/pdf' }), this.fileName('pdf'));
      this.say(this.t.downloaded);
    } catch (e) {
      this.showAll = true;
      this.problems = e?.kind === 'invalid' ? e.problems : [{ severity: 'error', path: '', message: e?.message ?? String(e), hint: e?.hint }];
      this.showProblems();
      this.$('#problems')?.focus();
    }
  }

  exportJson() {
    const text = `${JSON.stringify(completed(this.state), null, 2)}\n`;
    this.save(new Blob([text], { type: 'application/json' }), this.fileName('json'));
  }

  async importFile(input) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const slot = this.$('#e-import');
    slot.hidden = true;
    const t = this.t;
    const fail = (msg, problems = []) => {
      slot.innerHTML = `${esc(msg)}${problems.length ? `<ul>${problems.slice(0, 8).map((p) => `<li>${p.path ? `<code>${esc(p.path)}</code>: ` : ''}${esc(p.message)}</li>`).join('')}</ul>` : ''}`;
      slot.hidden = false;
      this.$('#f-import')?.focus();
    };
    try {
      if (file.size > 5 * 1024 * 1024) return fail(`${t.importBad} (> 5 MB)`);
      const text = await file.text();
      await this.ready;
      const v = await this.rpc.call('validate', { text, today: this.today, lang: this.uiLang });
      if (v.kind === 'vacancy') return fail(t.importVacancy);
      const read = await this.rpc.call('readProfile', { text, today: this.today, lang: this.uiLang });
      const p = read.profile;
      p.render ??= {};
      p.render.template ??= 'europass';
      p.render.lang ??= this.uiLang;
      p.languages ??= {};
      this.state = p;
      this.afterLoad();
      this.say(t.imported);
      this.$('#f-import')?.focus();
    } catch (e) {
      fail(`${t.importBad} ${e?.message ?? ''}`.trim(), e?.problems ?? []);
    }
  }

  // ---- vacancies ----------------------------------------------------------------------------

  async loadFeed() {
    const url = this.getAttribute('feed');
    this.feedState = 'loading';
    this.renderMatches();
    try {
      const r = await fetch(new URL(url, document.baseURI), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      this.feedText = await r.text();
      await this.ready;
      this.feedState = await this.rpc.call('loadFeed', { text: this.feedText });
    } catch (e) {
      this.feedState = { error: e };
    }
    this.renderMatches();
    if (this.matchesShown) this.runMatches();
  }

  renderMatches() {
    const box = this.$('#sec-matches');
    if (!box) return;
    const t = this.t;
    const fs = this.feedState;
    let status = '';
    if (fs === 'loading') status = t.feedLoading;
    else if (fs?.error) status = `${t.feedError} ${fs.error.message ?? ''}`;
    else if (fs?.problems?.length) status = fmt(t.feedSkipped, { n: fs.problems.length });
    box.innerHTML = `<h3 id="h-matches" tabindex="-1">${esc(t.matches)}</h3><p class="hint">${esc(t.matchesIntro)}</p>
<p class="${fs?.error ? 'error' : 'hint'}" id="feed-status"${status ? '' : ' hidden'}>${esc(status)}</p>
<div class="actions"><button type="button" class="primary" data-action="find-matches"${fs?.length ? '' : ' disabled'}>${esc(t.findMatches)}</button>
${this.check('ui.show_excluded', t.showExcluded, { kind: 'ui', checked: this.showExcluded })}</div>
<p class="status" id="match-status" role="status" aria-live="polite"></p><ol id="match-list" aria-labelledby="h-matches"></ol>`;
    box.querySelector('[data-kind=ui]').addEventListener('change', (e) => {
      this.showExcluded = e.target.checked;
      if (this.matchesShown) this.runMatches();
    });
    if (this.lastMatches) this.showMatches(this.lastMatches);
  }

  scheduleMatches(delay = MATCH_DEBOUNCE_MS) {
    clearTimeout(this.matchTimer);
    this.matchTimer = setTimeout(() => this.runMatches(), delay);
  }

  async runMatches() {
    if (!this.feedState?.length) return;
    try {
      const list = await this.rpc.call('match', { profile: completed(this.state), today: this.today, lang: this.uiLang, top: 20, includeExcluded: Boolean(this.showExcluded) });
      this.lastMatches = list;
      this.showMatches(list, true);
      this.dispatch('sportello-matches', { count: list.length });
    } catch (e) {
      const s = this.$('#match-status');
      if (s) s.textContent = e?.kind === 'invalid' ? this.t.previewStale : `${e?.message ?? e}`;
    }
  }

  showMatches(list, announce) {
    const t = this.t;
    const ol = this.$('#match-list');
    if (!ol) return;
    const place = (v) => v.place?.name ?? '';
    const applyLink = (a) => {
      if (!a) return '';
      const href = /^https?:\/\//i.test(a) ? a : /^[^@\s]+@[^@\s]+$/.test(a) ? `mailto:${a}` : null;
      return href ? `<p><a class="button" href="${esc(href)}" target="_blank" rel="noopener noreferrer">${esc(t.apply)}</a> <span class="hint">${esc(a)}</span></p>` : `<p>${esc(t.apply)}: ${esc(a)}</p>`;
    };
    const li = (items) => `<ul>${items.map((x) => `<li>${x}</li>`).join('')}</ul>`;
    ol.innerHTML = list
      .map(({ vacancy: v, result: r, explanation: why }, i) => {
        const pct = Math.round(r.score * 100);
        const meta = [v.employer, place(v), v.contract ? t.contractNames[v.contract] ?? v.contract : null, r.distance_km != null ? fmt(t.kmAway, { x: Math.round(r.distance_km) }) : null].filter(Boolean).map(esc).join(' · ');
        return `<li><article class="match${r.excluded ? ' excluded' : ''}" aria-labelledby="m-${i}">
<h4 id="m-${i}" dir="auto">${esc(v.title)}</h4><p class="meta">${meta}</p>
<p><span class="score">${esc(r.excluded ? t.excluded : fmt(t.fit, { x: pct }))}</span></p>
<details class="reasons"${i === 0 ? ' open' : ''}><summary>${esc(t.why)}</summary>
${why.exclusions.length ? `<h5>${esc(t.excludedBecause)}</h5>${li(why.exclusions.map(esc))}` : ''}
${why.occupation ? `<h5>${esc(t.yourOccupation)}</h5><p dir="auto">${esc(why.occupation)}</p>` : ''}
${why.matched.length ? `<h5>${esc(t.youHave)}</h5>${li(why.matched.map((m) => `${esc(m.required)} <span class="hint">(${esc(m.by)}: ${esc(m.evidence)})</span>`))}` : ''}
${why.missing.length ? `<h5>${esc(t.youMiss)}</h5>${li(why.missing.map(esc))}` : ''}
${why.hints.length ? `<h5>${esc(t.hintsTitle)}</h5>${li(why.hints.map(esc))}` : ''}
<h5>${esc(t.scoreParts)}</h5>${li(why.parts.map((p) => `${esc(p.label)}: ${Math.round(p.credit * 100)}% <span class="hint">(${Math.round(p.weight * 100)}%)</span>`))}
</details>${applyLink(v.apply)}</article></li>`;
      })
      .join('');
    const s = this.$('#match-status');
    if (s && announce) s.textContent = list.length ? fmt(t.found, { n: list.length }) : t.noMatches;
  }
}

if (!customElements.get('sportello-cv')) customElements.define('sportello-cv', SportelloCv);
