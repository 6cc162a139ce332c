// The draft of <sportello-cv>: the profile kept in the browser's localStorage (under the
// `storage-key` attribute) as the person types, and restored on the next visit.
//
// Methods of the element, installed on SportelloCv.prototype by sportello-cv.js: `this` is the
// element (`this.state` the profile, `this.t` the form's words, `this.rpc` the worker).

const DRAFT_VERSION = 1;
const SAVE_DEBOUNCE_MS = 250;

export const draftMethods = {
  /** Puts the saved draft, if there is a usable one, into the profile and the form's language. */
  restoreDraft() {
    try {
      const saved = JSON.parse(localStorage.getItem(this.storageKey) || 'null');
      if (saved?.v === DRAFT_VERSION && saved.profile?.person) {
        this.state = saved.profile;
        this.uiLang = saved.uiLang === 'en' ? 'en' : this.uiLang;
        return true;
      }
    } catch {
      /* no storage or a damaged draft: start empty */
    }
    return false;
  },

  scheduleSave() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), SAVE_DEBOUNCE_MS);
  },

  saveNow() {
    clearTimeout(this.saveTimer);
    if (!this.state) return;
    try {
      localStorage.setItem(this.storageKey, JSON.stringify({ v: DRAFT_VERSION, profile: this.state, uiLang: this.uiLang }));
      this.saveFailed = false;
    } catch {
      if (!this.saveFailed) this.say(this.t.draftFailed);
      this.saveFailed = true;
    }
  },
};
