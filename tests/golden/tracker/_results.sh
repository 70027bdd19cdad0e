# Sourced by the results*.sh cases: a temporary folder, made the current
# one, holding tests/tracker/results.charter (hand-worked trends and
# forecasts), its tracker ./rs and its ledger.
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cp "$top/tests/tracker/results.charter" "$top/tests/tracker/results-observations.csv" .
"$CHARTERC" tracker results.charter -o rs 2>/dev/null
./rs import results-observations.csv >/dev/null
