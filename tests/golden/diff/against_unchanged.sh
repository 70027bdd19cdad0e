# --against v1 with the working tree as v1 left it: no changes.
. ./_against.sh
"$CHARTERC" diff --against v1 agreements/river.charter; echo "[exit $?]"
