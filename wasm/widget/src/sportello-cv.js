// <sportello-cv>: Sportello's CV editor as a custom element, with no framework.
//
//   <script type="module" src="sportello-cv.js"></script>
//   <sportello-cv feed="vacancies.json"></sportello-cv>
//
// Attributes: `feed` (URL of a JSON vacancy feed: the only network access besides the
// widget's own files), `lang` (`it` default, `en`), `storage-key` (localStorage key of the
// draft), `today` (YYYY-MM-DD, for demos and tests; default the browser's date), `offline`
// (`off`: no service worker), `offline-scope` (the service worker's scope, when the pages
// that host the widget are outside its folder).
//
// All the work (validation, rendering with Typst, ESCO search, matching) runs in a Web
// Worker hosting Sportello's WebAssembly module (sportello-worker.js), so typing never
// waits for it. The profile is kept in the shape of core/schema/profile.schema.json
// (types/profile.d.ts); fields the form does not show (certifications, projects...) are
// kept as imported.
//
// Events (bubbling, composed): `sportello-ready` {version, templates}, `sportello-preview`
// {seq, ms, renderMs, pages}, `sportello-preview-error` {error}, `sportello-data` {bytes,
// loadMs, decodeMs} (the reference data arrived), `sportello-offline` {scope} (the service
// worker is active), `sportello-matches` {count}, `sportello-error` {error}. Performance
// marks: `sportello-form` (the form is usable), `sportello-first-preview`.
//
// The element wires together modules of one job each, next to this file: its methods live in
// sportello-cv-{fields,sections,edit,combobox,photo,preview,problems,draft,files,matches,apply,offline}.js
// (installed on the class below), helped by sportello-cv-{util,paths,profile,rpc,styles}.js.

import { STR } from './i18n.js';
import { esc, localToday } from './sportello-cv-util.js';
import { setPath, deletePath } from './sportello-cv-paths.js';
import { emptyProfile } from './sportello-cv-profile.js';
import { Rpc } from './sportello-cv-rpc.js';
import { CSS } from './sportello-cv-styles.js';
import { fieldMethods } from './sportello-cv-fields.js';
import { sectionMethods } from './sportello-cv-sections.js';
import { editMethods } from './sportello-cv-edit.js';
import { comboboxMethods } from './sportello-cv-combobox.js';
import { photoMethods } from './sportello-cv-photo.js';
import { previewMethods } from './sportello-cv-preview.js';
import { problemMethods } from './sportello-cv-problems.js';
import { draftMethods } from './sportello-cv-draft.js';
import { applyMethods } from './sportello-cv-apply.js';
import { fileMethods } from './sportello-cv-files.js';
import { matchMethods } from './sportello-cv-matches.js';
import { offlineMethods } from './sportello-cv-offline.js';

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
    const restored = this.restoreDraft();
    this.state ??= emptyProfile(this.uiLang);
    this.rpc = new Rpc(() => this.onCrash());
    this.renderAll();
    performance.mark('sportello-form');
    if (restored) this.say(this.t.draftRestored);
    // The form works at once; the engine arrives meanwhile (the preview says so). A restored
    // draft's preview is asked for now, so that the worker renders it as soon as it can.
    // What the first preview does not need comes after it (sportello-cv-offline.js).
    this.renderAtOnce = restored;
    this.requestPreview(0);
    this.rpc
      .call('init')
      .then((info) => {
        this.engineReady = true;
        this.templates = info.templates;
        this.renderLook();
        this.showPages();
        this.dispatch('sportello-ready', info);
        this.resolveReady(info);
        // Nothing to render so far (no name yet): what comes after the first preview.
        if (!this.seq) this.requestPreview(0);
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
        <div class="pages" id="pages" tabindex="0" role="region" aria-label="${esc(t.preview)}"><p class="placeholder">${esc(this.placeholder())}</p></div>
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
      case 'tailored-cv':
        return this.downloadTailored(Number(btn.dataset.index));
      case 'cover-letter':
        return this.downloadLetter(Number(btn.dataset.index));
      case 'option':
        return;
    }
  }

  // ---- messages -----------------------------------------------------------------------

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
    // The new worker fetches the reference data once allowed, as the first one was.
    if (this.firstPreviewDone) this.rpc.call('loadData').catch(() => {});
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

  // ---- a new profile ----------------------------------------------------------------------

  afterLoad() {
    this.touched.clear();
    this.showAll = false;
    this.problems = [];
    this.renderAll();
    this.scheduleSave();
    this.requestPreview(0);
  }
}

// The methods of the modules, installed as class methods are (on the prototype, not
// enumerable), before the element is defined. A name defined twice is a mistake.
for (const methods of [fieldMethods, sectionMethods, editMethods, comboboxMethods, photoMethods, previewMethods, problemMethods, draftMethods, fileMethods, matchMethods, applyMethods, offlineMethods]) {
  for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(methods))) {
    if (Object.hasOwn(SportelloCv.prototype, name)) throw new Error(`sportello-cv: ${name} is defined twice`);
    Object.defineProperty(SportelloCv.prototype, name, { ...d, enumerable: false });
  }
}

if (!customElements.get('sportello-cv')) customElements.define('sportello-cv', SportelloCv);
