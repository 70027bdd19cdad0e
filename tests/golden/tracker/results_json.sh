# The results scorecard's JSON keys and the data development agenda.
. ./_results.sh
./rs status --as-of 2024-07-01 --format json
