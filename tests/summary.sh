#!/bin/sh
# sh tests/summary.sh RESULTS PART...: adds up the result files that
# tests/run-part.sh wrote under RESULTS for each PART. A part without its
# result (killed, or never run) counts as one failure. The last line is
# "N passed, N failed", with ", N skipped (NAME: reason; ...)" naming every
# skipped part when there is one. Exits 1 when something failed.
results=$1
shift
pass=0 fail=0 skipped=0 names=""
for part in "$@"; do
  r=$results/$part.result
  # The first line of a result: "PART: N passed, N failed[, N skipped]".
  counts=$(sed -n -E '1s/.*: ([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?$/\1 \2 \4/p' "$r" 2>/dev/null)
  if [ -z "$counts" ]; then
    echo "$part: no result (the part did not finish)"
    fail=$((fail + 1))
    continue
  fi
  read -r p f s <<EOF2
$counts
EOF2
  pass=$((pass + p)) fail=$((fail + f)) skipped=$((skipped + ${s:-0}))
  while IFS= read -r l; do
    [ -n "$l" ] || continue   # a part without skips gives one empty line
    names="$names${names:+; }${l#skip }"
  done <<EOF2
$(sed -n '/^skip /p' "$r")
EOF2
done
line="$pass passed, $fail failed"
[ "$skipped" -eq 0 ] || line="$line, $skipped skipped ($names)"
echo "$line"
[ "$fail" -eq 0 ]
