# Errors of use exit 2: a missing file, no file, an unknown option, - twice.
. ./_files.sh
"$CHARTERC" fmt missing.charter; echo "[exit $?]"
"$CHARTERC" fmt; echo "[exit $?]"
"$CHARTERC" fmt --chek x; echo "[exit $?]"
"$CHARTERC" fmt - - </dev/null; echo "[exit $?]"
