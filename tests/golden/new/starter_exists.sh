# A second `new` of the same name refuses to overwrite the file, with the
# extension given or not.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
"$CHARTERC" new safe-streets 2>/dev/null
"$CHARTERC" new safe-streets
echo "new again: exit $?"
"$CHARTERC" new safe-streets.charter
echo "new again with the extension: exit $?"
