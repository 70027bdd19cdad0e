#!/bin/sh
# Runs `charterc check [OPTIONS] INPUT` and leaves out the findings of the
# gap checks (CHECKS.md, Gaps), each with its excerpt, notes and hint, so
# that the cases of this suite show the conflicts (and any language error)
# and do not change when a gap check changes.  Exits with charterc's
# status: gap findings are warnings and never change it without --strict.
#   usage: sh _conflicts.sh INPUT [charterc check options]
input=$1
shift
gaps="agenda_missing problem_missing need_unaddressed lead_missing scope_missing
  term_missing sector_diversity incentive_missing signatory_missing partner_idle
  measurement_missing goal_unmeasured indicator_orphan indicator_incomplete
  partner_not_reporting too_many_indicators goal_unsupported activity_unlinked
  communication_missing partner_uncovered feedback_missing learning_missing
  backbone_missing backbone_function_unassigned milestone_unowned milestone_undated
  governance_missing exit_terms_missing data_sharing_missing"
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
