// Writes a brotli (.br) and a gzip (.gz) copy beside each file of dist/ that a browser
// fetches, and a zstd (.zst) copy beside the .wasm, for servers that send precompressed
// files (widget README), and prints the sizes.
//   node scripts/compress.mjs [dist] [quality]
// quality: brotli 0-11 (default 11, as shipped; the dev build uses less to save time).
//
// Why zstd for the .wasm: the browser decodes it before the first preview, and decoding its
// 27 MB from brotli took Chromium 0.44 s where zstd took 0.27 s (in all, with the streaming
// compilation), for a copy 6% larger. Elsewhere brotli's smaller files win. The level is 19
// with zstd's default 8 MB window, the most a browser must accept (RFC 8878).
import { execFile } from 'node:child_process';
import { readFile, stat, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { distFiles, isCopy, role } from './dist-files.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] ?? path.join(here, '..', 'dist'));
const quality = Number(process.argv[3] ?? 11);
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const run = promisify(execFile);
/** A zstd copy of `f` beside it; its size. */
async function zstd(f) {
  try {
    await run('zstd', ['-q', '-f', quality >= 9 ? '-19' : '-3', f, '-o', `${f}.zst`]);
  } catch (e) {
    throw new Error(`zstd failed on ${f} (is the zstd command installed? Debian: apt install zstd): ${e.message}`);
  }
  return (await stat(`${f}.zst`)).size;
}

const all = await distFiles(dist);
for (const f of all.filter((f) => isCopy(f, all))) await unlink(path.join(dist, f));
// Already compressed, so sent as they are: images and gzipped originals (data/comuni_it_coords.csv.gz).
const asIs = (f) => /\.(png|jpg|gz)$/.test(f);
const files = all.filter((f) => !isCopy(f, all) && !f.endsWith('.br'));
const rows = await Promise.all(
  files.map(async (f) => {
    const b = await readFile(path.join(dist, f));
    if (asIs(f)) return { f, raw: b.length, br: b.length, gz: b.length };
    const [br, gz] = await Promise.all([
      brotli(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }),
      gzip(b, { level: quality >= 9 ? 9 : 6 }),
    ]);
    await writeFile(path.join(dist, `${f}.br`), br);
    await writeFile(path.join(dist, `${f}.gz`), gz);
    const zst = f.endsWith('.wasm') ? await zstd(path.join(dist, f)) : null;
    return { f, raw: b.length, br: br.length, gz: gz.length, zst };
  }),
);
rows.sort((a, b) => b.br - a.br);
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
for (const r of rows.slice(0, 6)) console.log(`  ${r.f.padEnd(36)} ${mb(r.raw).padStart(9)} raw ${mb(r.gz).padStart(9)} gzip ${mb(r.br).padStart(9)} brotli${r.zst ? ` ${mb(r.zst)} zstd` : ''}`);
console.log(`==> dist: ${mb(sum('raw'))} raw, ${mb(sum('gz'))} gzip, ${mb(sum('br'))} brotli (${rows.length} files, brotli quality ${quality}) in ${dist}`);
// What a first visit fetches (tests/bench.mjs measures it in the browser): before the first
// preview the modules, the worker, the .wasm and the fonts; after it the data (the feed and
// the host page are the site's own).
const stage = (r) => (role(r.f) === 'engine' ? 'before' : role(r.f) === 'data' || r.f === 'sportello-sw.js' ? 'after' : null);
const br = (s) => rows.filter((r) => stage(r) === s).reduce((n, r) => n + r.br, 0);
// What a browser that accepts zstd gets: the .wasm's zstd copy, brotli for the rest.
const sent = (s) => rows.filter((r) => stage(r) === s).reduce((n, r) => n + (r.zst ?? r.br), 0);
console.log(`==> a first visit: ${mb(br('before'))} brotli before the first preview, ${mb(br('before') + br('after'))} in all (data/ and the service worker after it)`);
console.log(`    sent with the .wasm in zstd: ${mb(sent('before'))} before the first preview, ${mb(sent('before') + sent('after'))} in all`);
