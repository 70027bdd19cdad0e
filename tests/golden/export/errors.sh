# An agreement with errors: the errors, exit 1, nothing on standard output.
out=$("$CHARTERC" export _errors.charter); st=$?
echo "[exit $st] stdout: '$out'"
"$CHARTERC" export --format yaml full.charter; echo "[exit $?]"
"$CHARTERC" export; echo "[exit $?]"
"$CHARTERC" export missing.charter; echo "[exit $?]"
