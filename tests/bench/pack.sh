#!/usr/bin/env bash
# The meeting-pack benchmark: `zonebrief pack` of the example meeting (the six seed zones: one
# briefing, five one-pagers, 19 pages) run N times into a fresh folder, the whole command timed
# (start-up and font loading included); prints each run and the median. Goal: under 0.5 s on
# 2 cores. Usage (from the repository root, after the build): bash tests/bench/pack.sh [N] [BINARY]
set -euo pipefail
n=${1:-15}
bin=${2:-build/zonebrief}
meeting=inputs/meetings/2026-12-03-investor-visit.yaml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767139200}
times=()
for ((i = 0; i < n; i++)); do
  start=$(date +%s%N)
  "$bin" -q pack "$meeting" --out "$out"
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "runs (ms): ${times[*]}"
echo "pages: $(pdfinfo "$out"/*.pdf | awk '/^Pages:/ {print $2}'), bytes: $(stat -c %s "$out"/*.pdf)"
echo "median of $n: ${sorted[$((n / 2))]} ms (goal < 500 ms)"
