# The tracker's CSV limits (runtime/csv.h): a field of at most 64 KiB, at
# most 256 fields in a record, no NUL byte, quotes closed, numbers within
# a double's range.  `validate` reports each bad row with its line and
# goes on.
. ./_lib.sh
top=$(cd ../../.. && pwd)
cd "$tmp" || exit 2
"$CHARTERC" tracker "$top/examples/connectivity.charter" -o conn >/dev/null 2>&1 || echo "no tracker"
h='indicator,date,value,reporter,note'
ok='new_users,2021-08-31,520000,globaltel,'
{ echo "$h"; printf 'new_users,2021-05-31,180000,globaltel,"'; head -c 65537 /dev/zero | tr '\0' x; printf '"\n'; echo "$ok"; } >field.csv
{ echo "$h"; printf 'new_users,2021-05-31,180000,globaltel'; i=0; while [ $i -lt 300 ]; do printf ',x'; i=$((i + 1)); done; echo; echo "$ok"; } >fields.csv
{ echo "$h"; printf 'new_users,2021-05-31,18\0000,globaltel,\n'; echo "$ok"; } >nul.csv
{ echo "$h"; echo "new_users,2021-05-31,1e999,globaltel,"; printf 'new_users,2021-06-30,'; head -c 300 /dev/zero | tr '\0' 9; echo ",globaltel,"; echo "new_users,2021-07-31,nan,globaltel,"; echo "$ok"; } >numbers.csv
{ echo "$h"; echo "$ok"; echo 'new_users,2021-09-30,1,globaltel,"never closed'; echo "$ok"; } >quote.csv
for f in field fields nul numbers quote; do
  ./conn validate $f.csv
  echo "[validate $f exit $?]"
done
