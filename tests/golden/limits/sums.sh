# Every number literal is finite, and so must be the sums Charter makes of
# them: per unit, the commitments added up, the budgets added up, and the
# difference between the two; per indicator, the distance between its
# lowest and highest planned value (the plan is interpolated between them).
# A sum past the largest double (about 1.8e308) is an invalid_number error
# naming the numbers; two `commits 1e308 hours` used to print "inf hours"
# and "-nan hours" in the agreement with no finding.  Sums just below the
# limit are accepted, and the documents print them in full.
. ./_lib.sh
partners() {   # partners A B: two partners committing A and B hours
  head_agreement
  printf 'partner p "P" {\n  commits %s hours\n}\n' "$1"
  printf 'partner q "Q" {\n  commits %s hours\n}\n' "$2"
}
partners 8e307 9e307 >"$tmp/max.charter"
accepted max.charter
( cd "$tmp" && "$CHARTERC" doc max.charter -o max.md && "$CHARTERC" export max.charter >max.json )
echo "inf or nan in the outputs: $(cat "$tmp/max.md" "$tmp/max.json" | grep -ciw 'inf\|nan')"
partners 1e308 1e308 >"$tmp/commits.charter"
run commits.charter
{ partners 1 2
  printf 'activity x "X" {\n  lead p\n  budget 1.5e308 hours\n  budget 1e308 hours from q\n}\n'
} >"$tmp/budgets.charter"
run budgets.charter
{ partners -1e308 1
  printf 'activity x "X" {\n  lead p\n  budget 1e308 hours\n}\n'
} >"$tmp/apart.charter"
run apart.charter
{ head_agreement
  printf 'indicator i "I" {\n  unit people\n  direction up\n  baseline -1e308 on 2025-01-01\n'
  printf '  target 0 by 2025-06-01\n  target 1e308 by 2026-01-01\n}\n'
} >"$tmp/plan.charter"
run plan.charter
( cd "$tmp" && "$CHARTERC" doc commits.charter -o commits.md ) >"$tmp/out" 2>&1
echo "[exit $?]"
tail -1 "$tmp/out"
