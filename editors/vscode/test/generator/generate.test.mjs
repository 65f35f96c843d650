// The generator: it reads keyword rules written with alternatives in any script, and the
// committed grammar is what the pest grammar generates.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { generate, render } from '../../scripts/gen-grammar.mjs';
import { literals, pestRules } from '../../scripts/pest.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const pest = readFileSync(resolve(root, '../../grammar/ereje.pest'), 'utf8');

// Kazakh and Russian spellings, as the language writes them: alternatives inside the same
// kw rule (`kw_when = @{ ("when" | "егер" | "если") ~ !ident_char }`).
const SPELLINGS = {
  service: ['қызмет', 'услуга'],
  document: ['құжат', 'документ'],
  step: ['қадам', 'шаг'],
  when: ['егер', 'если'],
  within: ['ішінде', 'в_течение'],
  and: ['және', 'и'],
  false: ['жалған', 'ложь'],
};

// The grammar as it is, after checking that it spells each keyword so.
function withAlternatives(source) {
  const rules = pestRules(source);
  for (const [kw, more] of Object.entries(SPELLINGS)) {
    const written = literals(rules.get(`kw_${kw}`)).map((l) => l.text);
    assert.deepEqual(written, [kw, ...more], `kw_${kw} is spelled in three sets`);
  }
  return source;
}

test('rule bodies and their literals, past comments and braces in strings', () => {
  const rules = pestRules(
    [
      '// kw_fake = @{ "no" }',
      'kw_act = @{ ("act" | "акт") ~ !ident_char } // "x"',
      'date = @{ ASCII_DIGIT{4} ~ "-" ~ ASCII_DIGIT{2} }',
      'brace = { "{" ~ "\\"}" ~ ^"Caseless" }',
    ].join('\n'),
  );
  assert.deepEqual([...rules.keys()], ['kw_act', 'date', 'brace']);
  assert.deepEqual(literals(rules.get('kw_act')).map((l) => l.text), ['act', 'акт']);
  assert.deepEqual(literals(rules.get('date')).map((l) => l.text), ['-']);
  assert.deepEqual(literals(rules.get('brace')), [
    { text: '{', caseless: false },
    { text: '"}', caseless: false },
    { text: 'Caseless', caseless: true },
  ]);
});

test('every literal of every kw rule is a keyword of some group', () => {
  const grammar = generate(withAlternatives(pest));
  const groups = Object.entries(grammar.repository).filter(([k]) => k.startsWith('keywords-'));
  const all = groups.map(([, g]) => g.match).join('\n');
  for (const spellings of Object.values(SPELLINGS)) {
    for (const s of spellings) assert.ok(all.includes(s), `${s} is a keyword`);
  }
  const declaration = grammar.repository['keywords-declaration'].match;
  assert.ok(declaration.includes('құжат') && declaration.includes('документ'));
  // `art.` is a citation's, not a keyword everywhere
  assert.ok(!grammar.patterns.some((p) => p.include === '#keywords-article'));
});

test('the keywords of the fixture are highlighted, with Unicode word boundaries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ereje-grammar-'));
  const out = join(dir, 'ereje.tmLanguage.json');
  writeFileSync(out, render(generate(withAlternatives(pest))));
  const bin = resolve(root, 'node_modules/.bin/vscode-tmgrammar-test');
  // run outside the extension's folder: there the tool would also load the grammar that
  // package.json names, with the same scope, and test that one
  const run = execFileSync(bin, ['-g', out, join(here, 'kazakh.test.ereje')], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.match(run, /run successfuly/);
});

test('the committed grammar is what grammar/ereje.pest generates', () => {
  const committed = readFileSync(resolve(root, 'syntaxes/ereje.tmLanguage.json'), 'utf8');
  assert.equal(committed, render(generate(pest)), 'run `npm run gen-grammar`');
});
