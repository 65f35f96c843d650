#!/usr/bin/env node
// Snapshot tests over the shipped rules: every `rules/**/*.ereje` is copied to
// test/snap/<same path> (the copies are not committed), and vscode-tmgrammar-snap compares
// its tokens with the committed `.snap` beside the copy.
//
//   node scripts/snap.mjs            compare; fails on a difference, a rule file with no
//                                    snapshot, or a snapshot with no rule file
//   node scripts/snap.mjs --update   write the snapshots anew (review them before committing)

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rules = resolve(root, '../../rules');
const snap = join(root, 'test/snap');
const update = process.argv.includes('--update');

function walk(dir, ext) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, ext));
    else if (name.endsWith(ext)) out.push(path);
  }
  return out;
}

const sources = walk(rules, '.ereje').map((f) => relative(rules, f));
mkdirSync(snap, { recursive: true });
for (const old of walk(snap, '.ereje')) rmSync(old);
const snapshots = new Set(walk(snap, '.ereje.snap').map((f) => relative(snap, f).slice(0, -'.snap'.length)));
const problems = [];
for (const s of sources) {
  if (!snapshots.has(s) && !update) problems.push(`rules/${s} has no snapshot: run \`npm run test:snap -- --update\``);
  snapshots.delete(s);
  mkdirSync(dirname(join(snap, s)), { recursive: true });
  copyFileSync(join(rules, s), join(snap, s));
}
for (const stale of snapshots) {
  if (update) rmSync(join(snap, `${stale}.snap`));
  else problems.push(`test/snap/${stale}.snap has no rule file rules/${stale}`);
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
const bin = join(root, 'node_modules/.bin/vscode-tmgrammar-snap');
const args = ['-g', 'syntaxes/ereje.tmLanguage.json', 'test/snap/**/*.ereje', ...(update ? ['-u'] : [])];
try {
  execFileSync(bin, args, { cwd: root, stdio: 'inherit' });
} catch {
  process.exit(1);
}
console.log(`${sources.length} rule files: snapshots ${update ? 'written' : 'match'}`);
