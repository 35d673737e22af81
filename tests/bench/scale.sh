#!/usr/bin/env bash
# Scale benchmark: N synthetic zones (tests/bench/make_zones.py, fixed seed) built with the
# `briefing` layout, previews off, for N = 10, 100, 1000 and --jobs 1 and 2; then N = 1000 with
# previews on. Reports wall time, median ms per briefing (from the manifest), pages per second,
# mean and largest PDF size and peak memory (GNU time's maximum resident set size).
# Run from the repository root after the build: bash tests/bench/scale.sh [OUT.md]
set -euo pipefail
cd "$(dirname "$0")/../.."
out_md=${1:-tests/bench/scale-latest.md}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { echo "scale.sh: needs GNU time (apt-get install time)" >&2; exit 2; }

row() {  # row N JOBS PREVIEWS
  local n=$1 jobs=$2 previews=$3
  local in="$work/in-$n" out="$work/out-$n-$jobs-$previews"
  [ -d "$in" ] || /usr/bin/python3 tests/bench/make_zones.py "$n" "$in"
  rm -rf "$out"
  local flag=--no-previews
  [ "$previews" = on ] && flag=
  local start end
  start=$(date +%s.%N)
  SOURCE_DATE_EPOCH=1735689600 /usr/bin/time -f "%M" -o "$work/rss" \
    build/zonebrief -q build --inputs "$in" --out "$out" --jobs "$jobs" --force $flag --layout briefing --max-age 100000
  end=$(date +%s.%N)
  /usr/bin/python3 - "$out/manifest.json" "$n" "$jobs" "$previews" "$start" "$end" "$(cat "$work/rss")" <<'PY'
import json, os, re, statistics, sys
m = json.load(open(sys.argv[1]))
out_dir = os.path.dirname(sys.argv[1])

def glyph_bytes(path):
    """Bytes of the embedded font programs (FontFile2 streams, as stored) in one PDF."""
    data = open(path, "rb").read()
    total = 0
    for match in re.finditer(rb"/Length1 \d+", data):
        start = data.index(b"stream\r\n", match.end()) + len(b"stream\r\n")
        total += data.index(b"\nendstream", start) - start
    return total

n, jobs, previews = sys.argv[2], sys.argv[3], sys.argv[4]
wall = float(sys.argv[6]) - float(sys.argv[5])
rss_mb = int(sys.argv[7]) / 1024
zones = [z for z in m["zones"] if z["status"] == "built"]
ms = statistics.median(z["ms"] for z in zones)
pages = sum(z["pages"] for z in zones)
sizes = [z["bytes"] for z in zones]
glyphs = [glyph_bytes(z["output"]) for z in zones]  # paths as the tool wrote them (run from the repository root)
overhead = [size - g for size, g in zip(sizes, glyphs)]
print(f"| {n} | {jobs} | {previews} | {wall:.2f} s | {ms:.1f} ms | {pages / wall:.0f} | "
      f"{statistics.mean(sizes) / 1024:.1f} KiB | {max(sizes) / 1024:.1f} KiB | {statistics.mean(glyphs) / 1024:.1f} KiB | "
      f"{max(overhead) / 1024:.1f} KiB | {rss_mb:.0f} MB | {len(zones)}/{n} |")
PY
}

{
  echo "| zones | jobs | previews | wall | median per briefing | pages/s | mean PDF | largest PDF | mean glyph data | largest PDF − its glyph data | peak RSS | built |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for n in 10 100 1000; do
    for jobs in 1 2; do row "$n" "$jobs" off; done
  done
  row 1000 2 on
} | tee "$out_md"
