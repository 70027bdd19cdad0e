# Sourced by the obligations*.sh cases: a temporary folder, made the current
# one, holding tests/tracker/obligations.charter (reporting obligations
# worked by hand), its tracker ./ob and its ledger.
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cp "$top/tests/tracker/obligations.charter" "$top/tests/tracker/obligations-observations.csv" .
"$CHARTERC" tracker obligations.charter -o ob 2>/dev/null
./ob import obligations-observations.csv >/dev/null
