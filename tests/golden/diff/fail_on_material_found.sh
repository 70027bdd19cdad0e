# --fail-on material with a material change: exit 1.
"$CHARTERC" diff --fail-on material _base.charter commitment.charter >/dev/null; echo "[exit $?]"
