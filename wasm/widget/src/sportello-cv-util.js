// Small pure helpers of <sportello-cv>: HTML escaping, ids from profile paths, dates.

/** Text made safe for HTML, as content or as a quoted attribute value. */
export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A profile path as a piece of an element id: "work[0].place.name" to "work-0-place-name". */
export const idOf = (path) => path.replace(/[^A-Za-z0-9]+/g, '-');

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "03/2021" and "3.2021" as the partial ISO date "2021-03"; anything else unchanged. */
export function normaliseDate(v) {
  const m = v.trim().match(/^(\d{1,2})[/.](\d{4})$/);
  return m ? `${m[2]}-${m[1].padStart(2, '0')}` : v.trim();
}
