// The comboboxes of <sportello-cv> (ESCO skills, ESCO occupations, Italian comuni): search in
// the worker as the person types, the list of suggestions, keyboard (arrows, Enter, Escape)
// and mouse, and what a pick puts into the profile.
//
// Methods of the element, installed on SportelloCv.prototype by sportello-cv.js: `this` is the
// element (`this.state` the profile, `this.t` the form's words, `this.rpc` the worker).

import { fmt } from './i18n.js';
import { esc } from './sportello-cv-util.js';
import { setPath } from './sportello-cv-paths.js';

const SEARCH_DEBOUNCE_MS = 90;

export const comboboxMethods = {
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
  },

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
  },

  /** One ESCO hit as a list item: the person's own words when they matched a label in the
   * page's language, else the label in that language (marked when only English exists);
   * a job title typed as a skill says which occupation the skill comes from. */
  comboItem(h) {
    const own = h.kind !== 'via_occupation' && h.lang === this.uiLang;
    const label = own ? h.matched_label : h.preferred_label;
    const esco = h.preferred_label_lang && h.preferred_label_lang !== this.uiLang ? `ESCO: ${h.preferred_label} [${h.preferred_label_lang}]` : `ESCO: ${h.preferred_label}`;
    const sub = h.via_occupation ? `${fmt(this.t.viaOccupation, { x: h.via_occupation.preferred_label })}` : label !== h.preferred_label ? esco : 'ESCO';
    return { label, uri: h.uri, sub };
  },

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
  },

  closeList(el) {
    const list = this.$(`#${el.getAttribute('aria-controls')}`);
    if (list) list.hidden = true;
    el.setAttribute('aria-expanded', 'false');
    el.removeAttribute('aria-activedescendant');
  },

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
  },
};
