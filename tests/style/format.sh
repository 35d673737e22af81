#!/usr/bin/env bash
# The house style: every C++ file of src/ and tests/ is as clang-format 14 formats it with the
# repository's .clang-format. Prints the files that differ (and how) and fails on any.
# Usage: format.sh SOURCE_DIR    Fix: clang-format-14 -i $(find src tests -name '*.cpp' -o -name '*.h')
set -euo pipefail
cd "$1"
status=0
while IFS= read -r -d '' f; do
  if ! clang-format-14 --style=file "$f" | diff -u --label "$f" --label "$f (clang-format)" "$f" -; then
    status=1
  fi
done < <(find src tests \( -name '*.cpp' -o -name '*.h' -o -name '*.cpp.in' \) -print0 | sort -z)
[ "$status" = 0 ] && echo "format: every file as clang-format-14 leaves it"
exit "$status"
