// The sections of <sportello-cv>'s form (personal data, work, education, languages, skills,
// licences, preferences, look, actions), each drawn from the profile; and the ESCO skills
// suggested for the occupations the person looks for.
//
// Methods of the element, installed on SportelloCv.prototype by sportello-cv.js: `this` is the
// element (`this.state` the profile, `this.t` the form's words, `this.rpc` the worker).

import { LANGUAGES, CEFR, GRID, LICENCES, CONTRACTS, fmt } from './i18n.js';
import { esc, idOf } from './sportello-cv-util.js';

export const sectionMethods = {
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
  },

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
  },

  renderWork() {
    const t = this.t;
    const work = this.state.work ?? [];
    this.section('work', t.work, `<p class="hint">${esc(t.workHint)}</p>
${work.map((_, i) => this.experienceFields('work', i)).join('')}
<button type="button" data-action="add" data-list="work">+ ${esc(t.addWork)}</button>`);
  },

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
  },

  languageOptions(current, blank) {
    const name = this.uiLang === 'en' ? 2 : 1;
    const opts = LANGUAGES.map((l) => [l[0], l[name]]).sort((a, b) => a[1].localeCompare(b[1], this.uiLang));
    if (current && !LANGUAGES.some((l) => l[0] === current)) opts.unshift([current, current]);
    return [['', blank], ...opts];
  },

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
  },

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
  },

  renderLicences() {
    const t = this.t;
    const held = this.state.driving_licences ?? [];
    this.section('licences', t.licences, `<fieldset><legend class="sr-only">${esc(t.licences)}</legend><div class="checks">${LICENCES.map((l) =>
      this.check('driving_licences', t.licenceNames[l] ? `${l} – ${t.licenceNames[l]}` : l, { kind: 'set', value: l, checked: held.includes(l) }),
    ).join('')}</div></fieldset><p class="error" id="e-driving-licences" hidden></p>`);
  },

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
  },

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
  },

  renderLook() {
    const t = this.t;
    const templates = this.templates.length ? this.templates : [{ name: 'europass' }, { name: 'modern' }, { name: 'plain' }];
    const current = this.state.render?.template ?? 'europass';
    const desc = (tp) => t.templateDescriptions[tp.name] ?? tp.description ?? '';
    this.section('look', t.look, `<div class="row">
${this.field({ path: 'render.template', label: t.template, options: templates.map((tp) => [tp.name, t.templateNames[tp.name] ?? tp.name]), hint: desc(templates.find((x) => x.name === current) ?? templates[0]) })}
${this.field({ path: 'render.lang', label: t.cvLang, options: [['it', 'Italiano'], ['en', 'English']], value: this.state.render?.lang ?? this.uiLang })}</div>`);
  },

  renderActions() {
    const t = this.t;
    this.section('actions', t.actions, `<div class="actions">
<button type="button" class="primary" data-action="pdf">${esc(t.download)}</button>
<button type="button" data-action="export">${esc(t.exportJson)}</button>
<label class="file button" for="f-import"><input type="file" id="f-import" accept=".json,.yaml,.yml,application/json" data-action="import" aria-describedby="h-import e-import"><span>${esc(t.importJson)}</span></label>
<button type="button" data-action="new">${esc(t.newCv)}</button></div>
<p class="hint" id="h-import">${esc(t.importHint)}</p><div class="error" id="e-import" hidden></div>`);
  },
};
