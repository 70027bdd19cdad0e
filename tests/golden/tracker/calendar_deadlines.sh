# The calendar of tests/tracker/calendar.charter (CRLF shown as \r): a
# deadline per report owed (summer months only, the pantry from its joining
# in July, two weeks of grace), a steering committee on the second Tuesday
# at 10:00, a quarterly board with no day named (moved off 1 January to
# the next working day) and a weekly stand-up on Mondays at 09:30, whose
# first Monday, 1 January 2024, moves to Tuesday 2 January.
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
"$CHARTERC" tracker "$top/tests/tracker/calendar.charter" -o cal 2>/dev/null
SOURCE_DATE_EPOCH=1700000000 ./cal calendar | sed 's/\r$/\\r/'
