#!/usr/bin/env bash
# The editor support (editors/vscode): installs its npm dependencies, checks that the TextMate
# grammar is what grammar/ereje.pest generates, runs the grammar's unit and snapshot tests and
# the client's tests, and packages the extension (editors/vscode/ereje-VERSION.vsix).
# Needs Node.js 20 or later and the npm registry; not part of .ci/run, which stays offline.
# The client's test against the real server uses EREJE_BIN, or target/debug/ereje (built here
# if missing).
#   scripts/editor-test.sh             test and package
#   scripts/editor-test.sh --update    first regenerate the grammar and the rule snapshots
#                                      (review the diff before committing)
set -euo pipefail
cd "$(dirname "$0")/../editors/vscode"

node --version
if [[ -z "${EREJE_BIN:-}" && ! -x ../../target/debug/ereje && ! -x ../../target/release/ereje ]]; then
  (cd ../.. && cargo build --quiet)
fi
npm ci --no-audit --no-fund

if [[ "${1:-}" == "--update" ]]; then
  npm run gen-grammar
  npm run test:snap -- --update
fi

npm run check-grammar
npm run test:generator
npm run test:grammar
npm run test:snap
npm run build
npm run test:client
npm run package
ls -l ereje-*.vsix
