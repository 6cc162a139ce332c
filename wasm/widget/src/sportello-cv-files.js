// Files in and out of <sportello-cv>: the PDF download, the JSON export, and the import of a
// profile (JSON or YAML) checked by the core.
//
// Methods of the element, installed on SportelloCv.prototype by sportello-cv.js: `this` is the
// element (`this.state` the profile, `this.t` the form's words, `this.rpc` the worker).

import { esc } from './sportello-cv-util.js';
import { completed } from './sportello-cv-profile.js';

export const fileMethods = {
  fileName(ext) {
    const p = this.state.person ?? {};
    const name = [p.given_name, p.family_name].map((s) => (s ?? '').trim()).filter(Boolean).join('-') || 'cv';
    return `CV-${name.normalize('NFKD').replace(/[^\w-]+/g, '')}.${ext}`;
  },

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
  },

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
  },

  exportJson() {
    const text = `${JSON.stringify(completed(this.state), null, 2)}\n`;
    this.save(new Blob([text], { type: 'application/json' }), this.fileName('json'));
  },

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
  },
};
