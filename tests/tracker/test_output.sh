#!/bin/sh
# What the tracker shows, whatever the ledger or the program file holds:
# a damaged tracker refuses to run; a value that overflows is no value
# (never inf or nan, never a status); control characters from the ledger
# or the agreement reach the terminal escaped; small counts of personal
# data are suppressed in every output.  Ends with "N passed, N failed".
top=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$top/$BUILD ;; esac
CHARTERC=${CHARTERC:-$BUILD/bin/charterc}
here=$top/tests/tracker
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NO_COLOR=1 LC_ALL=C
unset CHARTER_TIMING
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() {
  fail=$((fail + 1))
  echo "FAIL: $1"
  if [ -n "$2" ] && [ -f "$2" ]; then sed 's/^/    /' "$2" | head -30; fi
}
# expect NAME STATUS FILE CMD...: CMD exits with STATUS, output in FILE
expect() {
  name=$1 want=$2 out=$3
  shift 3
  "$@" >"$out" 2>&1
  got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "$name: exit $got, wanted $want" "$out"; fi
}
# has NAME FILE TEXT: FILE holds TEXT (fixed string)
has() {
  if grep -qF -- "$3" "$2"; then ok; else bad "$1: no '$3'" "$2"; fi
}
hasnt() {
  if grep -qF -- "$3" "$2"; then bad "$1: unexpected '$3'" "$2"; else ok; fi
}

cd "$tmp" || exit 2
"$CHARTERC" tracker "$here/shown.charter" -o tr >/dev/null 2>&1 || bad "the tracker builds"

# ---- a damaged tracker refuses every command ----------------------------------------
# One byte of the carried agreement changed: the last target 100 becomes
# 900, which still compiles and would give wrong plans.
cp tr damaged
off=$(grep -abo 'target 100 by 2025-12-31' damaged | head -n 1 | cut -d: -f1)
if [ -n "$off" ]; then
  printf 9 | dd of=damaged bs=1 seek=$((off + 7)) conv=notrunc 2>/dev/null
  for c in status info validate due report calendar; do
    expect "damaged: $c refused" 2 out.txt ./damaged $c
    has "damaged: $c says so" out.txt "this tracker is damaged"
    has "damaged: $c says how to mend it" out.txt "rebuild it with 'charterc tracker'"
  done
  expect "damaged: --version refused" 2 out.txt ./damaged --version
  expect "damaged: record refused" 2 out.txt ./damaged --data dled record big 1 --on 2024-03-31 --by alpha
  [ ! -e dled ] && ok || bad "damaged: record wrote nothing"
else
  bad "damaged: the target is not in the tracker"
fi
expect "undamaged: info" 0 out.txt ./tr info
has "undamaged: verified" out.txt "verified"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
