# Sourced by the states*.sh cases: a temporary folder, made the current
# one, holding tests/tracker/states.charter (every indicator status and
# milestone state), its tracker ./st and its data files.
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
cp "$top/tests/tracker/states.charter" "$top/tests/tracker/states-observations.csv" \
  "$top/tests/tracker/states-events.csv" .
"$CHARTERC" tracker states.charter -o st 2>/dev/null
# The catalogues of --lang: the build tree's (the tracker lies outside it).
CHARTER_LOCALEDIR=$(cd "$(dirname "$CHARTERC")/../locale" && pwd)
export CHARTER_LOCALEDIR
