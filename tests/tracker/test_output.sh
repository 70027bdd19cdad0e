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
# hasre NAME FILE REGEX: FILE holds a line matching the extended REGEX
hasre() {
  if grep -qE -- "$3" "$2"; then ok; else bad "$1: no /$3/" "$2"; fi
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

# ---- a value that overflows is no value -----------------------------------------------
# Each value is finite, their sum is not.
mkdir -p over
printf 'indicator,date,value,reporter\nbig,2024-03-31,1e308,alpha\nbig,2024-03-31,1e308,beta\n' >over/observations.csv
expect "overflow: status" 0 over.txt ./tr --data over status --as-of 2024-06-30
hasre "overflow: no value, no status" over.txt '^  big +- +- +- +24.79 +- +no data$'
has "overflow: the note" over.txt "big: value overflows"
expect "overflow: json" 0 over.json ./tr --data over status --as-of 2024-06-30 --format json
has "overflow: json null, no_data, note" over.json '{ "id": "big", "value": null, "date": null, "planned": 24.794520547945208, "status": "no_data", "note": "value overflows" }'
expect "overflow: md" 0 over.md ./tr --data over status --as-of 2024-06-30 --format md
has "overflow: md note" over.md "big: value overflows"
expect "overflow: report" 0 out.txt ./tr --data over report --as-of 2024-06-30 -o over.html
has "overflow: report note" over.html "value overflows"
for f in over.txt over.json over.md over.html; do
  if grep -qiE 'inf|nan' "$f"; then bad "overflow: inf or nan in $f" "$f"; else ok; fi
done
hasnt "overflow: not achieved" over.txt "achieved"
# A value at either end of the doubles: each is a value, the chart has no
# scale to place both, and says so instead of drawing NaN.
printf 'indicator,date,value,reporter\nbig,2024-03-31,1.7e308,alpha\nbig,2024-06-30,-1.7e308,alpha\n' >over/observations.csv
expect "far apart: report" 0 out.txt ./tr --data over report --as-of 2024-06-30 -o far.html
if grep -qiE 'nan|inf"' far.html; then bad "far apart: NaN in the chart" far.html; else ok; fi
has "far apart: said" far.html "too far apart to draw"
# One value that is not a finite number is refused wherever it comes in.
printf 'indicator,date,value,reporter\nbig,2024-03-31,1e309,alpha\nbig,2024-03-31,inf,beta\nbig,2024-06-30,nan,beta\nbig,2024-06-30,-1e400,alpha\n' >nonfinite.csv
expect "non-finite: validate" 1 out.txt ./tr validate nonfinite.csv
has "non-finite: 1e309" out.txt "nonfinite.csv:2: error: the value '1e309' is too large to be a number"
has "non-finite: inf" out.txt "nonfinite.csv:3: error: the value 'inf' is not a number"
has "non-finite: nan" out.txt "nonfinite.csv:4: error: the value 'nan' is not a number"
has "non-finite: -1e400" out.txt "nonfinite.csv:5: error: the value '-1e400' is too large to be a number"
expect "non-finite: import" 1 out.txt ./tr --data nf import nonfinite.csv
expect "non-finite: record" 1 out.txt ./tr --data nf record big 1e309 --on 2024-03-31 --by alpha
[ ! -s nf/observations.csv ] || ! grep -q e30 nf/observations.csv && ok || bad "non-finite: nothing recorded" nf/observations.csv
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
