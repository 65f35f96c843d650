// The client's launch against the real server: `ereje lsp`, started as the extension starts
// it (command, arguments and initializationOptions from `resolveLaunch`), answers the
// handshake and words its diagnostics in the language of `ereje.lang`. Needs the binary:
// EREJE_BIN, or the workspace's target/debug/ereje or target/release/ereje; skipped without.

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { test } = require('node:test');

const { resolveLaunch } = require('../../out/settings.js');

const root = path.resolve(__dirname, '../../../..');
const binary = [
  process.env.EREJE_BIN,
  path.join(root, 'target/debug/ereje'),
  path.join(root, 'target/release/ereje'),
].find((p) => p && fs.existsSync(p));

/** JSON-RPC over the server's stdio, with `Content-Length` framing, as VS Code speaks it. */
function connect(child) {
  let buffer = Buffer.alloc(0);
  const waiting = [];
  const received = [];
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const head = buffer.indexOf('\r\n\r\n');
      if (head < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, head).toString())[1]);
      if (buffer.length < head + 4 + length) return;
      const message = JSON.parse(buffer.subarray(head + 4, head + 4 + length).toString('utf8'));
      buffer = buffer.subarray(head + 4 + length);
      received.push(message);
      for (const w of [...waiting]) {
        if (w.want(message)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(message);
        }
      }
    }
  });
  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const until = (want, ms = 30000) =>
    new Promise((resolve, reject) => {
      const seen = received.find(want);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error('no answer from ereje lsp')), ms);
      waiting.push({ want, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  return { send, until };
}

test('ereje lsp, started from the settings, answers in Russian', { skip: !binary && 'no ereje binary: cargo build' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ereje-client-'));
  const file = path.join(dir, 'broken.ereje');
  const text = 'service kz.test.broken {\n  title en "Test\n  document passport { required always }\n}\n';
  fs.writeFileSync(file, text);
  const launch = resolveLaunch({ path: binary, lang: 'ru' }, dir);
  assert.deepEqual(launch.args, ['lsp']);
  const child = spawn(launch.command, launch.args, { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const rpc = connect(child);
    const folder = pathToFileURL(dir).href;
    rpc.send({
      id: 1,
      method: 'initialize',
      params: {
        processId: process.pid,
        rootUri: folder,
        workspaceFolders: [{ uri: folder, name: 'rules' }],
        capabilities: {},
        initializationOptions: launch.initializationOptions,
      },
    });
    const init = await rpc.until((m) => m.id === 1);
    assert.equal(init.result.serverInfo.name, 'ereje');
    assert.ok(init.result.capabilities.hoverProvider);
    rpc.send({ method: 'initialized', params: {} });
    const uri = pathToFileURL(file).href;
    rpc.send({
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'ereje', version: 1, text } },
    });
    const published = await rpc.until(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length > 0,
    );
    const first = published.params.diagnostics[0];
    assert.equal(first.range.start.line, 1, JSON.stringify(first));
    assert.match(first.message, /[А-Яа-яЁё]/, `a Russian message: ${first.message}`);
    rpc.send({ id: 2, method: 'shutdown' });
    await rpc.until((m) => m.id === 2);
    rpc.send({ method: 'exit' });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 0);
  } finally {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
