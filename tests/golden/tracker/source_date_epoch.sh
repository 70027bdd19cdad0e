# SOURCE_DATE_EPOCH sets the calendar's DTSTAMP (reproducible files).  It
# must be whole seconds in digits, at most 253402300799 (9999-12-31
# 23:59:59 UTC, the last time iCalendar can write): anything else is an
# error naming the variable, exit 2, and no calendar is written (a value
# past the limit used to give a negative year; a malformed one used to be
# ignored silently, stamping the current time).
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
"$CHARTERC" tracker "$top/examples/connectivity.charter" -o conn 2>/dev/null
for v in 0 253402300799 253402300800 99999999999999999 -1 1e9 ' 1' 12abc; do
  SOURCE_DATE_EPOCH=$v ./conn calendar -o cal.ics >out.txt 2>&1
  st=$?
  echo "SOURCE_DATE_EPOCH='$v': [exit $st]"
  cat out.txt
  if [ $st -eq 0 ]; then grep -m1 DTSTAMP cal.ics | tr -d '\r'; fi
  rm -f cal.ics
done
