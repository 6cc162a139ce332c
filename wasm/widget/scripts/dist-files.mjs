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

/** Whether `f` is a precompressed copy of another file of `all` (`x.br`, or `x.gz` beside
 *  `x`); `data/comuni_it_coords.csv.gz` is an original. */
export const isCopy = (f, all) => (f.endsWith('.br') || f.endsWith('.gz')) && all.includes(f.slice(0, -3));
