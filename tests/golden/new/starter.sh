# `charterc new` writes a valid starter agreement; `check` then walks the
# facilitator through what to fill in (warnings only, no language error).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
"$CHARTERC" new safe-streets
echo "new: exit $?"
"$CHARTERC" check safe-streets.charter
echo "check: exit $?"
"$CHARTERC" check --format json safe-streets.charter | tail -n 1
