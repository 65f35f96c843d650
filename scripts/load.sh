#!/usr/bin/env bash
# Load test of `ereje serve` on loopback with wrk (installed from Debian's packages if absent):
# POST /v1/check with a small shipped bundle, first with the server pinned to core 0 and wrk to
# core 1, then both unpinned. Prints wrk's figures (throughput, latency percentiles); the
# last run's figures are recorded in BENCHMARKS.md. Not part of CI (it needs the machine to
# itself). Usage: scripts/load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-10}"
conns="${2:-32}"
if ! command -v wrk >/dev/null; then
  apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
fi
cargo build --release --quiet
bin=target/release/ereje
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
# wrk sends the bundle as the body of every request
python3 - "$work/post.lua" examples/bundles/pr-ok.json <<'PY'
import json, sys
body = json.dumps(json.load(open(sys.argv[2])), ensure_ascii=False)
lua = 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ' + json.dumps(body) + '\n'
open(sys.argv[1], "w").write(lua)
PY
run() {
  local label="$1" server_cpu="$2" client_cpu="$3"
  local pin_server=() pin_client=()
  [ -n "$server_cpu" ] && pin_server=(taskset -c "$server_cpu")
  [ -n "$client_cpu" ] && pin_client=(taskset -c "$client_cpu")
  "${pin_server[@]}" "$bin" serve --addr 127.0.0.1:0 --quiet --concurrency 1024 >"$work/addr" 2>"$work/log" &
  server=$!
  for _ in $(seq 100); do [ -s "$work/addr" ] && break; sleep 0.05; done
  addr="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["listening"])' "$work/addr")"
  echo "== $label: wrk -t1 -c$conns -d${secs}s --latency (server ${server_cpu:-unpinned}, wrk ${client_cpu:-unpinned})"
  "${pin_client[@]}" wrk -t1 -c"$conns" -d"${secs}s" --latency -s "$work/post.lua" "http://$addr/v1/check"
  kill "$server"; wait "$server" 2>/dev/null || true
  : >"$work/addr"
}
run "pinned" 0 1
run "unpinned" "" ""
