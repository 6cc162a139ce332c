// The live preview of <sportello-cv>: the CV rendered in the worker shortly after each edit
// (one rendering at a time; the latest edit wins) and its pages shown in the page.
//
// Methods of the element, installed on SportelloCv.prototype by sportello-cv.js: `this` is the
// element (`this.state` the profile, `this.t` the form's words, `this.rpc` the worker).

import { fmt } from './i18n.js';
import { esc } from './sportello-cv-util.js';
import { completed } from './sportello-cv-profile.js';

const PREVIEW_DEBOUNCE_MS = 20;

export const previewMethods = {
  renderArgs() {
    const p = completed(this.state);
    return { profile: p, template: p.render?.template, lang: p.render?.lang, today: this.today, uiLang: this.uiLang };
  },

  requestPreview(delay = PREVIEW_DEBOUNCE_MS) {
    this.dirty = true;
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => this.pumpPreview(), delay);
  },

  async pumpPreview() {
    if (this.rendering || !this.dirty || !this.rpc) return;
    this.dirty = false;
    const atOnce = this.renderAtOnce;
    this.renderAtOnce = false;
    if (!this.hasName()) {
      this.pages = [];
      this.problems = [];
      this.showPages();
      this.showProblems();
      if (this.engineReady) this.afterFirstPreview();
      return;
    }
    this.rendering = true;
    // A name typed before the engine has arrived: say that the preview is on its way.
    if (!this.engineReady && !this.pages.length) this.showPages();
    const seq = ++this.seq;
    const t0 = performance.now();
    try {
      // A draft restored at load is sent at once: the worker keeps it until its engine is
      // ready, so there is no round trip. What is typed before the engine is ready waits for
      // it instead, so that the first preview shows all of it.
      if (!atOnce) await this.ready;
      const out = await this.rpc.call('render', this.renderArgs());
      this.problems = [];
      this.warnings = out.warnings;
      this.showPages(out.pages);
      this.showProblems();
      this.dispatch('sportello-preview', { seq, ms: performance.now() - t0, renderMs: out.ms, pages: out.pages.length });
      if (this.matchesShown) this.scheduleMatches();
    } catch (e) {
      this.problems = e?.kind === 'invalid' ? e.problems : [{ severity: 'error', path: '', message: e?.message ?? String(e), hint: e?.hint }];
      this.showProblems();
      this.$('#stale').hidden = false;
      this.dispatch('sportello-preview-error', { seq, error: e });
    } finally {
      this.afterFirstPreview();
      this.rendering = false;
      if (this.dirty) this.pumpPreview();
    }
  },

  /** What the preview says while it has no pages. */
  placeholder() {
    if (!this.hasName()) return this.t.previewEmpty;
    return this.engineReady ? this.t.previewLoading : this.t.engineLoading;
  },

  /** Shows the SVG pages in the preview, reusing those that did not change. The pages come
   *  from the worker with each glyph drawn in place (core: render::svg_preview), which a
   *  browser shows in a few milliseconds, where Typst's own SVG as an image took longer to
   *  decode than to render; links are plain groups there, so nothing in a page can be
   *  clicked, and each page is one image for assistive technology. */
  showPages(svgs) {
    const box = this.$('#pages');
    if (!box) return;
    const t = this.t;
    if (svgs) {
      const old = this.pageSvgs ?? [];
      this.pages = svgs.map((s, i) => {
        if (s === old[i] && this.pages[i]) return this.pages[i];
        const page = document.createElement('div');
        page.className = 'page';
        page.setAttribute('role', 'img');
        page.innerHTML = s;
        return page;
      });
      this.pageSvgs = svgs;
    }
    if (!this.hasName()) {
      this.pageSvgs = [];
      this.pages = [];
    }
    if (this.pages.length) {
      for (const [i, page] of this.pages.entries()) page.setAttribute('aria-label', fmt(t.previewPage, { n: i + 1, t: this.pages.length }));
      box.replaceChildren(...this.pages);
    } else box.innerHTML = `<p class="placeholder">${esc(this.placeholder())}</p>`;
    this.$('#stale').hidden = true;
    const w = this.$('#warnings');
    const notes = (this.warnings ?? []).filter((x) => !/^warning: skills:/.test(x));
    w.innerHTML = notes.map((x) => `<li>${esc(x)}</li>`).join('');
    w.hidden = !notes.length;
  },
};
