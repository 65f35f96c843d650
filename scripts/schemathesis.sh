#!/usr/bin/env bash
# Property-based test of `ereje serve` against its own OpenAPI document with schemathesis
# (from PyPI, in a throwaway virtualenv): every operation of /openapi.json is called with
# generated requests, and every response is checked against the document (status codes,
# content types, response schemas) and for server errors. Not part of CI (it takes minutes and
# PyPI); the last run is recorded in docs/serve.md. Usage: scripts/schemathesis.sh [MAX_EXAMPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-100}"
venv="${SCHEMATHESIS_VENV:-$(mktemp -d)/venv}"
if [ ! -x "$venv/bin/st" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q schemathesis
fi
cargo build --release --quiet
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
target/release/ereje serve --addr 127.0.0.1:0 --quiet >"$work/addr" 2>"$work/log" &
server=$!
for _ in $(seq 100); do [ -s "$work/addr" ] && break; sleep 0.05; done
addr="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["listening"])' "$work/addr")"
"$venv/bin/st" --version
"$venv/bin/st" run "http://$addr/openapi.json" --checks all --max-examples "$examples" \
  --url "http://$addr"
