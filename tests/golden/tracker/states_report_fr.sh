# The dashboard of every status and state (tests/tracker/states.charter)
# with --lang fr, to standard output.
. ./_states.sh
./st import states-observations.csv >/dev/null
./st import states-events.csv >/dev/null
./st report --as-of 2024-07-01 --lang fr -o -
