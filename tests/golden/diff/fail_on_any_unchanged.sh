# --fail-on any with no change at all: exit 0.
"$CHARTERC" diff --fail-on any _base.charter _base.charter >/dev/null; echo "[exit $?]"
