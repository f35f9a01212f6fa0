#!/usr/bin/env bash
# Build the libFuzzer targets with clang and run each on a copy of its seed
# corpus (tests/fuzz/corpus/TARGET), for SECONDS (default 60) or, with RUNS
# set, for that many executions; print each target's executions, time and
# executions per second, and any finding. Exits non-zero if a target finds
# a problem (crash, sanitizer report, failed check, timeout, out of memory).
#   tests/fuzz/run.sh [SECONDS]
#   RUNS=10000000 tests/fuzz/run.sh
# Environment:
#   FUZZ_BUILD=dir         the build (default build-fuzz)
#   FUZZ_TARGETS="a b"     a subset of "catalog imdb traverse split"
#   FUZZ_CORPUS=dir        keep each target's grown corpus in dir/TARGET (made
#                          from the seeds if missing) to resume a long campaign;
#                          by default it is a temporary copy, thrown away
#   FUZZ_FLAGS="..."       more libFuzzer flags, e.g. -timeout=10
# Inputs are at most 4096 bytes (-max_len): enough for a few hundred rows, and
# the targets set their line and field limits so that inputs can pass them.
set -euo pipefail
secs=${1:-60}
runs=${RUNS:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
targets=${FUZZ_TARGETS:-catalog imdb traverse split}
cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DFG_BUILD_FUZZ=ON -DFG_BUILD_TESTS=OFF \
  -DFG_BUILD_EXAMPLES=OFF -DFG_BUILD_BENCH=OFF >/dev/null
build_targets=()
for t in $targets; do
  build_targets+=(--target "fuzz_$t")
done
cmake --build "$build" -j2 "${build_targets[@]}" >/dev/null
if [ -n "$runs" ]; then
  limit=(-runs="$runs")
  if [ $# -gt 0 ]; then
    limit+=(-max_total_time="$secs") # whichever comes first
  fi
else
  limit=(-max_total_time="$secs")
fi
status=0
for t in $targets; do
  if [ -n "${FUZZ_CORPUS:-}" ]; then
    work=$FUZZ_CORPUS/$t
    [ -d "$work" ] || { mkdir -p "$work" && cp -r "$here/corpus/$t/." "$work/"; }
  else
    work=$(mktemp -d)
    cp -r "$here/corpus/$t/." "$work/"
  fi
  log=$(mktemp)
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  if "$build/tests/fuzz/fuzz_$t" "${limit[@]}" -max_len=4096 -print_final_stats=1 \
      -artifact_prefix="$build/crash-$t-" ${FUZZ_FLAGS:-} "$work" >"$log" 2>&1; then
    end=$(date +%s.%N)
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    awk -v t="$t" -v n="${n:-0}" -v s="$start" -v e="$end" 'BEGIN {
      d = e - s; r = (d > 0) ? n / d : 0
      printf "fuzz_%s: %d executions in %.0f s (%.0f exec/s), nothing found\n", t, n, d, r }'
  else
    echo "fuzz_$t: FOUND A PROBLEM (input saved as $build/crash-$t-*):"
    grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$log" | head -20
    status=1
  fi
  [ -n "${FUZZ_CORPUS:-}" ] || rm -rf "$work"
  rm -f "$log"
done
exit $status
