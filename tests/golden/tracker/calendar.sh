# The iCalendar file of the connectivity example (CRLF shown as \r).
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
"$CHARTERC" tracker "$top/examples/connectivity.charter" -o conn 2>/dev/null
SOURCE_DATE_EPOCH=1656547200 ./conn calendar | sed 's/\r$/\\r/'
