# Errors, exit 2: an unknown revision, a file not in the revision, a file
# not in a repository, an option given as the revision.
. ./_against.sh
"$CHARTERC" diff --against nosuchrev agreements/river.charter; echo "[exit $?]"
cp agreements/river.charter agreements/new.charter
"$CHARTERC" diff --against v1 agreements/new.charter; echo "[exit $?]"
cp agreements/river.charter "$t/outside.charter"
cp agreements/units.charter "$t/units.charter"
"$CHARTERC" diff --against v1 "$t/outside.charter" >"$t/out" 2>&1; st=$?
sed "s|$t|TMP|g" "$t/out"; echo "[exit $st]"
"$CHARTERC" diff --against=--output=x agreements/river.charter; echo "[exit $?]"
