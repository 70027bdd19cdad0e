#!/bin/sh
# Runs `charterc check [OPTIONS] INPUT` and leaves out the findings of the
# gap checks (the names `charterc explain --list gap` prints), each with
# its excerpt, notes and hint, so that the cases of this suite show the
# conflicts (and any language error) and do not change when a gap check
# changes.  Exits with charterc's status: gap findings are warnings and
# never change it without --strict.
#   usage: sh _conflicts.sh INPUT [charterc check options]
input=$1
shift
gaps=$("$CHARTERC" explain --list gap) || exit 2
out=$("$CHARTERC" check "$@" "$input" 2>&1)
status=$?
# A finding starts with "FILE:LINE:COL: error|warning: ... [check]"; the
# excerpt and note lines after it belong to it.
printf '%s\n' "$out" | awk -v names="$(echo $gaps)" '
  BEGIN { n = split(names, a, " "); for (i = 1; i <= n; i++) gap[a[i]] = 1; keep = 1 }
  /^[^ ].*:[0-9]+:[0-9]+: (error|warning): / {
    keep = 1
    if (match($0, /\[[a-z_]+\]$/)) keep = !(substr($0, RSTART + 1, RLENGTH - 2) in gap)
  }
  keep { print }'
exit $status
