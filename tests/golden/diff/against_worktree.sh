# A material change in the working tree, against v1 from the repository's
# top and against HEAD from the subfolder (with --fail-on material).
. ./_against.sh
sed -i 's/commits 200_000 USD/commits 250_000 USD/' agreements/river.charter
"$CHARTERC" diff --against v1 agreements/river.charter; echo "[exit $?]"
(cd agreements && "$CHARTERC" diff --fail-on material --against HEAD river.charter >/dev/null; echo "[exit $?]")
