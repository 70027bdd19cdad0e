# NEW has a syntax error: its errors, exit 2, never "no changes".
"$CHARTERC" diff _base.charter _broken.charter; echo "[exit $?]"
