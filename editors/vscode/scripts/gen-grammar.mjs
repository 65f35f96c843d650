#!/usr/bin/env node
// Generates syntaxes/ereje.tmLanguage.json from grammar/ereje.pest: every string literal of
// every `kw_*` rule is a keyword (a rule may spell its keyword in several languages, `("act" |
// "акт")`), and the units of durations come from `unit_word` and `unit_qualifier`, so the
// highlighter never lags behind the language.
//
//   node scripts/gen-grammar.mjs            write the grammar
//   node scripts/gen-grammar.mjs --check    exit 1 if the committed grammar is not fresh
//   node scripts/gen-grammar.mjs --pest F --out G   another grammar (the generator's tests)

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { literals, pestRules } from './pest.mjs';

const here = dirname(fileURLToPath(import.meta.url));

// A letter, digit or `_` of any script: `\b` would be ASCII-only, and keywords and names may
// be Kazakh or Russian.
const WORD = '[\\p{L}\\p{N}_]';
const BEFORE = '(?<![\\p{L}\\p{N}_.])'; // after a dot a keyword is a plain name (`kz.test.service`)
const AFTER = `(?!${WORD})`;
const IDENT = '[\\p{L}_][\\p{L}\\p{N}_]*';
const PATH = `${IDENT}(?:\\.${IDENT})*`;
const LINT = '[A-Za-z][A-Za-z0-9-]*';
const PARA = '\\d+(?:-\\d+)?(?:\\(\\d+\\))*';

// How the keywords are coloured, by the kw rule that reads them; a kw rule not named here is
// `keyword.other`. The first group that names a rule wins.
const GROUPS = [
  {
    key: 'declaration',
    scope: 'storage.type.declaration.ereje',
    rules: [
      'act', 'service', 'calendar', 'document', 'refusal', 'process', 'view', 'step', 'term',
      'actor', 'input', 'let', 'channel', 'example', 'annex',
    ],
  },
  {
    key: 'control',
    scope: 'keyword.control.ereje',
    rules: [
      'when', 'unless', 'required', 'always', 'valid', 'for', 'each', 'where', 'matched',
      'within', 'after', 'since', 'until', 'parallel', 'expect',
    ],
  },
  {
    key: 'operator',
    scope: 'keyword.operator.expression.ereje',
    rules: ['and', 'and_others', 'or', 'not', 'in', 'has_any', 'has'],
  },
  { key: 'constant', scope: 'constant.language.ereje', rules: ['true', 'false', 'unknown'] },
  { key: 'type', scope: 'support.type.ereje', rules: ['one_of', 'set', 'list'] },
  { key: 'modifier', scope: 'storage.modifier.ereje', rules: ['personal'] },
  {
    key: 'provenance',
    scope: 'keyword.other.provenance.ereje',
    rules: ['quote', 'source', 'unverified', 'note', 'allow', 'because', 'wording', 'from'],
  },
  // `art.` is read only inside a citation (`§ kz.law.migration art. 49(4)`).
  { key: 'article', scope: 'keyword.other.article.ereje', rules: ['art'], inline: false },
];
const OTHER = { key: 'other', scope: 'keyword.other.ereje' };

// The declarations whose keyword is followed by the name they declare.
const NAMED = [
  { rule: 'act', name: PATH, scope: 'entity.name.type.act.ereje', block: true },
  { rule: 'service', name: PATH, scope: 'entity.name.type.service.ereje', block: true },
  { rule: 'calendar', name: IDENT, scope: 'entity.name.type.calendar.ereje', block: true },
  { rule: 'document', name: IDENT, scope: 'entity.name.type.document.ereje' },
  { rule: 'refusal', name: IDENT, scope: 'entity.name.type.refusal.ereje' },
  { rule: 'view', name: IDENT, scope: 'entity.name.type.view.ereje' },
  { rule: 'step', name: IDENT, scope: 'entity.name.function.step.ereje' },
  { rule: 'actor', name: IDENT, scope: 'entity.name.variable.actor.ereje' },
  { rule: 'input', name: PATH, scope: 'entity.name.variable.input.ereje' },
  { rule: 'let', name: IDENT, scope: 'entity.name.variable.let.ereje' },
  { rule: 'channel', name: IDENT, scope: 'entity.name.variable.channel.ereje' },
];

function escapeRegex(s) {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

// An alternation of literals, longest first; those that end in a letter or digit must end a
// word (`in` is not the start of `input`).
function alternation(lits) {
  const sorted = [...lits].sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
  const one = ({ text, caseless }) => (caseless ? `(?i:${escapeRegex(text)})` : escapeRegex(text));
  const endsWord = (l) => new RegExp(`${WORD}$`, 'u').test(l.text);
  const words = sorted.filter(endsWord).map(one);
  const others = sorted.filter((l) => !endsWord(l)).map(one);
  const alts = [...others, ...(words.length > 0 ? [`(?:${words.join('|')})${AFTER}`] : [])];
  return alts.length === 1 && words.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
}

function uniqueLiterals(lits) {
  const seen = new Set();
  return lits.filter((l) => {
    const key = `${l.caseless}:${l.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function generate(pestSource) {
  const rules = pestRules(pestSource);
  const kw = new Map(); // `act` -> its literals
  for (const [name, body] of rules) {
    if (name.startsWith('kw_')) kw.set(name.slice(3), uniqueLiterals(literals(body)));
  }
  const must = (name) => {
    const l = kw.get(name);
    if (!l || l.length === 0) throw new Error(`the pest grammar has no rule \`kw_${name}\``);
    return alternation(l);
  };
  // A rule's literals, and those of the kw rules it names (`quantifier_kind = { kw_any |
  // kw_all }`): never an empty list, which would make a pattern that matches nothing wide.
  const ruleLiterals = (name) => {
    const body = rules.get(name);
    if (body === undefined) throw new Error(`the pest grammar has no rule \`${name}\``);
    const own = literals(body);
    const named = [...body.matchAll(/\bkw_[a-z_]+\b/g)].flatMap((m) =>
      rules.has(m[0]) ? literals(rules.get(m[0])) : [],
    );
    const all = uniqueLiterals([...own, ...named]);
    if (all.length === 0) throw new Error(`the pest rule \`${name}\` has no words`);
    return all;
  };

  // Each keyword in the first group that claims its rule.
  const claimed = new Set();
  const groups = [];
  for (const g of [...GROUPS, OTHER]) {
    const names = g.rules ? g.rules.filter((r) => kw.has(r)) : [...kw.keys()];
    const lits = [];
    for (const r of names) {
      if (claimed.has(r)) continue;
      claimed.add(r);
      lits.push(...kw.get(r));
    }
    if (lits.length > 0) groups.push({ ...g, lits: uniqueLiterals(lits) });
  }

  const repository = {};
  const top = [];
  const add = (key, rule, inline = true) => {
    repository[key] = rule;
    if (inline) top.push({ include: `#${key}` });
  };

  const backtick = {
    match: '`[^`\\n]*`',
    name: 'variable.other.quoted.backtick.ereje',
  };
  add('comment', {
    begin: '//',
    end: '$',
    name: 'comment.line.double-slash.ereje',
    beginCaptures: { 0: { name: 'punctuation.definition.comment.ereje' } },
    patterns: [{ include: '#backtick' }],
  });
  add('backtick', backtick, false);
  add('string', {
    begin: '"',
    end: '(")|$',
    name: 'string.quoted.double.ereje',
    beginCaptures: { 0: { name: 'punctuation.definition.string.begin.ereje' } },
    endCaptures: { 1: { name: 'punctuation.definition.string.end.ereje' } },
    patterns: [
      { match: '\\\\["\\\\n]', name: 'constant.character.escape.ereje' },
      { match: '\\\\.', name: 'invalid.illegal.unknown-escape.ereje' },
      { match: '\\{\\{', name: 'constant.character.escape.brace.ereje' },
      { match: `\\{${IDENT}(?:\\.${IDENT})*\\}`, name: 'variable.other.placeholder.ereje' },
      { include: '#backtick' },
    ],
  });

  const ART = must('art');
  const ANNEX = must('annex');
  const STANDARD = must('standard');
  add('citation', {
    name: 'meta.citation.ereje',
    match:
      `(§)\\s*(?:${BEFORE}(${STANDARD})\\s*|(?!${ART})${BEFORE}(${PATH})\\s*)?` +
      `(?:${BEFORE}(${ANNEX})\\s*(\\d+)\\s*)?(?:${BEFORE}(${ART})\\s*)?(${PARA})`,
    captures: {
      1: { name: 'keyword.other.citation.ereje' },
      2: { name: 'keyword.other.ereje' },
      3: { name: 'variable.other.act.ereje' },
      4: { name: 'storage.type.declaration.ereje' },
      5: { name: 'constant.numeric.integer.ereje' },
      6: { name: 'keyword.other.article.ereje' },
      7: { name: 'constant.numeric.paragraph.ereje' },
    },
  });
  add('citation-mark', { match: '§', name: 'keyword.other.citation.ereje' });
  add('allow', {
    match: `${BEFORE}(${must('allow')})\\s+(${LINT})`,
    captures: {
      1: { name: 'keyword.other.provenance.ereje' },
      2: { name: 'variable.other.constant.lint.ereje' },
    },
  });
  add('finding', {
    match: `${BEFORE}(${must('finding')})\\s+(${LINT})`,
    captures: {
      1: { name: 'keyword.other.ereje' },
      2: { name: 'variable.other.constant.lint.ereje' },
    },
  });
  add('expect', {
    match: `${BEFORE}(${must('expect')})\\s+(${IDENT})`,
    captures: {
      1: { name: 'keyword.control.ereje' },
      2: { name: 'variable.other.enummember.verdict.ereje' },
    },
  });
  add('has-document', {
    match: `${BEFORE}(${must('has')})\\s+(${must('document')})\\s+(${IDENT})`,
    captures: {
      1: { name: 'keyword.operator.expression.ereje' },
      2: { name: 'keyword.operator.expression.ereje' },
      3: { name: 'variable.other.document.ereje' },
    },
  });
  // `personal number, issued_on`: the fields of a document, not the keyword `number`.
  add('personal-fields', {
    match: `${BEFORE}(${must('personal')})\\s+(?!${must('personal')})(${IDENT})(?!\\s*:)`,
    captures: {
      1: { name: 'storage.modifier.ereje' },
      2: { name: 'variable.other.property.ereje' },
    },
  });
  for (const d of NAMED) {
    if (!kw.has(d.rule)) continue;
    add(`declaration-${d.rule}`, {
      match: `${BEFORE}(${must(d.rule)})\\s+(${d.name})${d.block ? '(?=\\s*\\{)' : ''}`,
      captures: {
        1: { name: 'storage.type.declaration.ereje' },
        2: { name: d.scope },
      },
    });
  }
  add('language', {
    match: `${BEFORE}${alternation(ruleLiterals('lang'))}(?=\\s*")`,
    name: 'entity.other.attribute-name.language.ereje',
  });
  add('date', {
    match: `(?<!${WORD})\\d{4}-\\d{2}-\\d{2}${AFTER}`,
    name: 'constant.numeric.date.ereje',
  });
  add('duration', {
    name: 'meta.duration.ereje',
    match:
      `(?<!${WORD})(\\d+)\\s+((?:${alternation(ruleLiterals('unit_qualifier'))}\\s+)*)` +
      `(${alternation(ruleLiterals('unit_word'))})`,
    captures: {
      1: { name: 'constant.numeric.integer.ereje' },
      2: { name: 'keyword.other.unit.qualifier.ereje' },
      3: { name: 'keyword.other.unit.ereje' },
    },
  });
  add('number', { match: `(?<!${WORD})\\d+${AFTER}`, name: 'constant.numeric.integer.ereje' });
  // A named argument or a record's field: `on: submitted_on`, `birth_date: date`.
  add('property', {
    match: `${BEFORE}${IDENT}(?=\\s*:)`,
    name: 'variable.other.property.ereje',
  });
  const quantifier = ruleLiterals('quantifier_kind');
  add('quantifier', {
    match: `${BEFORE}${alternation(quantifier)}(?=\\s+${IDENT}\\s)`,
    name: 'keyword.operator.quantifier.ereje',
  });
  for (const g of groups) {
    add(`keywords-${g.key}`, { match: `${BEFORE}${alternation(g.lits)}`, name: g.scope }, g.inline !== false);
  }
  add('operator', {
    patterns: [
      { match: '==|!=|<=|>=|<|>', name: 'keyword.operator.comparison.ereje' },
      { match: '\\.\\.', name: 'keyword.operator.range.ereje' },
      { match: '\\+|-', name: 'keyword.operator.arithmetic.ereje' },
      { match: '=', name: 'keyword.operator.assignment.ereje' },
      { match: '\\?', name: 'keyword.operator.optional.ereje' },
    ],
  });
  add('punctuation', {
    patterns: [
      { match: '\\{', name: 'punctuation.section.block.begin.ereje' },
      { match: '\\}', name: 'punctuation.section.block.end.ereje' },
      { match: '\\(', name: 'punctuation.section.parens.begin.ereje' },
      { match: '\\)', name: 'punctuation.section.parens.end.ereje' },
      { match: ',', name: 'punctuation.separator.comma.ereje' },
      { match: ':', name: 'punctuation.separator.colon.ereje' },
      { match: '\\.', name: 'punctuation.accessor.ereje' },
    ],
  });
  add('identifier', { match: IDENT, name: 'variable.other.ereje' });

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'ereje',
    scopeName: 'source.ereje',
    fileTypes: ['ereje'],
    comment: 'Generated by scripts/gen-grammar.mjs from grammar/ereje.pest: do not edit.',
    patterns: top,
    repository,
  };
}

export function render(grammar) {
  return `${JSON.stringify(grammar, null, 2)}\n`;
}

function main(argv) {
  const arg = (flag, fallback) => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : fallback;
  };
  const pest = arg('--pest', resolve(here, '../../../grammar/ereje.pest'));
  const out = arg('--out', resolve(here, '../syntaxes/ereje.tmLanguage.json'));
  const fresh = render(generate(readFileSync(pest, 'utf8')));
  if (argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(out, 'utf8');
    } catch {
      // missing: not fresh
    }
    if (committed !== fresh) {
      console.error(`${out} is not what ${pest} generates: run \`npm run gen-grammar\``);
      process.exit(1);
    }
    console.log(`${out} is up to date with ${pest}`);
    return;
  }
  writeFileSync(out, fresh);
  console.log(`wrote ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
