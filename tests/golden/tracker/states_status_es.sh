# The scorecard of every status and state (tests/tracker/states.charter)
# with --lang es: the tracker's words, dates and numbers in Spanish,
# the agreement's ids and requirements as they are.
. ./_states.sh
./st import states-observations.csv >/dev/null
./st import states-events.csv >/dev/null
./st status --as-of 2024-07-01 --lang es
