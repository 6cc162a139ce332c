// Starts a real `sportello serve` for the browser tests: a fresh desk database from
// `desk demo` (the fictitious Trecate year), the shared vacancy fixtures in a real index,
// the test accounts, and the server on a free port of 127.0.0.1.
//   SPORTELLO_BIN   the binary (default: the workspace's target/debug/sportello)
//   WIDGET_DIST     the built widget folder to serve at /widget/ (optional)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..', '..');
const BIN = process.env.SPORTELLO_BIN ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'debug', 'sportello');
/** The demo's last day: its appointments and paths are current. */
export const TODAY = '2023-10-31';
export const PASSWORD = 'una-password-lunga';
/** Accounts: [name, role, desk]. */
export const ACCOUNTS = [
  ['lmarchetti', 'operatore', 'trecate'],
  ['cerano1', 'operatore', 'cerano'],
  ['lettore', 'lettura', 'trecate'],
];

const env = { ...process.env, SPORTELLO_TODAY: TODAY };
const run = (args, input) => execFileSync(BIN, args, { env, input, stdio: ['pipe', 'pipe', 'pipe'] });
/** The command line on the same day as the server (e.g. the report the console shows). */
export const cli = (args) => run(args).toString('utf8');

export async function startConsole() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sportello-console-'));
  const db = path.join(dir, 'desk.db');
  const index = path.join(dir, 'index');
  run(['desk', 'demo', '--db', db]);
  run(['index', 'add', path.join(ROOT, 'tests', 'fixtures', 'vacancies.jsonl'), '--index', index]);
  for (const [name, role, desk] of ACCOUNTS) {
    run(['serve', 'user', 'add', name, '--role', role, '--desk', desk, '--password-stdin', '--db', db], `${PASSWORD}\n`);
  }
  const args = ['serve', '--db', db, '--index', index, '--addr', '127.0.0.1:0'];
  if (process.env.WIDGET_DIST) args.push('--widget', process.env.WIDGET_DIST);
  const child = spawn(BIN, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/[^\s/]+/);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`sportello serve exited with ${code}`)));
  });
  return {
    url,
    db,
    async stop() {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
