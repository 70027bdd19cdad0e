# Sourced by the connectivity_*.sh cases: a temporary folder, made the
# current one, holding the connectivity example and the sample data of
# examples/connectivity-data. `ledger` builds its tracker ./conn and imports
# the sample data, saying nothing.
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cp "$top/examples/connectivity.charter" .
cp "$top/examples/connectivity-data/observations.csv" "$top/examples/connectivity-data/events.csv" .
ledger() {
  "$CHARTERC" tracker connectivity.charter -o conn >/dev/null 2>&1
  ./conn import observations.csv >/dev/null
  ./conn import events.csv >/dev/null
}
