# NEW read from standard input (-).
"$CHARTERC" diff _base.charter - <term.charter | head -n 6; echo "[exit $?]"
