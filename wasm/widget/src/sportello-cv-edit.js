// Edits in <sportello-cv>'s form written into the profile: a control's value, list entries
// added and removed, skills added.
//
// Methods of the element, installed on SportelloCv.prototype by sportello-cv.js: `this` is the
// element (`this.state` the profile, `this.t` the form's words, `this.rpc` the worker).

import { GRID } from './i18n.js';
import { normaliseDate } from './sportello-cv-util.js';
import { getPath, setPath, deletePath } from './sportello-cv-paths.js';

export const editMethods = {
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
  },

  addSkill(skill) {
    const skills = this.state.skills ?? [];
    if (!skills.some((s) => (skill.uri && s.uri === skill.uri) || s.label.toLowerCase() === skill.label.toLowerCase())) {
      this.state.skills = [...skills, skill.uri ? skill : { label: skill.label }];
    }
    this.changed({ rerender: 'Skills' });
    this.renderSuggested();
  },

  addEntry(list) {
    const blank = { work: { role: '' }, education: { title: '' }, 'languages.other': { language: '', ...Object.fromEntries(GRID.map((g) => [g, 'A2'])) } }[list];
    const items = getPath(this.state, list) ?? [];
    setPath(this.state, list, [...items, blank]);
    const section = { work: 'Work', education: 'Education', 'languages.other': 'Languages' }[list];
    this.changed({ rerender: section });
    const first = this.$(`[data-entry="${list}[${items.length}]"] input, [data-entry="${list}[${items.length}]"] select`);
    first?.focus();
  },

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
  },
};
