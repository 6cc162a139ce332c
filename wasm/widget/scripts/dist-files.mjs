// The files of a built dist/ folder, shared by the build's scripts.

import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export async function distFiles(dir) {
  const out = [];
  const walk = async (d) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) await walk(f);
      else out.push(path.relative(dir, f).split(path.sep).join('/'));
    }
  };
  await walk(dir);
  return out.sort();
}

/** The precompressed copies a build may hold beside a file, by suffix. */
export const COPIES = ['.br', '.gz', '.zst'];

/** Whether `f` is a precompressed copy of another file of `all` (`x.br`, `x.gz` or `x.zst`
 *  beside `x`); `data/comuni_it_coords.csv.gz` is an original. */
export const isCopy = (f, all) => COPIES.some((ext) => f.endsWith(ext) && all.includes(f.slice(0, -ext.length)));

/** What a file of the build is to a first visit: `engine` (the modules, the worker, the
 *  .wasm and its glue, the fonts: what the first preview needs), `data` (the reference data,
 *  fetched after it), or null (the service worker itself, the demo, the types, notices). */
export function role(f) {
  if ((/^[^/]+\.(js|wasm)$/.test(f) && f !== 'sportello-sw.js') || /^fonts\/[^/]+\.otf$/.test(f)) return 'engine';
  if (/^data\/[^/]+$/.test(f)) return 'data';
  return null;
}
