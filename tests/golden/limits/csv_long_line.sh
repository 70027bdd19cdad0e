# The tracker's `status` reads a ledger with a 20 MB line without trouble
# (a field over the limit of runtime/csv.h is a bad row to `validate`, but
# the ledger is read as it is).
. ./_lib.sh
top=$(cd ../../.. && pwd)
cd "$tmp" || exit 2
"$CHARTERC" tracker "$top/examples/connectivity.charter" -o conn >/dev/null 2>&1 || echo "no tracker"
h='indicator,date,value,reporter,note'
ok='new_users,2021-08-31,520000,globaltel,'
mkdir -p data
{ echo "$h"; printf 'new_users,2021-05-31,180000,globaltel,'; head -c 20000000 /dev/zero | tr '\0' y; echo; echo "$ok"; } >data/observations.csv
./conn status --data data --as-of 2021-12-31 --format json >status.json
echo "[status exit $?]"
grep -o '"id": "new_users", "value": [0-9]*' status.json
