#!/bin/sh
# Tests of the tracker's CSV readers against files as people and
# spreadsheets write them: a ledger left unreadable by a hand edit (an
# unclosed quote), which record, import and done must refuse to append
# to. Each case names what it guards against.
# Run by tests/run-all.sh (`make test`); ends with "N passed, N failed".
top=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$top/$BUILD ;; esac
CHARTERC=${CHARTERC:-$BUILD/bin/charterc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NO_COLOR=1 LC_ALL=C
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
same() {
  if cmp -s "$2" "$3"; then ok; else bad "$1: $2 and $3 differ"; fi
}

cd "$tmp" || exit 2
"$CHARTERC" tracker "$top/examples/connectivity.charter" -o conn >/dev/null 2>&1 ||
  { echo "cannot build the tracker"; echo "0 passed, 1 failed"; exit 1; }
sample=$top/examples/connectivity-data

# ---- a ledger that does not parse is never appended to -----------------------
# A hand edit left a quote open on line 27: every row appended after it
# would sit inside the quoted field, unseen by status and validate, and a
# conflicting value would be accepted.
mkdir -p q
cp "$sample/observations.csv" "$sample/events.csv" q/
printf 'new_users,2021-12-31,5,globaltel,"unclosed\n' >>q/observations.csv
printf 'agreement_signed,2021-06-24,done,itu,"unclosed\n' >>q/events.csv
cp q/observations.csv obs.before
cp q/events.csv ev.before
expect "record after an unclosed quote is refused" 1 out.txt \
  ./conn record new_users 7 --on 2022-01-31 --by globaltel --data q
has "record names the ledger's line" out.txt "q/observations.csv:27: error: field 5 opens a quote"
has "record says nothing was recorded" out.txt "nothing was recorded"
same "record left the ledger as it was" q/observations.csv obs.before
printf 'indicator,date,value,reporter\nnew_users,2022-01-31,7,globaltel\n' >new.csv
expect "import after an unclosed quote is refused" 1 out.txt ./conn import new.csv --data q
has "import names the ledger's line" out.txt "q/observations.csv:27: error:"
has "import says nothing was imported" out.txt "nothing was imported"
same "import left the ledger as it was" q/observations.csv obs.before
expect "done after an unclosed quote is refused" 1 out.txt \
  ./conn done agreement_signed --on 2021-06-24 --by itu --data q
has "done names the ledger's line" out.txt "q/events.csv:3: error: field 5 opens a quote"
same "done left the ledger as it was" q/events.csv ev.before
# A stray quote inside a field (not fatal to the reader) is refused too.
cp "$sample/observations.csv" q/observations.csv
printf 'new_users,2021-12-31,5,glo"baltel,\n' >>q/observations.csv
cp q/observations.csv obs.before
expect "record after a stray quote is refused" 1 out.txt \
  ./conn record new_users 7 --on 2022-01-31 --by globaltel --data q
has "the stray quote is named" out.txt "q/observations.csv:27: error: field 4 has a stray double quote"
same "the ledger with a stray quote is unchanged" q/observations.csv obs.before
# Once corrected, the same record goes in.
cp "$sample/observations.csv" q/observations.csv
expect "record into the corrected ledger" 0 out.txt \
  ./conn record new_users 7 --on 2022-01-31 --by globaltel --data q

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
