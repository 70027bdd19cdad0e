# harness.sh - what the tracker's test scripts share, read with `.` by
# each: the paths (top, BUILD, CHARTERC, here), a temporary folder that
# becomes the working folder and is removed at exit, and the assertions,
# each adding to pass or fail.  A script ends with `finish`, whose last
# line "N passed, N failed" tests/run-part.sh reads.
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
same() {
  if cmp -s "$2" "$3"; then ok; else bad "$1: $2 and $3 differ"; fi
}
finish() {
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}

cd "$tmp" || exit 2
