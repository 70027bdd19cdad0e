#!/bin/sh
# Golden tests: every tests/golden/SUITE/CASE.charter (or CASE.sh) is run and
# its standard output, standard error and exit status are compared with
# CASE.expected using diff -u.
#   CASE.args      the charterc arguments, {} standing for CASE.charter
#                  (default: check {})
#   CASE.sh        a shell script run instead, with $CHARTERC set; one
#                  that exits 77 is skipped (a tool it needs is missing),
#                  its first line of output saying why
# UPDATE=1 rewrites the expectations (review them with git diff); SUITE=NAME
# limits the run to tests/golden/NAME.
# Prints "skip golden/SUITE/CASE: reason" for each skipped case, then
# "golden: N passed, N failed" (", N skipped" when one was), and exits 1 on
# a failure.
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
CHARTERC="$top/$BUILD/bin/charterc"
export CHARTERC NO_COLOR=1 TERM=dumb
pass=0
fail=0
skipped=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for dir in "$top"/tests/golden/${SUITE:-*}/; do
  [ -d "$dir" ] || continue
  for input in "$dir"*.charter "$dir"*.sh; do
    [ -f "$input" ] || continue
    case=${input%.*}
    name=$(basename "$case")
    suite=$(basename "$dir")
    # A .charter that only serves a .sh case of the same name is not a case.
    case $input in *.charter) [ -f "$case.sh" ] && continue ;; esac
    # Inputs used by other cases (named _*.charter) are not cases.
    case $name in _*) continue ;; esac
    expected="$case.expected"
    (
      cd "$dir" || exit 2
      if [ "${input##*.}" = sh ]; then
        sh "$name.sh"
      else
        args="check {}"
        [ -f "$name.args" ] && args=$(cat "$name.args")
        args=$(printf '%s' "$args" | sed "s|{}|$name.charter|g")
        # shellcheck disable=SC2086
        eval "\"\$CHARTERC\" $args"
      fi
      echo "[exit $?]"
    ) >"$tmp" 2>&1
    if [ "${input##*.}" = sh ] && [ "$(tail -n 1 "$tmp")" = "[exit 77]" ]; then
      skipped=$((skipped + 1))
      echo "skip golden/$suite/$name: $(head -n 1 "$tmp")"
      continue
    fi
    if [ -n "$UPDATE" ]; then
      cp "$tmp" "$expected"
      pass=$((pass + 1))
    elif [ -f "$expected" ] && diff -u "$expected" "$tmp" >/dev/null; then
      pass=$((pass + 1))
    else
      fail=$((fail + 1))
      echo "FAIL golden/$suite/$name"
      if [ -f "$expected" ]; then diff -u "$expected" "$tmp" | head -40; else echo "  (no $expected)"; fi
    fi
  done
done
if [ "$skipped" -eq 0 ]; then
  echo "golden: $pass passed, $fail failed"
else
  echo "golden: $pass passed, $fail failed, $skipped skipped"
fi
[ "$fail" -eq 0 ]
