# Every kind of bad row, reported with its file and line in one run.
here=$(pwd)
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
"$CHARTERC" tracker "$top/examples/connectivity.charter" -o conn 2>/dev/null
cp "$here/_bad_observations.csv" observations.csv
cp "$here/_bad_events.csv" events.csv
./conn validate observations.csv events.csv
echo "[validate exit $?]"
./conn import observations.csv
echo "[import exit $?]"
ls connectivity-data 2>/dev/null || echo "no ledger was made"
