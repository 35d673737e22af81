#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz and runs each for SECONDS (default 900).
# Usage (from anywhere, as root on Debian 12 after .ci/setup): bash tests/fuzz/run.sh [SECONDS [TARGET...]]
# TARGET: facts, text (default: both, one after the other).
# Corpora grow in build-fuzz/corpus/<target>; crashes, leaks, timeouts and OOMs land in
# build-fuzz/artifacts/<target>/; each target's log is build-fuzz/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-900}
shift $(($# > 0 ? 1 : 0))
targets=("$@")
((${#targets[@]})) || targets=(facts text)
fuzzer_lib=/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a

if ! command -v clang++ >/dev/null || [ ! -f "$fuzzer_lib" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "fuzz: clang and libclang-rt-14-dev are missing; run this script as root" >&2
    exit 1
  fi
  echo "fuzz: installing clang libclang-rt-14-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev
fi
[ -s fonts/NotoSansCJKsc-Regular.ttf ] || bash fonts/prepare

cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DZONEBRIEF_FUZZ=ON >/dev/null
cmake --build build-fuzz -j2 --target zonebrief_fuzz_facts zonebrief_fuzz_text

# Seed corpora: every facts file the project has (good and bad), and the text seeds.
rm -rf build-fuzz/seeds
mkdir -p build-fuzz/seeds/facts build-fuzz/seeds/text
cp inputs/*.yaml build-fuzz/seeds/facts/
for f in tests/facts/good/*.yaml; do cp "$f" "build-fuzz/seeds/facts/good-$(basename "$f")"; done
for f in tests/facts/bad/*.yaml; do cp "$f" "build-fuzz/seeds/facts/bad-$(basename "$f")"; done
cp tests/fuzz/seeds/text/* build-fuzz/seeds/text/

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target artifacts=build-fuzz/artifacts/$target log=build-fuzz/$target.log
  mkdir -p "$corpus" "$artifacts"
  extra=()
  [ "$target" = facts ] && extra=(-dict=tests/fuzz/facts.dict)
  echo "fuzz: $target for $seconds s (log: $log)"
  set +e
  "build-fuzz/zonebrief_fuzz_$target" "${extra[@]}" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "build-fuzz/seeds/$target" >"$log" 2>&1
  code=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  findings=$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  echo "fuzz: $target: exit $code, ${execs:-?} executions, ${rate:-?} exec/s, coverage ${cov:-?} edges, ${ft:-?} features," \
       "corpus $(find "$corpus" -type f | wc -l) files, peak RSS ${rss:-?} MB, findings $findings"
  if [ "$findings" -gt 0 ] || [ "$code" -ne 0 ]; then
    status=1
    find "$artifacts" -maxdepth 1 -type f | sed 's/^/fuzz:   /'
    grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|fuzz_(facts|text):' "$log" | sed 's/^/fuzz:   /' || true
  fi
done
exit $status
