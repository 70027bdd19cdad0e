# The change committed: HEAD has it (no changes), v1 does not (one
# material change in the JSON).
. ./_against.sh
sed -i 's/commits 200_000 USD/commits 250_000 USD/' agreements/river.charter
git commit -q -am "more money"
"$CHARTERC" diff --against HEAD agreements/river.charter >"$t/out"; st=$?
tail -n 1 "$t/out"; echo "[exit $st]"
"$CHARTERC" diff --format json --against v1 agreements/river.charter >"$t/out"; st=$?
grep -c '"class": "material"' "$t/out"; echo "[exit $st]"
