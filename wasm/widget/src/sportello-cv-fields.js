// The form's building blocks in <sportello-cv>: the HTML of one labelled control (text, select,
// checkbox or combobox) bound to a profile path, with its hint and its error slot, and of a
// section with its heading.
//
// Methods of the element, installed on SportelloCv.prototype by sportello-cv.js: `this` is the
// element (`this.state` the profile, `this.t` the form's words, `this.rpc` the worker).

import { esc, idOf } from './sportello-cv-util.js';
import { getPath } from './sportello-cv-paths.js';

export const fieldMethods = {
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
  },

  check(path, label, { kind = 'bool', value, checked } = {}) {
    const id = idOf(path + (value ? `-${value}` : ''));
    const on = checked ?? Boolean(getPath(this.state, path));
    return `<label class="check" for="f-${id}"><input type="checkbox" id="f-${id}"${kind === 'ui' ? '' : ` data-path="${esc(path)}"`} data-kind="${kind}"${value ? ` data-value="${esc(value)}"` : ''}${on ? ' checked' : ''}> <span>${esc(label)}</span></label>`;
  },

  combo({ id, path, label, hint, value = '', kind }) {
    const t = this.t;
    return `<div class="field combo"><label for="f-${id}">${esc(label)}</label>
<input type="text" id="f-${id}" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="lb-${id}" autocomplete="off" dir="auto"
  data-combo="${kind}" ${path ? `data-path="${esc(path)}" data-kind="place"` : ''} aria-describedby="h-${id}" value="${esc(value)}">
<ul role="listbox" id="lb-${id}" aria-label="${esc(label)}" hidden></ul>
<p class="hint" id="h-${id}">${esc(hint)}</p><p class="error" id="e-${path ? idOf(path) : id}" hidden></p>
<span class="sr-only" aria-live="polite" id="n-${id}"></span><span hidden>${esc(t.noSuggestions)}</span></div>`;
  },

  section(name, heading, body) {
    const el = this.$(`#sec-${name}`);
    if (el) el.innerHTML = `<h3 id="h-${name}" tabindex="-1">${esc(heading)}</h3>${body}`;
  },
};
