#!/bin/sh
# Runs every test: the cmocka unit tests, the golden tests and the test
# scripts tests/*/test_*.sh; ends with one summary line "N passed, N failed".
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
pass=0
fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

count() {   # count FILE: adds the last "N passed, N failed" line of a runner
  set -- $(grep -E '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1 |
    awk '{ for (i = 2; i <= NF; i++) { if ($i == "passed,") p = $(i - 1);
           if ($i ~ /^failed/) f = $(i - 1) } } END { print p + 0, f + 0 }')
  pass=$((pass + ${1:-0}))
  fail=$((fail + ${2:-0}))
}

for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  "$t" >"$log" 2>&1
  st=$?
  p=$(grep -E '^\[  PASSED  \] [0-9]+ test' "$log" | sed -E 's/[^0-9]*([0-9]+).*/\1/')
  f=$(grep -E '^\[  FAILED  \] [0-9]+ test' "$log" | sed -E 's/[^0-9]*([0-9]+).*/\1/')
  p=${p:-0}
  f=${f:-0}
  if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  echo "unit $(basename "$t"): $p passed, $f failed"
  [ "$f" -eq 0 ] || cat "$log"
  pass=$((pass + p))
  fail=$((fail + f))
done

BUILD=$BUILD sh tests/run-golden.sh >"$log" 2>&1
cat "$log"
count "$log"

for s in tests/*/test_*.sh; do
  [ -f "$s" ] || continue
  BUILD=$BUILD CHARTERC="$top/$BUILD/bin/charterc" bash "$s" >"$log" 2>&1
  st=$?
  tail -n 1 "$log" | grep -qE '[0-9]+ passed, [0-9]+ failed' || echo "0 passed, 1 failed" >>"$log"
  if [ "$st" -ne 0 ] && tail -n 1 "$log" | grep -qE ' 0 failed'; then echo "0 passed, 1 failed" >>"$log"; fi
  echo "$s: $(tail -n 1 "$log")"
  [ "$st" -eq 0 ] || cat "$log"
  count "$log"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
