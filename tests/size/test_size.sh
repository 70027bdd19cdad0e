#!/bin/sh
# Size limits of the hand-written C code in compiler/, runtime/ and stdlib/:
# no function over 150 lines, no file over 900 lines. A function that no
# longer fits on a few screens is read by scrolling back and forth; split it
# into the steps it performs instead. Generated code (build/) is not looked
# at. Prints the largest functions and files that remain, so a growing one is
# seen before it crosses the line.
#
# A function is measured from the first line of its definition (the line at
# column 0 that names it) to its closing brace at column 0, both included.
# The code base opens a function's body with a brace alone on a line at
# column 0, and no other block, which is what lets a few lines of awk find
# functions without parsing C; a definition that opens its body on the line
# of its name (`int f(void) {`) would go unmeasured, so it is a failure too.
#
# usage: sh tests/size/test_size.sh [FILE...]   (default: every .c and .h file
# of compiler/, runtime/ and stdlib/). Ends with "N passed, N failed".
FUNC_MAX=150
FILE_MAX=900
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# functions FILE...: one line "LINES FILE:LINE NAME" per function definition
# ("? FILE:LINE NAME" for one whose opening brace is not on a line of its own).
functions() {
  awk '
    FNR == 1 { head = 0; open = 0 }
    /^[A-Za-z_].*\)[ \t]*\{[ \t]*$/ {
      name = $0; sub(/\(.*/, "", name); sub(/.*[ \t*]/, "", name)
      print "?", FILENAME ":" FNR, name
    }
    # A definition starts on a column-0 line that begins with a name and does
    # not end a declaration; remember the last one before the brace.
    /^[A-Za-z_]/ && !/;[ \t]*$/ { head = FNR; text = $0 }
    /^\{/ { start = head ? head : FNR; name = text; open = 1 }
    /^\}/ && open {
      sub(/\(.*/, "", name)
      sub(/.*[ \t*]/, "", name)
      print FNR - start + 1, FILENAME ":" start, name
      open = 0; head = 0
    }' "$@"
}

if [ $# -gt 0 ]; then
  files="$*"
else
  cd "$(dirname "$0")/../.." || exit 2
  files=$(find compiler runtime stdlib -path '*/build' -prune -o -name '*.[ch]' -print | sort)
fi
[ -n "$files" ] || { bad "no C file found under compiler/, runtime/, stdlib/"; echo "$pass passed, $fail failed"; exit 1; }

# The measure itself, on a file made for the purpose: a function of exactly
# the limit passes, one line more is caught, a definition whose parameters
# span two lines is measured from its first line, and one that cannot be
# measured is reported.
{
  echo "static int fits(int a,"
  echo "                int b)"
  echo "{"
  i=4; while [ $i -lt $FUNC_MAX ]; do echo "    a++;"; i=$((i + 1)); done
  echo "}"
  echo ""
  echo "int too_long(void)"
  echo "{"
  i=3; while [ $i -le $FUNC_MAX ]; do echo "    ;"; i=$((i + 1)); done
  echo "}"
  echo "static void hidden(void) {"
  echo "}"
} >"$tmp/probe.c"
functions "$tmp/probe.c" >"$tmp/probe.out"
expect="$FUNC_MAX $tmp/probe.c:1 fits
$((FUNC_MAX + 1)) $tmp/probe.c:$((FUNC_MAX + 2)) too_long
? $tmp/probe.c:$((2 * FUNC_MAX + 3)) hidden"
if [ "$(cat "$tmp/probe.out")" = "$expect" ]; then
  ok "the measure: $FUNC_MAX lines fit, $((FUNC_MAX + 1)) do not"
else
  bad "the measure is wrong on a probe file; expected:"
  echo "$expect"
  echo "got:"
  cat "$tmp/probe.out"
fi

# shellcheck disable=SC2086
functions $files | sort -k1,1nr -k2 >"$tmp/funcs"
if [ ! -s "$tmp/funcs" ]; then
  bad "no function found: has the brace style changed?"
else
  over=$(awk -v max=$FUNC_MAX '$1 == "?" || $1 > max' "$tmp/funcs")
  if [ -z "$over" ]; then
    ok "no function over $FUNC_MAX lines ($(wc -l <"$tmp/funcs") functions)"
  else
    bad "functions over $FUNC_MAX lines (lines, where, name; ? when the opening brace of" \
      "the body is not alone on its line, so that it cannot be measured):"
    echo "$over"
  fi
fi

# shellcheck disable=SC2086
wc -l $files | awk '$2 != "total"' | sort -k1,1nr -k2 >"$tmp/files"
over=$(awk -v max=$FILE_MAX '$1 > max' "$tmp/files")
if [ -z "$over" ]; then
  ok "no file over $FILE_MAX lines ($(wc -l <"$tmp/files") files)"
else
  bad "files over $FILE_MAX lines:"
  echo "$over"
fi

echo "largest functions (limit $FUNC_MAX):"
head -n 5 "$tmp/funcs" | sed 's/^/  /'
echo "largest files (limit $FILE_MAX):"
head -n 5 "$tmp/files" | sed 's/^ *//; s/^/  /'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
