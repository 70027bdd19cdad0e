#!/bin/sh
# bench/run.sh - `make bench`: speed and memory against their targets, side by side,
# on two shapes of agreement: the spread one of bench/gen.c (long
# declarations, prose) and the dense one of bench/dense.c (many short
# declarations).  For each shape:
#
#   1. charterc check on a generated agreement of at least 10 MB against a
#      bare flex tokenizer of the same file (bench/tokens.l, the lexing
#      floor)                                          target: ratio <= 5
#   2. the same at a tenth of the size: 10x the input  target: <= 12x the time
#   3. peak memory of check against the source size    target: <= 10x
#   4. doc and tracker build times on the big agreement (not targets)
#   5. the tracker's status on 1,000,000 observation rows against
#      awk -F, '{s[$1]+=$3}' on the same file           target: ratio <= 0.5
#   6. the language server, `charterc lsp`: from a didChange to the
#      publishDiagnostics of its version (bench/lsp_change.py), on the
#      shape's smallest agreement (about 300 lines)   target: <= 20 ms
#      and on its big agreement of step 1              target: <= 1 s
#
# Every target on time is judged on CPU time (user + system), the median of
# RUNS runs (default 5); wall-clock time is printed beside it.  CPU time is
# what another process's load disturbs least on a shared machine, and it
# counts every thread: a second thread cannot be what meets a target.  Peak
# memory is the largest maximum resident set size of the runs (wait4's
# rusage: what /usr/bin/time -f %M prints).  Generated files go to
# $BUILD/bench; the figures also go to $BUILD/bench/results.md (copy them
# into bench/RESULTS.md).
#
# Environment: BUILD (default build), RUNS (default 5), SCALE (default 33,
# the smallest spread scale above 10 MiB), DENSE_SCALE (default 100, 12 MB),
# ROWS (default 1000000), TRACKER_SCALE (default 10, both shapes), SHAPES
# (default "spread dense"), LSP_CHANGES (default 11, the changes timed in
# step 6), CC (default cc).
set -u
BUILD=${BUILD:-build}
RUNS=${RUNS:-5}
SCALE=${SCALE:-33}
DENSE_SCALE=${DENSE_SCALE:-100}
SHAPES=${SHAPES:-spread dense}
ROWS=${ROWS:-1000000}
TRACKER_SCALE=${TRACKER_SCALE:-10}
LSP_CHANGES=${LSP_CHANGES:-11}
CC=${CC:-cc}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
CHARTERC="$top/$BUILD/bin/charterc"
out="$top/$BUILD/bench"
mkdir -p "$out"
res="$out/results.md"
: >"$res"
fails=0

say() { printf '%s\n' "$*"; printf '%s\n' "$*" >>"$res"; }
die() { echo "bench: $*" >&2; exit 2; }
# ratio A B [DECIMALS]: A / B with two decimals, or DECIMALS (a judged
# ratio is shown with three: the verdict is on A / B itself, never on its
# rounding, so a shown "0.500" may be missed by a hair)
ratio() {
  awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { if (b > 0) printf "%." d "f", a / b; else print "inf" }'
}
# le A B: exit 0 when A <= B
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
verdict() {   # verdict VALUE LIMIT: sets V (not in $(...): it counts misses)
  if le "$1" "$2"; then V="met"; else fails=$((fails + 1)); V="MISSED"; fi
}
# verdict_ratio A B LIMIT: verdict on A / B unrounded
verdict_ratio() {
  verdict "$(ratio "$1" "$2" 9)" "$3"
}
# field NAME LINE: the value of NAME=... in a measure line
field() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
kb() { awk -v b="$1" 'BEGIN { if (b < 1e6) printf "%.1f KB", b / 1e3; else printf "%.1f MB", b / 1e6 }'; }
# ms NAME LINE: the time NAME=SECONDS of a measure line, in milliseconds
ms() { awk -v s="$(field "$1" "$2")" 'BEGIN { printf "%.1f ms", s * 1000 }'; }

[ -x "$CHARTERC" ] || die "no $CHARTERC; run make first"
command -v flex >/dev/null || die "flex is needed for the tokenizer"

# ---- tools ------------------------------------------------------------------
$CC -std=c11 -O2 -o "$out/gen" bench/gen.c || die "cannot build bench/gen.c"
$CC -std=c11 -O2 -o "$out/dense" bench/dense.c || die "cannot build bench/dense.c"
$CC -std=c11 -Wall -Wextra -O2 -o "$out/measure" bench/measure.c || die "cannot build measure"
flex -o "$out/tokens.c" bench/tokens.l && $CC -std=c11 -O2 -w -o "$out/tokens" "$out/tokens.c" ||
  die "cannot build the tokenizer"
M="$out/measure"

# ---- the report's head ------------------------------------------------------
ncpu=$(nproc 2>/dev/null || echo "?")
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
memt=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
say "## charterc bench, $(date -u +%Y-%m-%d) (commit $(git rev-parse --short HEAD 2>/dev/null || echo ?))"
say ""
say "Machine: $ncpu CPUs, ${cpu:-unknown CPU}, ${memt:-? GB} memory; $(uname -sr);" \
    "load average at start $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)."
say "Times are medians of $RUNS runs: wall clock (CPU = user + system).  Every time"
say "target is judged on CPU time (in bold), which another process's load disturbs"
say "much less than wall-clock time, and which counts every thread."
say ""

# The commands of a comparison take turns, one run each per round, so that
# a change in the machine's load (it is shared) falls on all of them alike;
# then the median of each.
series() {   # series NAME COMMAND...: one more run, appended to $out/NAME.runs
  n=$1
  shift
  "$M" -n 1 -- "$@" >>"$out/$n.runs"
}
median() {   # median NAME: a measure line with the medians of NAME's runs
  awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1], NR] = kv[2] } }
       END {
         n = split("wall cpu", keys, " ")
         for (k = 1; k <= n; k++) {
           m = 0
           for (r = 1; r <= NR; r++) a[++m] = v[keys[k], r] + 0
           for (i = 2; i <= m; i++) { x = a[i]; j = i - 1; while (j > 0 && a[j] > x) { a[j + 1] = a[j]; j-- } a[j + 1] = x }
           med = m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
           printf "%s=%.4f ", keys[k], med
         }
         rss = 0; st = 0
         for (r = 1; r <= NR; r++) { if (v["rss_kb", r] + 0 > rss) rss = v["rss_kb", r] + 0; st = v["status", r] }
         printf "rss_kb=%d status=%s\n", rss, st
       }' "$out/$1.runs"
}
row() {   # row LABEL BIGLINE SMALLLINE
  say "| $1 | $(field wall "$2") s ($(field cpu "$2")) | $(field wall "$3") s ($(field cpu "$3")) | | | |"
}
has() { "$CHARTERC" "$1" --help >/dev/null 2>&1; }

# ---- 1-4: the front end on one shape -----------------------------------------
# front SHAPE GENERATOR SCALE
front() {
  shape=$1 gen=$2 scale=$3
  small_scale=$(awk -v s="$scale" 'BEGIN { printf "%g", s / 10 }')
  big="$out/$shape-$scale.charter"
  small="$out/$shape-$small_scale.charter"
  "$out/$gen" agreement "$scale" -o "$big" || die "$gen failed"
  "$out/$gen" agreement "$small_scale" -o "$small" || die "$gen failed"
  big_bytes=$(wc -c <"$big")
  small_bytes=$(wc -c <"$small")
  decls=$(grep -c '^[a-z]' "$big")
  # Findings would mean the generator and the checks disagree: say so, it
  # changes what check does (it prints them), but go on.
  for f in "$big" "$small"; do
    n=$("$CHARTERC" check --format json "$f" 2>/dev/null | grep -o '"allowed": false' | wc -l)
    "$CHARTERC" check "$f" >/dev/null 2>&1
    st=$?
    [ "$st" -eq 0 ] && [ "$n" -eq 0 ] || echo "note: check $(basename "$f") exits $st with $n findings" >&2
  done
  rm -f "$out"/*.runs
  i=0
  while [ $i -lt "$RUNS" ]; do
    series tb "$out/tokens" "$big"
    series cb "$CHARTERC" check "$big"
    series ts "$out/tokens" "$small"
    series cs "$CHARTERC" check "$small"
    i=$((i + 1))
  done
  tb=$(median tb)
  ts=$(median ts)
  cb=$(median cb)
  cs=$(median cs)
  tokens=$("$out/tokens" "$big" | cut -d' ' -f1)

  say "### The $shape shape: \`$gen agreement $scale\` ($decls top-level statements)"
  say ""
  say "| measure | $(mb "$big_bytes") ($scale) | $(mb "$small_bytes") ($small_scale) | ratio | target | |"
  say "|---|---:|---:|---:|---:|---|"
  row "flex tokenizer ($tokens tokens)" "$tb" "$ts"
  row "\`charterc check\`" "$cb" "$cs"
  r1=$(ratio "$(field wall "$cb")" "$(field wall "$tb")")
  r1c=$(ratio "$(field cpu "$cb")" "$(field cpu "$tb")" 3)
  verdict_ratio "$(field cpu "$cb")" "$(field cpu "$tb")" 5
  say "| check / tokenizer, 10 MB (wall, **CPU**) | | | $r1, **$r1c** | <= 5 | $V |"
  size_x=$(ratio "$big_bytes" "$small_bytes")
  r2=$(ratio "$(field wall "$cb")" "$(field wall "$cs")")
  r2c=$(ratio "$(field cpu "$cb")" "$(field cpu "$cs")" 3)
  verdict_ratio "$(field cpu "$cb")" "$(field cpu "$cs")" 12
  say "| check time growth for ${size_x}x the input (wall, **CPU**) | | | $r2, **$r2c** | <= 12 | $V |"
  rss_b=$(field rss_kb "$cb")
  rss_s=$(field rss_kb "$cs")
  r3=$(ratio "$((rss_b * 1024))" "$big_bytes" 3)
  r3s=$(ratio "$((rss_s * 1024))" "$small_bytes")
  verdict_ratio "$((rss_b * 1024))" "$big_bytes" 10
  say "| check peak memory / source size | $((rss_b / 1024)) MiB | $((rss_s / 1024)) MiB | **$r3** (small: $r3s) | <= 10 | $V |"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$out/time.txt" "$CHARTERC" check "$big" >/dev/null 2>&1
    gt=$(tail -n 1 "$out/time.txt")
    say "| (cross-check: /usr/bin/time -f %M, one run) | $((gt / 1024)) MiB | | | | |"
  fi
  say ""
  say "| build on the $(mb "$big_bytes") $shape agreement | wall (CPU) | peak memory | |"
  say "|---|---:|---:|---|"
  for sub in doc tracker; do
    if has "$sub"; then
      case $sub in
        doc) r=$("$M" -n "$RUNS" -- "$CHARTERC" doc "$big" -o "$out/agreement.md") ;;
        tracker) r=$("$M" -n "$RUNS" -e /dev/null -- "$CHARTERC" tracker "$big" -o "$out/tracker-big") ;;
      esac
      st=$(field status "$r")
      note=""
      [ "$st" = 0 ] || note="exit $st"
      say "| \`charterc $sub\` | $(field wall "$r") s ($(field cpu "$r")) | $(($(field rss_kb "$r") / 1024)) MiB | $note |"
    else
      say "| \`charterc $sub\` | skipped: charterc has no \`$sub\` yet | | |"
    fi
  done
  say ""
}

# ---- 5: the tracker's status against awk, on one shape ------------------------
# status SHAPE GENERATOR
status() {
  shape=$1 gen=$2
  agr="$out/$shape-$TRACKER_SCALE.charter"
  obs="$out/$shape-observations-$TRACKER_SCALE-$ROWS.csv"
  "$out/$gen" agreement "$TRACKER_SCALE" -o "$agr" || die "$gen failed"
  [ -f "$obs" ] || "$out/$gen" observations "$TRACKER_SCALE" "$ROWS" -o "$obs" || die "$gen failed"
  "$out/$gen" events "$TRACKER_SCALE" -o "$out/$shape-events-$TRACKER_SCALE.csv" || die "$gen failed"
  trk="$out/$shape-tracker-$TRACKER_SCALE"
  if ! "$CHARTERC" tracker "$agr" -o "$trk" >"$out/tracker.log" 2>&1; then
    say "tracker status ($shape): skipped, \`charterc tracker\` failed on the agreement (see $out/tracker.log)"
    return
  fi
  data="$out/$shape-ledger-$TRACKER_SCALE"
  rm -rf "$data"
  mkdir -p "$data"
  cp "$obs" "$data/observations.csv"
  cp "$out/$shape-events-$TRACKER_SCALE.csv" "$data/events.csv"
  awk_bin=$(readlink -f "$(command -v awk)")
  rm -f "$out"/*.runs
  i=0
  while [ $i -lt "$RUNS" ]; do
    "$M" -n 1 -o "$out/status.json" -- "$trk" status --data "$data" --as-of 2027-12-31 --format json >>"$out/rs.runs"
    "$M" -n 1 -o "$out/awk.txt" -- awk -F, '{s[$1]+=$3} END {for (k in s) print k, s[k]}' "$obs" >>"$out/ra.runs"
    i=$((i + 1))
  done
  rs=$(median rs)
  ra=$(median ra)
  r5=$(ratio "$(field wall "$rs")" "$(field wall "$ra")")
  r5c=$(ratio "$(field cpu "$rs")" "$(field cpu "$ra")" 3)
  sst=$(field status "$rs")
  say "| $shape: $ROWS rows ($(mb "$(wc -c <"$obs")"), \`$gen agreement $TRACKER_SCALE\`) | wall (CPU) | peak memory | ratio | target | |"
  say "|---|---:|---:|---:|---:|---|"
  say "| tracker \`status --format json\`$([ "$sst" = 0 ] || echo " (exit $sst)") | $(field wall "$rs") s ($(field cpu "$rs")) | $(($(field rss_kb "$rs") / 1024)) MiB | | | |"
  say "| \`awk -F, '{s[\$1]+=\$3}'\` ($(basename "$awk_bin")) | $(field wall "$ra") s ($(field cpu "$ra")) | $(($(field rss_kb "$ra") / 1024)) MiB | | | |"
  verdict_ratio "$(field cpu "$rs")" "$(field cpu "$ra")" 0.5
  say "| status / awk (wall, **CPU**) | | | $r5, **$r5c** | <= 0.5 | $V |"
  say ""
}

# ---- 6: the language server's diagnostics after a change, on one shape -------
# The smallest agreement of each generator (dense's is 303 lines; spread's
# floors give 410) and the big one of step 1.  Each time is the median over
# LSP_CHANGES changes in one session; the target is judged on the server's
# CPU time, as every other, with the client's wall-clock time beside it.
# lsp_speed SHAPE GENERATOR SMALL_SCALE BIG_SCALE
lsp_speed() {
  shape=$1 gen=$2
  for sc in "$3" "$4"; do
    f="$out/$shape-$sc.charter"
    [ -f "$f" ] || "$out/$gen" agreement "$sc" -o "$f" || die "$gen failed"
    if [ "$sc" = "$3" ]; then limit=0.020 shown="20 ms"; else limit=1 shown="1 s"; fi
    if ! r=$(python3 bench/lsp_change.py "$CHARTERC" "$f" "$LSP_CHANGES" 2>"$out/lsp.log"); then
      fails=$((fails + 1))
      say "| $shape, \`$gen agreement $sc\` | failed: $(tail -n 1 "$out/lsp.log") | | | | <= $shown | MISSED |"
      continue
    fi
    verdict "$(field cpu "$r")" "$limit"
    say "| $shape, \`$gen agreement $sc\` | $(field lines "$r") | $(kb "$(field bytes "$r")") |" \
        "$(ms open "$r") | $(ms wall "$r") (**$(ms cpu "$r")**) | $(ms wall_max "$r") ($(ms cpu_max "$r")) | <= $shown | $V |"
  done
}

for shape in $SHAPES; do
  case $shape in
    spread) front spread gen "$SCALE" ;;
    dense) front dense dense "$DENSE_SCALE" ;;
    *) die "unknown shape $shape (spread, dense)" ;;
  esac
done
if has tracker; then
  say "### The tracker's \`status\`"
  say ""
  for shape in $SHAPES; do
    case $shape in
      spread) status spread gen ;;
      dense) status dense dense ;;
    esac
  done
else
  say "tracker status: skipped, charterc has no \`tracker\` yet"
fi
if ! command -v python3 >/dev/null; then
  say "language server: skipped, python3 is needed for its client (bench/lsp_change.py)"
elif ! has lsp; then
  say "language server: skipped, charterc has no \`lsp\` yet"
else
  say "### The language server: from a change to its diagnostics"
  say ""
  say "| agreement | lines | size | open to diagnostics | change to diagnostics, median of $LSP_CHANGES: wall (**CPU**) | slowest: wall (CPU) | target | |"
  say "|---|---:|---:|---:|---:|---:|---:|---|"
  for shape in $SHAPES; do
    case $shape in
      spread) lsp_speed spread gen 0.01 "$SCALE" ;;
      dense) lsp_speed dense dense 0.05 "$DENSE_SCALE" ;;
    esac
  done
  say ""
fi
say "targets missed: $fails"
[ "$fails" -eq 0 ]
