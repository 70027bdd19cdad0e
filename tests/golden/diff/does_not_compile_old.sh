# OLD does not resolve: its errors, exit 2, never "no changes".
"$CHARTERC" diff _undefined.charter _base.charter; echo "[exit $?]"
