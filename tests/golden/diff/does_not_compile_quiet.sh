# A revision that does not compile, with --fail-on and --format json:
# exit 2 and nothing on standard output.
out=$("$CHARTERC" diff --format json --fail-on material _base.charter _undefined.charter 2>/dev/null)
echo "[exit $?] stdout: '$out'"
