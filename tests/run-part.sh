#!/bin/sh
# One part of the plain test suite, run on its own so that the parts can run
# in parallel (`make check`) or one after the other (tests/run-all.sh).
#   sh tests/run-part.sh --list         every part, one a line
#   sh tests/run-part.sh PART [RESULT]  runs PART and writes RESULT
#                                       ($BUILD/results/PART.result)
# A part is
#   unit/NAME     the cmocka program $BUILD/tests/NAME (tests/unit/NAME.c)
#   golden/SUITE  the cases of tests/golden/SUITE (tests/run-golden.sh)
#   DIR/test_X    the test script tests/DIR/test_X.sh, whose last line is
#                 "N passed, N failed" (", N skipped" when it skips) and
#                 which prints "skip NAME: reason" for each part it skips
# RESULT gets the line "PART: N passed, N failed[, N skipped]" followed by
# the part's skip lines, and RESULT.log its whole output. The result line
# also goes to standard output, with the log after it when something failed.
# tests/summary.sh adds the results up.
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2

if [ "$1" = --list ]; then
  # The scripts first: they take longest, so a parallel run starts them
  # early and ends sooner.
  for s in tests/*/test_*.sh; do [ -f "$s" ] && s=${s#tests/} && echo "${s%.sh}"; done
  for d in tests/golden/*/; do [ -d "$d" ] && d=${d%/} && echo "golden/${d##*/}"; done
  for u in tests/unit/test_*.c; do [ -f "$u" ] && u=${u##*/} && echo "unit/${u%.c}"; done
  exit 0
fi

part=$1
case $BUILD in /*) build=$BUILD ;; *) build=$top/$BUILD ;; esac
result=${2:-$build/results/$part.result}
if [ -z "$part" ]; then
  echo "usage: sh tests/run-part.sh PART [RESULT] | --list" >&2
  exit 2
fi
mkdir -p "$(dirname "$result")"
log=$result.log
skips=$result.skips
export BUILD CHARTERC="$build/bin/charterc"

# "P F S": the counts of the last "N passed, N failed[, N skipped]" line.
counts() {
  grep -E '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1 |
    awk '{ for (i = 2; i <= NF; i++) { if ($i == "passed,") p = $(i - 1);
           if ($i ~ /^failed/) f = $(i - 1); if ($i ~ /^skipped/) s = $(i - 1) } }
         END { print p + 0, f + 0, s + 0 }'
}

: >"$skips"
case $part in
  unit/*)
    prog=$build/tests/${part#unit/}
    if [ -x "$prog" ]; then "$prog" >"$log" 2>&1; else echo "$prog is not built (make unit)" >"$log"; false; fi
    st=$?
    # cmocka's totals, "[  PASSED  ] N test(s)." and the like, and the
    # names of the tests it skipped, "[  SKIPPED ] test_name".
    total() { sed -n -E "s/^\[  $1 *\] ([0-9]+) test.*/\1/p" "$log" | tail -n 1; }
    pass=$(total PASSED) fail=$(total FAILED) skipped=$(total SKIPPED)
    sed -n -E "s/^\[  SKIPPED \] (test_[A-Za-z0-9_]*)$/skip ${part#unit/} \1: skipped by the test/p" \
      "$log" >"$skips"
    ;;
  golden/*)
    SUITE=${part#golden/} sh tests/run-golden.sh >"$log" 2>&1
    st=$?
    read -r pass fail skipped <<EOF
$(counts "$log")
EOF
    grep '^skip [^:]*: ' "$log" >"$skips"
    ;;
  *)
    if [ -f "tests/$part.sh" ]; then bash "tests/$part.sh" >"$log" 2>&1; else echo "no tests/$part.sh" >"$log"; false; fi
    st=$?
    if ! tail -n 1 "$log" | grep -qE '^[0-9]+ passed, [0-9]+ failed'; then
      echo "0 passed, 1 failed (the last line is not the summary)" >>"$log"
    fi
    read -r pass fail skipped <<EOF
$(counts "$log")
EOF
    grep '^skip [^:]*: ' "$log" >"$skips"
    ;;
esac
pass=${pass:-0} fail=${fail:-0} skipped=${skipped:-0}
# A part that exits with an error has failed, whatever it counted; so has
# one whose skip lines and skip count disagree.
[ "$st" -ne 0 ] && [ "$fail" -eq 0 ] && fail=1
nskips=$(wc -l <"$skips")
if [ "$nskips" -ne "$skipped" ]; then
  echo "$part: $nskips skip lines but $skipped skipped in its summary" >>"$log"
  fail=$((fail + 1))
fi
line="$part: $pass passed, $fail failed"
[ "$skipped" -eq 0 ] || line="$line, $skipped skipped"
{ echo "$line"; cat "$skips"; } >"$result"
rm -f "$skips"
echo "$line"
[ "$fail" -eq 0 ] || cat "$log"
[ "$fail" -eq 0 ]
