# Errors of use exit 2 with one sentence: an unknown format, no file, a
# missing file.
"$CHARTERC" export --format yaml full.charter; echo "[exit $?]"
"$CHARTERC" export; echo "[exit $?]"
"$CHARTERC" export missing.charter; echo "[exit $?]"
