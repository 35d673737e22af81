#!/usr/bin/env bash
# The reference set for behaviour-preserving changes: every zone of inputs/ × the briefing and
# one-pager layouts × zh+en, side-by-side and en (36 PDFs for the six seed zones), built with a
# fixed SOURCE_DATE_EPOCH into fresh folders, and one "sha256  layout/mode/zone.pdf" line each.
# Usage (from the repository root): bash tests/tools/pdfset.sh [BINARY] [OUT_DIR] > sums.txt
# Compare two commits: run it with each commit's binary and diff the two lists.
set -euo pipefail
bin=${1:-build/zonebrief}
out=${2:-$(mktemp -d)}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767139200}  # 2025-12-31
for layout in briefing onepager; do
  for mode in zh+en side-by-side en; do
    dir="$out/$layout/$mode"
    rm -rf "$dir"
    mkdir -p "$dir"
    "$bin" -q build --layout "$layout" --lang "$mode" --out "$dir" --no-previews --jobs 2 >&2
  done
done
(cd "$out" && find . -name '*.pdf' | LC_ALL=C sort | xargs sha256sum)
