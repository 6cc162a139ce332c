// The "vacancies that fit me" section of <sportello-cv>: the feed (the `feed` attribute) loaded
// into the worker, the profile matched against it, each vacancy shown with its score and the
// reasons, and (sportello-cv-apply.js) a CV and a letter for each one that fits.
//
// Methods of the element, installed on SportelloCv.prototype by sportello-cv.js: `this` is the
// element (`this.state` the profile, `this.t` the form's words, `this.rpc` the worker).

import { fmt } from './i18n.js';
import { esc } from './sportello-cv-util.js';
import { completed } from './sportello-cv-profile.js';

const MATCH_DEBOUNCE_MS = 400;

export const matchMethods = {
  async loadFeed() {
    const url = this.getAttribute('feed');
    this.feedState = 'loading';
    this.renderMatches();
    try {
      const { text, savedAt } = await this.fetchFeed(url);
      this.feedText = text;
      await this.ready;
      this.feedState = { ...(await this.rpc.call('loadFeed', { text })), savedAt };
    } catch (e) {
      this.feedState = { error: e };
    }
    this.renderMatches();
    if (this.matchesShown) this.runMatches();
  },

  renderMatches() {
    const box = this.$('#sec-matches');
    if (!box) return;
    const t = this.t;
    const fs = this.feedState;
    let status = '';
    if (fs === 'loading') status = t.feedLoading;
    else if (fs?.error) status = `${t.feedError} ${fs.error.message ?? ''}`;
    else {
      const notes = [];
      if (fs?.savedAt) notes.push(fmt(t.feedSaved, { date: new Date(fs.savedAt).toLocaleString(this.uiLang === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'long', timeStyle: 'short' }) }));
      if (fs?.problems?.length) notes.push(fmt(t.feedSkipped, { n: fs.problems.length }));
      status = notes.join(' ');
    }
    box.innerHTML = `<h3 id="h-matches" tabindex="-1">${esc(t.matches)}</h3><p class="hint">${esc(t.matchesIntro)}</p>
<p class="${fs?.error ? 'error' : 'hint'}" id="feed-status"${status ? '' : ' hidden'}>${esc(status)}</p>
<div class="actions"><button type="button" class="primary" data-action="find-matches"${fs?.length ? '' : ' disabled'}>${esc(t.findMatches)}</button>
${this.check('ui.show_excluded', t.showExcluded, { kind: 'ui', checked: this.showExcluded })}
${this.pageLimit()}</div>
<p class="status" id="match-status" role="status" aria-live="polite"></p><ol id="match-list" aria-labelledby="h-matches"></ol>`;
    box.querySelector('[data-kind=ui]').addEventListener('change', (e) => {
      this.showExcluded = e.target.checked;
      if (this.matchesShown) this.runMatches();
    });
    box.querySelector('[data-kind=max-pages]').addEventListener('change', (e) => {
      this.maxPages = e.target.value || null;
    });
    if (this.lastMatches) this.showMatches(this.lastMatches);
  },

  scheduleMatches(delay = MATCH_DEBOUNCE_MS) {
    clearTimeout(this.matchTimer);
    this.matchTimer = setTimeout(() => this.runMatches(), delay);
  },

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
  },

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
</details>${applyLink(v.apply)}${r.excluded ? '' : this.applyButtons(i)}</article></li>`;
      })
      .join('');
    const s = this.$('#match-status');
    if (s && announce) s.textContent = list.length ? fmt(t.found, { n: list.length }) : t.noMatches;
  },
};
