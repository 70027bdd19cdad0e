# A summer-only monthly indicator with yearly totals: 60,000 meals per
# summer (June to August), reported monthly.  After a summer that served
# 13,800 + 15,700 + 13,600 = 43,100 the scorecard reads 43,100 against the
# 60,000 planned for the summer (72%, behind), not the last month's 13,600.
# Within a summer the plan is the target spread over its three months
# (20,000 by the end of June); out of season no report is owed.
. ./_obligations.sh
for d in 2024-07-15 2024-10-01 2025-05-01 2025-07-15; do
  ./ob status --as-of "$d" | grep -E '^  (indicator|summer_meals) '
done
./ob status --as-of 2024-10-01 --format json | grep -E '"(summer_meals|pantry)"'
./ob due --as-of 2025-05-01 --within '4 months' --partner pantry
