# A file with language errors: messages on stderr, exit 1, nothing written.
d=$(mktemp -d)
"$CHARTERC" doc _broken.charter -o "$d/agreement.md"
echo "[doc exit $?]"
"$CHARTERC" doc _broken.charter --format html --partner p -o "$d/sheet.html"
echo "[doc --partner exit $?]"
"$CHARTERC" graph _broken.charter -o "$d/schedule.svg"
echo "[graph exit $?]"
"$CHARTERC" build _broken.charter -o "$d/out"
echo "[build exit $?]"
echo "files written: $(ls -A "$d" | wc -l)"
rm -rf "$d"
