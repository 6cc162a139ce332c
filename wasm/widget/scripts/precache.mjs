// Writes dist/sportello-sw.js: the service worker of src/ with the build's files and their
// SHA-256 (what it keeps for offline use), and the build's id (a hash of that list), so
// that every build that changes a file changes the service worker and is installed.
//   node scripts/precache.mjs [dist]
// Kept: the element's modules, the worker, the .wasm and its glue, the fonts, the reference
// data. Not kept: the demo, the types, the notices, the precompressed copies.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distFiles, isCopy, role } from './dist-files.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] ?? path.join(here, '..', 'dist'));
const SW = 'sportello-sw.js';
const PLACEHOLDER = "const BUILD = { id: 'unbuilt', assets: {} };";

const kept = (f, all) => role(f) !== null && !isCopy(f, all);
const all = await distFiles(dist);
const files = all.filter((f) => kept(f, all));
const assets = {};
for (const f of files) assets[f] = createHash('sha256').update(await readFile(path.join(dist, f))).digest('hex');
const id = createHash('sha256').update(JSON.stringify(assets)).digest('hex').slice(0, 16);

const source = await readFile(path.join(here, '..', 'src', SW), 'utf8');
if (!source.includes(PLACEHOLDER)) throw new Error(`src/${SW} has no line ${PLACEHOLDER}`);
await writeFile(path.join(dist, SW), source.replace(PLACEHOLDER, `const BUILD = ${JSON.stringify({ id, assets })};`));
console.log(`==> ${SW}: build ${id}, ${files.length} files kept for offline use`);
