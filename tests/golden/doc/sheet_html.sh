# One partner's commitment sheet, as HTML (-o ending in .html picks the format).
d=$(mktemp -d)
"$CHARTERC" doc ../../../examples/connectivity.charter --partner access_for_all -o "$d/sheet.html"
echo "[doc exit $?]"
cat "$d/sheet.html"
rm -rf "$d"
