# The tracker of valid/shared_names.charter: the ledger names indicators
# (`summer_meals`, also a need, an activity and a milestone there) and
# milestones by their own kind, and reporters are partners (`schools`, also
# a unit).
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cp "$top/tests/golden/valid/shared_names.charter" "$top/tests/golden/valid/_shared_names_national.charter" .
"$CHARTERC" tracker shared_names.charter -o meals >/dev/null 2>&1 || exit 2
cat >observations.csv <<'CSV'
indicator,date,value,reporter,note
summer_meals,2026-06-30,21000,schools,
summer_meals,2026-09-30,64000,schools,
sites,2026-06-30,3,schools,
sites,2026-06-30,2,community,
sites,2026-06-30,2,policy,
CSV
cat >events.csv <<'CSV'
milestone,date,status,by,note
summer_meals,2026-09-25,done,schools,
CSV
./meals import observations.csv
./meals import events.csv
./meals status --as-of 2026-09-30
./meals due --as-of 2026-09-30 --within 6months
