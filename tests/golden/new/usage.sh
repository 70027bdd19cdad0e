# new needs one NAME.
"$CHARTERC" new
echo "[no name: exit $?]"
"$CHARTERC" new --help | head -n 1
