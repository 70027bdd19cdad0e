# A partner joining in the second year (clinic, `joins 2025-01-01`) owes
# the quarterly screenings only from 2025: in 2024 nothing of it is
# missing, and its first quarter of 2025 is reported.
. ./_obligations.sh
./ob status --as-of 2024-12-31 --format json | grep -E '"(city|clinic)"'
./ob status --as-of 2025-07-31 --format json | grep -E '"(city|clinic)"'
./ob due --as-of 2025-07-31 --within 3 --partner clinic
