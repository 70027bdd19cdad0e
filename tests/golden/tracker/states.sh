# Every indicator status and milestone state (tests/tracker/states.charter),
# imported, as text.
. ./_states.sh
./st import states-observations.csv
./st import states-events.csv
./st status --as-of 2024-07-01
