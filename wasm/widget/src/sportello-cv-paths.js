// Reading and writing the profile by the paths the form's controls carry in data-path
// ("work[0].place.name").

/** "work[0].place.name" to ["work", 0, "place", "name"]. */
export function tokens(path) {
  const out = [];
  for (const part of path.split('.')) {
    const m = part.match(/^([^[]*)((?:\[\d+\])*)$/);
    if (m[1]) out.push(m[1]);
    for (const i of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out;
}

export function getPath(obj, path) {
  return tokens(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

export function setPath(obj, path, value) {
  const t = tokens(path);
  let o = obj;
  t.slice(0, -1).forEach((k, i) => {
    if (o[k] == null || typeof o[k] !== 'object') o[k] = typeof t[i + 1] === 'number' ? [] : {};
    o = o[k];
  });
  o[t[t.length - 1]] = value;
}

/** Deletes a key, then any object left empty on the way up (never list items). */
export function deletePath(obj, path) {
  const t = tokens(path);
  const chain = [obj];
  for (const k of t.slice(0, -1)) {
    const next = chain[chain.length - 1]?.[k];
    if (next == null) return;
    chain.push(next);
  }
  delete chain[chain.length - 1][t[t.length - 1]];
  for (let i = chain.length - 1; i > 1; i--) {
    const o = chain[i];
    if (Array.isArray(o) || typeof t[i - 1] === 'number' || Object.keys(o).length) break;
    delete chain[i - 1][t[i - 1]];
  }
}
