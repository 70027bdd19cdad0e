# --fail-on any with editorial changes only: exit 1.
"$CHARTERC" diff --fail-on any _base.charter title.charter >/dev/null; echo "[exit $?]"
