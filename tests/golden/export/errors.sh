# An agreement with errors: the errors, exit 1, nothing on standard output.
out=$("$CHARTERC" export _errors.charter); st=$?
echo "[exit $st] stdout: '$out'"
