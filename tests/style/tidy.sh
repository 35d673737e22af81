#!/usr/bin/env bash
# clang-tidy 14 with the repository's .clang-tidy over every source file of src/, from the build
# folder's compile_commands.json; any finding fails (.clang-tidy makes every warning an error).
# Usage: tidy.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1") src=$(realpath "$2")
log="$build/tidy.log"
# GCC's warning flags that clang does not know (-Wno-restrict) are not findings.
if run-clang-tidy-14 -p "$build" -quiet -extra-arg=-Wno-unknown-warning-option "$src/src/" > "$log" 2>&1; then
  echo "tidy: no findings in src/ ($(grep -c '^clang-tidy' "$log" || true) files)"
  exit 0
fi
grep -E '(warning|error):' "$log" | sed 's/\x1b\[[0-9;]*m//g' | sort -u || tail -20 "$log"
echo "tidy: findings above (full log: $log)"
exit 1
