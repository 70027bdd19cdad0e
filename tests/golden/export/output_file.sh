# export -o writes the whole export to the file, and leaves a file that
# would not change alone.
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
"$CHARTERC" export full.charter >"$t/a.json"
"$CHARTERC" export full.charter -o "$t/out.json"; echo "[exit $?]"
cmp -s "$t/a.json" "$t/out.json" && echo "-o wrote the same"
touch -d '2000-01-01 00:00' "$t/out.json"
"$CHARTERC" export full.charter -o "$t/out.json"; echo "[exit $?]"
[ "$(date -r "$t/out.json" +%Y)" = 2000 ] && echo "unchanged file not rewritten"
