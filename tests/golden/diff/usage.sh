# Errors of use exit 2 with one sentence: a bad --fail-on, a bad format,
# one file only, - twice, a missing file.
"$CHARTERC" diff --fail-on everything _base.charter title.charter; echo "[exit $?]"
"$CHARTERC" diff --format xml _base.charter title.charter; echo "[exit $?]"
"$CHARTERC" diff _base.charter; echo "[exit $?]"
"$CHARTERC" diff - - </dev/null; echo "[exit $?]"
"$CHARTERC" diff _base.charter missing.charter; echo "[exit $?]"
