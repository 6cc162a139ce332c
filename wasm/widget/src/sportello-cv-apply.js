// Applying to one vacancy of the feed from <sportello-cv>: the CV tailored to it (skills,
// jobs and highlights in the order of what it asks; with a page limit, the fewest unrelated
// items left out) and a cover letter drafted from the match, both as PDFs made in the
// worker by the core (`sportello::apply`), with what moved and why shown under the vacancy.
//
// Methods of the element, installed on SportelloCv.prototype by sportello-cv.js: `this` is the
// element (`this.state` the profile, `this.t` the form's words, `this.rpc` the worker).

import { fmt } from './i18n.js';
import { esc } from './sportello-cv-util.js';
import { completed } from './sportello-cv-profile.js';

export const applyMethods = {
  /** The buttons under a vacancy that fits (index `i` of the last matches). */
  applyButtons(i) {
    const t = this.t;
    return `<div class="actions apply"><button type="button" data-action="tailored-cv" data-index="${i}">${esc(t.tailoredCv)}</button>
<button type="button" data-action="cover-letter" data-index="${i}">${esc(t.coverLetter)}</button></div>
<div class="changes" id="changes-${i}" aria-live="polite"></div>`;
  },

  /** The page limit chooser of the tailored CV. */
  pageLimit() {
    const t = this.t;
    const opts = [['', t.noPageLimit], ['1', '1'], ['2', '2']]
      .map(([v, label]) => `<option value="${v}"${String(this.maxPages ?? '') === v ? ' selected' : ''}>${esc(label)}</option>`)
      .join('');
    return `<label class="inline">${esc(t.pageLimit)} <select data-kind="max-pages">${opts}</select></label>`;
  },

  applyArgs(i) {
    const p = completed(this.state);
    const v = this.lastMatches?.[i]?.vacancy;
    return { v, args: { profile: p, vacancyId: v?.id, today: this.today, lang: p.render?.lang ?? p.lang ?? this.uiLang, template: p.render?.template, uiLang: this.uiLang } };
  },

  async downloadTailored(i) {
    const { v, args } = this.applyArgs(i);
    if (!v) return;
    await this.applying(async () => {
      const out = await this.rpc.call('tailoredPdf', { ...args, maxPages: this.maxPages ? Number(this.maxPages) : undefined });
      this.save(new Blob([out.pdf], { type: 'application/pdf' }), this.fileName('pdf').replace(/^CV-/, `CV-${slug(v.id)}-`));
      this.showChanges(i, out);
      this.say(fmt(this.t.tailoredReady, { title: v.title, n: out.changes.length }));
    });
  },

  async downloadLetter(i) {
    const { v, args } = this.applyArgs(i);
    if (!v) return;
    await this.applying(async () => {
      const bytes = await this.rpc.call('coverLetterPdf', args);
      this.save(new Blob([bytes], { type: 'application/pdf' }), this.fileName('pdf').replace(/^CV-/, `Lettera-${slug(v.id)}-`));
      this.say(fmt(this.t.letterReady, { title: v.title }));
    });
  },

  /** Runs `work`, showing a failure as the PDF download does. */
  async applying(work) {
    try {
      await this.ready;
      await work();
    } catch (e) {
      this.showAll = true;
      this.problems = e?.kind === 'invalid' ? e.problems : [{ severity: 'error', path: '', message: e?.message ?? String(e), hint: e?.hint }];
      this.showProblems();
      this.$('#problems')?.focus();
    }
  },

  /** What moved up or was left out in the tailored CV, under its vacancy. */
  showChanges(i, { changes, pages }) {
    const box = this.$(`#changes-${i}`);
    if (!box) return;
    const t = this.t;
    const line = (c) => `<li><strong dir="auto">${esc(c.item)}</strong>: ${esc(c.to == null ? t.leftOut : fmt(t.moved, { from: c.from + 1, to: c.to + 1 }))} <span class="hint">(${esc(c.why)})</span></li>`;
    box.innerHTML = changes.length
      ? `<details open><summary>${esc(fmt(t.whatChanged, { n: changes.length, pages }))}</summary><ul>${changes.map(line).join('')}</ul></details>`
      : `<p class="hint">${esc(t.noChange)}</p>`;
  },
};

/** A vacancy id as a file name part. */
function slug(id) {
  return String(id).normalize('NFKD').replace(/[^\w-]+/g, '').slice(0, 40) || 'offerta';
}
