# The connectivity example's tracker with the sample data shipped in
# examples/connectivity-data: the scorecard in text, JSON and Markdown,
# what is due, and validate on the sample files.
here=$(pwd)
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cp "$top/examples/connectivity.charter" .
"$CHARTERC" tracker connectivity.charter -o conn 2>&1 | sed 's/(sha256 [0-9a-f]*)/(sha256 ...)/'
cp "$top/examples/connectivity-data/observations.csv" "$top/examples/connectivity-data/events.csv" .
./conn validate observations.csv events.csv
./conn import observations.csv
./conn import events.csv
echo "== status"
./conn status --as-of 2022-06-30
echo "== status --format json"
./conn status --as-of 2022-06-30 --format json
echo "== status --format md"
./conn status --as-of 2022-06-30 --format md
echo "== due --within 3months"
./conn due --as-of 2022-06-30 --within 3months
echo "== due --partner ministry --within '1 year'"
./conn due --as-of 2022-06-30 --partner ministry --within '1 year'
