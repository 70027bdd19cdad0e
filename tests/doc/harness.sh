# harness.sh - what the document test scripts share, read with `.` by
# each: the paths (top, CHARTERC), a temporary folder removed at exit, the
# counters pass, fail and skipped, and ok, skip, bad and check, which add
# to them; `finish` prints the summary line tests/run-part.sh reads
# ("N passed, N failed[, N skipped]") and exits with the verdict.
top=$(cd "$(dirname "$0")/../.." && pwd)
CHARTERC=${CHARTERC:-$top/build/bin/charterc}
export NO_COLOR=1
pass=0
fail=0
skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
skip() { skipped=$((skipped + 1)); echo "skip $1: $2"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() {   # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then ok; else bad "$what"; fi
}

finish() {
  if [ "$skipped" -gt 0 ]; then
    echo "$pass passed, $fail failed, $skipped skipped"
  else
    echo "$pass passed, $fail failed"
  fi
  [ "$fail" -eq 0 ]
  exit
}
