// The client's settings, as `ereje lsp` is started from them (no editor needed: the module
// does not use the `vscode` API). Run after `npm run build`, which compiles src/ into out/.

const assert = require('node:assert/strict');
const { test } = require('node:test');

const { resolveLaunch } = require('../../out/settings.js');

test('the defaults start `ereje lsp` from PATH, in English', () => {
  assert.deepEqual(resolveLaunch({}, undefined), {
    command: 'ereje',
    args: ['lsp'],
    initializationOptions: { lang: 'en' },
  });
  assert.equal(resolveLaunch({ path: '   ' }, '/ws').command, 'ereje');
  assert.equal(resolveLaunch({ path: 'ereje' }, '/ws').command, 'ereje');
});

test('`ereje.lang` is passed on, and anything else is English', () => {
  assert.equal(resolveLaunch({ lang: 'kk' }, undefined).initializationOptions.lang, 'kk');
  assert.equal(resolveLaunch({ lang: 'ru' }, undefined).initializationOptions.lang, 'ru');
  assert.equal(resolveLaunch({ lang: 'de' }, undefined).initializationOptions.lang, 'en');
  assert.equal(resolveLaunch({ lang: 7 }, undefined).initializationOptions.lang, 'en');
});

test('`~` and `${workspaceFolder}` are expanded; a relative path is the workspace\'s', () => {
  assert.equal(resolveLaunch({ path: '~/.cargo/bin/ereje' }, '/ws', '/home/a').command, '/home/a/.cargo/bin/ereje');
  assert.equal(resolveLaunch({ path: '${workspaceFolder}/target/debug/ereje' }, '/ws').command, '/ws/target/debug/ereje');
  assert.equal(resolveLaunch({ path: 'target/release/ereje' }, '/ws').command, '/ws/target/release/ereje');
  assert.equal(resolveLaunch({ path: '/opt/ereje/bin/ereje' }, '/ws').command, '/opt/ereje/bin/ereje');
  // with no folder open, a relative path is left to the shell's working directory
  assert.equal(resolveLaunch({ path: 'target/release/ereje' }, undefined).command, 'target/release/ereje');
});
