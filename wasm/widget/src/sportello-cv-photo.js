// The photo in <sportello-cv>: a JPEG or PNG file shrunk in the browser to a small JPEG data
// URL kept in the profile.
//
// Methods of the element, installed on SportelloCv.prototype by sportello-cv.js: `this` is the
// element (`this.state` the profile, `this.t` the form's words, `this.rpc` the worker).

import { setPath } from './sportello-cv-paths.js';

const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The core accepts long texts up to 20,000 characters: the photo's data URL must fit. */
const MAX_PHOTO_CHARS = 19_500;

export const photoMethods = {
  async loadPhoto(input) {
    const t = this.t;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const err = this.$('#e-person-photo');
    err.hidden = true;
    const fail = (msg) => {
      err.textContent = msg;
      err.hidden = false;
    };
    if (file.size > MAX_PHOTO_BYTES) return fail(t.photoTooBig);
    let bitmap;
    try {
      if (!/^image\/(jpeg|png)$/.test(file.type)) throw new Error('type');
      bitmap = await createImageBitmap(file);
    } catch {
      return fail(t.photoBad);
    }
    // Shrink to a CV-sized JPEG small enough to live in the profile as a data URL.
    let side = 420;
    let url = '';
    for (let q = 0.85; side >= 120; ) {
      const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      url = canvas.toDataURL('image/jpeg', q);
      if (url.length <= MAX_PHOTO_CHARS) break;
      if (q > 0.55) q -= 0.15;
      else side = Math.round(side * 0.8);
    }
    bitmap.close?.();
    if (!url || url.length > MAX_PHOTO_CHARS) return fail(t.photoBad);
    setPath(this.state, 'person.photo', url);
    setPath(this.state, 'privacy.print_photo', true);
    this.changed({ rerender: 'Personal' });
    this.$('#f-photo')?.focus();
  },
};
