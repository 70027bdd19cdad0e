#!/bin/bash
# The flawed agreements give exactly the findings they promise.
#
# For each flawed agreement, `charterc check --format json` is run and the
# (check, subject) pairs of its findings (allowed ones left out) are
# compared, as sorted lists, with the list written in the file's header
# ("#   CHECK   KIND ID   (why)") and, for tests/flawed/NAME.charter,
# with NAME.expected (CHECK<TAB>KIND ID per line, sorted).
#   - tests/golden/spec/flawed.charter, the first flawed draft written for
#     the language (a small Safe Streets to School agreement with eight
#     findings), also a golden case of its own;
#   - tests/flawed/*.charter.
# Plain sed, no jq: the JSON output prints one finding per line.
# Ends with "N passed, N failed"; exits 1 on a failure.
top=$(cd "$(dirname "$0")/../.." && pwd)
CHARTERC=${CHARTERC:-$top/build/bin/charterc}
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# The header's list: lines "#   check_name   kind id   (comment)".
header_pairs() {
  sed -n 's/^#   \([a-z_][a-z_]*\)  *\([a-z][a-z]*\) \([A-Za-z0-9_.]*\).*/\1 \2 \3/p' "$1" | sort
}

# The findings of the JSON output, one "check kind id" per line.
json_pairs() {
  grep -v '"allowed": true' "$1" |
    sed -n 's/^ *{ "check": "\([^"]*\)",.*, "subject": "\([^"]*\)", "message": .*/\1 \2/p' | sort
}

compare() {   # compare NAME WANT GOT
  if diff -u "$2" "$3" >"$tmp/diff"; then
    ok "$1"
  else
    bad "$1"
    sed 's/^/     /' "$tmp/diff"
  fi
}

check_file() {   # check_file PATH [with-expected]
  f=$1
  name=$(basename "$f" .charter)
  (cd "$(dirname "$f")" && "$CHARTERC" check --format json "$(basename "$f")") >"$tmp/$name.json" 2>"$tmp/$name.err"
  st=$?
  if [ "$st" -eq 2 ] || ! grep -q '"summary"' "$tmp/$name.json"; then
    bad "$name: charterc could not check it (exit $st)"
    cat "$tmp/$name.err"
    return
  fi
  json_pairs "$tmp/$name.json" >"$tmp/$name.got"
  header_pairs "$f" >"$tmp/$name.header"
  if [ ! -s "$tmp/$name.header" ]; then
    bad "$name: no list of findings in its header"
  else
    compare "$name: findings = the header's list" "$tmp/$name.header" "$tmp/$name.got"
  fi
  exp=${f%.charter}.expected
  if [ "$2" = with-expected ]; then
    if [ -f "$exp" ]; then tr '\t' ' ' <"$exp" | sort >"$tmp/$name.exp"; else : >"$tmp/$name.exp"; fi
    compare "$name: findings = $(basename "$exp")" "$tmp/$name.exp" "$tmp/$name.got"
  fi
  # The exit status follows the severities: 1 when an error is among them.
  if grep -q '"severity": "error"' "$tmp/$name.json"; then want=1; else want=0; fi
  if [ "$st" -eq "$want" ]; then ok "$name: exit status $st"; else bad "$name: exit status $st, not $want"; fi
}

check_file "$top/tests/golden/spec/flawed.charter"
for f in "$top"/tests/flawed/*.charter; do
  [ -f "$f" ] || continue
  check_file "$f" with-expected
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
