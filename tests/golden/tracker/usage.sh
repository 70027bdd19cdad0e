# charterc tracker --help, and its usage error.
"$CHARTERC" tracker --help
"$CHARTERC" tracker
echo "[exit $?]"
