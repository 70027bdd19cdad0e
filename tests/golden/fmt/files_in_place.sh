# fmt rewrites a file that is not formatted in place, keeping its mode and
# leaving no temporary file; a formatted file is not touched.
. ./_files.sh
touch -d '2000-01-01 00:00' clean.charter
chmod 600 messy.charter
"$CHARTERC" fmt messy.charter clean.charter; echo "[exit $?]"
cat messy.charter
[ "$(date -r clean.charter +%Y)" = 2000 ] && echo "clean.charter not rewritten"
[ "$(stat -c %a messy.charter)" = 600 ] && echo "messy.charter keeps its mode"
ls -A | grep -c tmp || true
