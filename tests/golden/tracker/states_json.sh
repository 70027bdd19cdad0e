# Every indicator status and milestone state (tests/tracker/states.charter),
# as JSON.
. ./_states.sh
./st import states-observations.csv >/dev/null
./st import states-events.csv >/dev/null
./st status --as-of 2024-07-01 --format json
