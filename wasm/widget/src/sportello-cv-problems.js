// The core's validation problems in <sportello-cv>: each written next to its field (with
// aria-invalid and aria-describedby) once the person has been there, and listed, with links
// to the fields, when they have no field or the PDF cannot be made.
//
// Methods of the element, installed on SportelloCv.prototype by sportello-cv.js: `this` is the
// element (`this.state` the profile, `this.t` the form's words, `this.rpc` the worker).

import { esc, idOf } from './sportello-cv-util.js';
import { tokens } from './sportello-cv-paths.js';

export const problemMethods = {
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
  },

  // The core words every problem in the page's language (its `code` says which one it is).
  message(pr) {
    if (pr.code === 'empty' || pr.code === 'missing') return this.t.requiredMsg;
    return pr.hint ? `${pr.message} (${pr.hint})` : pr.message;
  },

  fieldError(input, msg) {
    const slot = this.$(`#e-${input.id.replace(/^f-/, '')}`);
    if (!slot) return;
    slot.textContent = msg;
    slot.hidden = false;
  },

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
  },
};
