#!/usr/bin/env bash
# Run every cmocka test program of a build under valgrind memcheck: any
# memory error or leaked byte fails.   tests/valgrind.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: tests/valgrind.sh BUILD_DIR}
status=0
for t in "$build"/tests/test_*; do
  [ -x "$t" ] && [ -f "$t" ] || continue
  if valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=all \
      --errors-for-leak-kinds=all "$t" >/dev/null 2>"$t.valgrind"; then
    echo "valgrind: $(basename "$t"): clean"
  else
    echo "valgrind: $(basename "$t"): FAILED"
    cat "$t.valgrind"
    status=1
  fi
done
exit $status
