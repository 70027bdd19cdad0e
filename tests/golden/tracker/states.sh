# Every indicator status and milestone state (tests/tracker/states.charter).
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cp "$top/tests/tracker/states.charter" "$top/tests/tracker/states-observations.csv" \
  "$top/tests/tracker/states-events.csv" .
"$CHARTERC" tracker states.charter -o st 2>/dev/null
./st import states-observations.csv
./st import states-events.csv
./st status --as-of 2024-07-01
./st status --as-of 2024-07-01 --format json
