# The connectivity example's tracker is written, then validates and imports
# the sample data of examples/connectivity-data.
. ./_connectivity.sh
"$CHARTERC" tracker connectivity.charter -o conn 2>&1 | sed 's/(sha256 [0-9a-f]*)/(sha256 ...)/'
./conn validate observations.csv events.csv
./conn import observations.csv
./conn import events.csv
