# fmt --diff prints a unified diff and writes nothing; exit 0, or 1 with
# --check.
. ./_files.sh
"$CHARTERC" fmt --diff messy.charter clean.charter; echo "[exit $?]"
"$CHARTERC" fmt --diff --check messy.charter >/dev/null; echo "[exit $?]"
cmp -s messy.charter messy.orig && echo "messy.charter unchanged"
