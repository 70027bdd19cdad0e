# --fail-on material with editorial changes only: exit 0.
"$CHARTERC" diff --fail-on material _base.charter title.charter >/dev/null; echo "[exit $?]"
