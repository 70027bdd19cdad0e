# A revision that does not compile: its errors, exit 2, never "no changes".
echo "--- NEW has a syntax error"
"$CHARTERC" diff _base.charter _broken.charter; echo "[exit $?]"
echo "--- OLD does not resolve"
"$CHARTERC" diff _undefined.charter _base.charter; echo "[exit $?]"
echo "--- even with --fail-on and --format json, nothing on standard output"
out=$("$CHARTERC" diff --format json --fail-on material _base.charter _undefined.charter 2>/dev/null)
echo "[exit $?] stdout: '$out'"
