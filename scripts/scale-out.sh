#!/usr/bin/env bash
# Audit an NDJSON archive through GNU parallel over `ereje check --ndjson`: the archive is cut
# into parts of LINES lines, each part is checked by a process of its own (here on this
# machine's cores; with parallel's `--sshlogin` on many machines), each numbering its lines
# from where the part starts in the archive (`--first-line`), and the reports are gathered in
# the archive's order. The script then checks the point of it: the result is byte for byte the
# report stream of one process over the whole archive, and no line is lost.
#
# Usage: scripts/scale-out.sh [ARCHIVE] [LINES] [JOBS]
#   ARCHIVE  NDJSON, one bundle per line (default: 20,000 lines made of examples/bundles)
#   LINES    lines per part (default 2,000)
#   JOBS     processes at once (default: one per core)
# Needs GNU parallel (Debian: apt-get install parallel). See docs/scale-out.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v parallel >/dev/null || { echo "GNU parallel is not installed (apt-get install parallel)" >&2; exit 2; }
lines="${2:-2000}"
jobs="${3:-$(nproc)}"
cargo build --release --quiet
ereje="$PWD/target/release/ereje"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
archive="${1:-}"
if [ -z "$archive" ]; then
  archive="$work/archive.ndjson"
  # each example bundle on one line, the lot repeated to 20,000 lines
  for f in examples/bundles/*.json; do python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))' "$f" 2>/dev/null || true; done >"$work/one.ndjson"
  python3 - "$work/one.ndjson" "$archive" <<'PY'
import sys
rows = open(sys.argv[1]).read().splitlines()
with open(sys.argv[2], "w") as out:
    for i in range(20000):
        out.write(rows[i % len(rows)] + "\n")
PY
fi
total="$(wc -l <"$archive")"
echo "archive: $total lines; parts of $lines lines, $jobs at once"

# one part: check it, numbering from its first line; exit 1 (a bundle with errors) is a result,
# not a failure, so only a status of 2 or more fails the job
part='s=0; "$0" check --ndjson - --format json --threads 1 --first-line "$1" 2>/dev/null || s=$?; [ "$s" -le 1 ]'
start=$(date +%s.%N)
parallel --pipe -N "$lines" --block 64M --keep-order --jobs "$jobs" --halt now,fail=1 \
  sh -c "'$part'" "$ereje" '$(( ({#} - 1) * '"$lines"' + 1 ))' <"$archive" >"$work/parts.ndjson"
end=$(date +%s.%N)
"$ereje" check --ndjson "$archive" --format json --threads 1 2>/dev/null >"$work/whole.ndjson" || [ $? -le 1 ]
echo "reports: $(wc -l <"$work/parts.ndjson") from the parts, $(wc -l <"$work/whole.ndjson") from one process"
if cmp -s "$work/parts.ndjson" "$work/whole.ndjson"; then
  echo "identical: every line reported once, in order, with the archive's line numbers"
else
  echo "the parts' reports differ from one process's" >&2
  diff <(head -c 2000 "$work/parts.ndjson") <(head -c 2000 "$work/whole.ndjson") >&2 || true
  exit 1
fi
python3 -c 'import sys; print(f"parallel: {float(sys.argv[1]):.2f} s, {int(sys.argv[2]) / float(sys.argv[1]):,.0f} bundles/s")' "$(echo "$end - $start" | bc)" "$total"
