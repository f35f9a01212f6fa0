#!/usr/bin/env bash
# Build the libFuzzer targets with clang and run each for SECONDS (default
# 60) on a copy of its seed corpus (tests/fuzz/corpus/TARGET), printing the
# executions and any finding. Exits non-zero if a target finds a crash.
#   tests/fuzz/run.sh [SECONDS]      (FUZZ_BUILD=dir to choose the build)
set -euo pipefail
secs=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DFG_BUILD_FUZZ=ON -DFG_BUILD_TESTS=OFF \
  -DFG_BUILD_EXAMPLES=OFF -DFG_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j2 --target fuzz_catalog fuzz_imdb fuzz_traverse >/dev/null
status=0
for t in catalog imdb traverse; do
  work=$(mktemp -d)
  cp -r "$here/corpus/$t/." "$work/"
  log=$(mktemp)
  if "$build/tests/fuzz/fuzz_$t" -max_total_time="$secs" -max_len=8192 -print_final_stats=1 \
      -artifact_prefix="$build/crash-$t-" "$work" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz_$t: $runs executions in ${secs} s, nothing found"
  else
    echo "fuzz_$t: FOUND A PROBLEM (input saved as $build/crash-$t-*):"
    grep -E "ERROR|SUMMARY|runtime error" "$log" | head -20
    status=1
  fi
  rm -rf "$work" "$log"
done
exit $status
