# A file with syntax errors is left as it is (exit 1); the other files are
# formatted.
. ./_files.sh
"$CHARTERC" fmt broken.charter messy.charter; echo "[exit $?]"
cmp -s broken.charter broken.orig && echo "broken.charter unchanged"
cmp -s messy.charter messy.orig || echo "messy.charter formatted"
