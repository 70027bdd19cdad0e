# An indicator whose baseline (2023-07-01) is before the term (2024-01-01)
# owes no report before the term: on the term's first day nothing is
# missing, and the current month is coming, not also missing.
. ./_obligations.sh
./ob status --as-of 2024-01-01 --format json | grep -E '"(enrolled|city|pantry|clinic)"'
./ob due --as-of 2024-01-01 --within '2 months' --partner city
