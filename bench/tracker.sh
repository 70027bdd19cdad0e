#!/bin/sh
# bench/tracker.sh - `make bench-tracker`: the tracker's `status` against
# awk -F, '{s[$1]+=$3}' over the same observations.csv, side by side, and
# the peak memory of `status` as the ledger grows (it must not grow with
# the rows).  A generated agreement of SCALE (default 10: 2,000 indicators,
# 1,000 partners) and ledgers of 100,000, 1,000,000 and 3,000,000 rows
# (bench/gen.c).  Times are medians of RUNS runs (default 5): wall clock and
# CPU (user + system); the machine may be shared, and wall time suffers
# first.  Files go to $BUILD/bench-tracker.
set -u
BUILD=${BUILD:-build}
RUNS=${RUNS:-5}
SCALE=${SCALE:-10}
CC=${CC:-cc}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
CHARTERC="$top/$BUILD/bin/charterc"
out="$top/$BUILD/bench-tracker"
mkdir -p "$out"
[ -x "$CHARTERC" ] || { echo "bench: no $CHARTERC; run make first" >&2; exit 2; }
$CC -std=c11 -O2 -o "$out/gen" bench/gen.c || exit 2
$CC -std=c11 -O2 -o "$out/measure" bench/measure.c || exit 2
M="$out/measure"
field() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "inf" }'; }

"$out/gen" agreement "$SCALE" -o "$out/agreement.charter" || exit 2
"$out/gen" events "$SCALE" -o "$out/events.csv" || exit 2
"$CHARTERC" tracker "$out/agreement.charter" -o "$out/tracker" 2>/dev/null || exit 2
echo "Machine: $(nproc) CPUs, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1);" \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Agreement: gen agreement $SCALE ($(wc -c <"$out/agreement.charter") bytes);" \
     "medians of $RUNS runs"
echo
echo "| rows | status wall (CPU) | peak memory | awk wall (CPU) | status / awk (wall, CPU) |"
echo "|---:|---:|---:|---:|---:|"
for rows in 100000 1000000 3000000; do
  d="$out/ledger-$rows"
  mkdir -p "$d"
  [ -f "$d/observations.csv" ] || "$out/gen" observations "$SCALE" "$rows" -o "$d/observations.csv" || exit 2
  cp "$out/events.csv" "$d/events.csv"
  s=$("$M" -n "$RUNS" -o /dev/null -- "$out/tracker" status --data "$d" --as-of 2027-12-31 --format json)
  a=$("$M" -n "$RUNS" -o /dev/null -- awk -F, '{s[$1]+=$3}' "$d/observations.csv")
  echo "| $rows | $(field wall "$s") s ($(field cpu "$s")) | $(($(field rss_kb "$s") / 1024)) MiB |" \
       "$(field wall "$a") s ($(field cpu "$a")) |" \
       "$(ratio "$(field wall "$s")" "$(field wall "$a")"), $(ratio "$(field cpu "$s")" "$(field cpu "$a")") |"
done
mkdir -p "$out/empty"
echo "indicator,date,value,reporter" >"$out/empty/observations.csv"
e=$("$M" -n "$RUNS" -o /dev/null -- "$out/tracker" status --data "$out/empty" --as-of 2027-12-31 --format json)
echo
echo "An empty ledger (start-up and compiling the agreement): $(field wall "$e") s ($(field cpu "$e")), $(($(field rss_kb "$e") / 1024)) MiB."
