# The longest duration is 1000 years (DURATION_MAX_YEARS) in any unit:
# 365242 days, 52177 weeks, 12000 months, 4000 quarters, 1000 years.  One
# more is a limit error at the duration, in `withdrawal`, `frequency every`
# and a meeting's `every` alike (2^31 - 1 days overflowed the date
# arithmetic, undefined behaviour, and a check that adds a frequency to a
# date could lose its finding).
. ./_lib.sh
durations() {   # durations DAYS WEEKS MONTHS QUARTERS YEARS
  printf 'agreement a "A" {\n  term 2025-01-01 to 2026-12-31\n'
  printf '  withdrawal %s days notice\n}\n' "$1"
  printf 'communication {\n  meeting m "M" every %s weeks with all\n}\n' "$2"
  printf 'indicator i "I" {\n  unit people\n  frequency every %s months\n}\n' "$3"
  printf 'indicator j "J" {\n  unit people\n  frequency every %s quarters\n}\n' "$4"
  printf 'indicator k "K" {\n  unit people\n  frequency every %s years\n}\n' "$5"
}
durations 365242 52177 12000 4000 1000 >"$tmp/max.charter"
accepted max.charter
durations 365243 52178 12001 4001 1001 >"$tmp/over.charter"
run over.charter
durations 2147483647 2147483648 1e300 4001 1001 >"$tmp/huge.charter"
run huge.charter 2>&1 | grep 'error:'
