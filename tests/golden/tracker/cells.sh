# Targets for breakdown cells (tests/tracker/cells.charter), as of
# 2024-06-30: 181 of the plan's 730 days, from the indicators' baselines of
# 0 (so 0 in every cell).  enrolled north = 120 (city) + 40 (clinic) = 160
# against 600 x 181/730 = 148.77: on track; south = 150 + 10 = 160 against
# 99.18: on track.  mentored female = 20 (north) + 3 (south) = 23 against
# 24.79: behind.  With --min-cell 30 the personal-data cell is suppressed.
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cp "$top/tests/tracker/cells.charter" "$top/tests/tracker/cells-observations.csv" .
"$CHARTERC" tracker cells.charter -o ce 2>/dev/null
./ce import cells-observations.csv >/dev/null
./ce status --as-of 2024-06-30 | sed -n '/^Targets/,/^$/p'
./ce status --as-of 2024-06-30 --format json | sed -n '/^  "cells"/,/^  \]/p'
./ce status --as-of 2024-06-30 --format md --min-cell 30 | sed -n '/^## Targets/,/^## Partners/p'
