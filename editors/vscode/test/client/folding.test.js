// Folding on braces, past strings and comments.

const assert = require('node:assert/strict');
const { test } = require('node:test');

const { braceFolds } = require('../../out/folding.js');

test('each block that spans lines folds, up to the line before its `}`', () => {
  const text = [
    'service kz.x {', //           0
    '  document passport {', //    1
    '    required always', //      2
    '  }', //                      3
    '  process { step a after b }', // 4: one line, no fold
    '}', //                        5
  ].join('\n');
  assert.deepEqual(braceFolds(text), [
    { start: 1, end: 2 },
    { start: 0, end: 4 },
  ]);
});

test('braces in strings and comments are not blocks', () => {
  const text = [
    'service kz.x { // {', //                 0
    '  note "a { brace \\" }"', //            1
    '  message en "{nth} child" // }', //     2
    '}', //                                   3
  ].join('\n');
  assert.deepEqual(braceFolds(text), [{ start: 0, end: 2 }]);
});

test('unbalanced braces fold what closes and ignore the rest', () => {
  assert.deepEqual(braceFolds('}\nact a {\n  kind order\n'), []);
  assert.deepEqual(braceFolds('act a {\r\n  kind order\r\n}\r\n'), [{ start: 0, end: 1 }]);
});
