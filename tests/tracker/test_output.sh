#!/bin/sh
# What the tracker shows, whatever the ledger or the program file holds:
# a damaged tracker refuses to run; a value that overflows is no value
# (never inf or nan, never a status); control characters from the ledger
# or the agreement reach the terminal escaped; small counts of personal
# data are suppressed in every output.  Ends with "N passed, N failed".
. "$(dirname "$0")/harness.sh"
"$CHARTERC" tracker "$here/shown.charter" -o tr >/dev/null 2>&1 || bad "the tracker builds"

# ---- a damaged tracker refuses every command ----------------------------------------
# One byte of the carried agreement changed: the last target 100 becomes
# 900, which still compiles and would give wrong plans.
cp tr damaged
off=$(grep -abo 'target 100 by 2025-12-31' damaged | head -n 1 | cut -d: -f1)
if [ -n "$off" ]; then
  printf 9 | dd of=damaged bs=1 seek=$((off + 7)) conv=notrunc 2>/dev/null
  for c in status info validate due report calendar; do
    expect "damaged: $c refused" 2 out.txt ./damaged $c
    has "damaged: $c says so" out.txt "this tracker is damaged"
    has "damaged: $c says how to mend it" out.txt "rebuild it with 'charterc tracker'"
  done
  expect "damaged: --version refused" 2 out.txt ./damaged --version
  expect "damaged: record refused" 2 out.txt ./damaged --data dled record big 1 --on 2024-03-31 --by alpha
  [ ! -e dled ] && ok || bad "damaged: record wrote nothing"
else
  bad "damaged: the target is not in the tracker"
fi
expect "undamaged: info" 0 out.txt ./tr info
has "undamaged: verified" out.txt "verified"

# ---- a value that overflows is no value -----------------------------------------------
# Each value is finite, their sum is not.
mkdir -p over
printf 'indicator,date,value,reporter\nbig,2024-03-31,1e308,alpha\nbig,2024-03-31,1e308,beta\n' >over/observations.csv
expect "overflow: status" 0 over.txt ./tr --data over status --as-of 2024-06-30
hasre "overflow: no value, no status" over.txt '^  big +- +- +- +24.79 +- +no data$'
has "overflow: the note" over.txt "big: value overflows"
expect "overflow: json" 0 over.json ./tr --data over status --as-of 2024-06-30 --format json
has "overflow: json null, no_data, note" over.json '{ "id": "big", "value": null, "date": null, "planned": 24.794520547945208, "status": "no_data", "note": "value overflows", "baseline": 0, "change": null'
expect "overflow: md" 0 over.md ./tr --data over status --as-of 2024-06-30 --format md
has "overflow: md note" over.md "big: value overflows"
expect "overflow: report" 0 out.txt ./tr --data over report --as-of 2024-06-30 -o over.html
has "overflow: report note" over.html "value overflows"
for f in over.txt over.json over.md over.html; do
  if grep -qiE 'inf|nan' "$f"; then bad "overflow: inf or nan in $f" "$f"; else ok; fi
done
hasnt "overflow: not achieved" over.txt "achieved"
# A value at either end of the doubles: each is a value, the chart has no
# scale to place both, and says so instead of drawing NaN.
printf 'indicator,date,value,reporter\nbig,2024-03-31,1.7e308,alpha\nbig,2024-06-30,-1.7e308,alpha\n' >over/observations.csv
expect "far apart: report" 0 out.txt ./tr --data over report --as-of 2024-06-30 -o far.html
if grep -qiE 'nan|inf"' far.html; then bad "far apart: NaN in the chart" far.html; else ok; fi
has "far apart: said" far.html "too far apart to draw"
# One value that is not a finite number is refused wherever it comes in.
printf 'indicator,date,value,reporter\nbig,2024-03-31,1e309,alpha\nbig,2024-03-31,inf,beta\nbig,2024-06-30,nan,beta\nbig,2024-06-30,-1e400,alpha\n' >nonfinite.csv
expect "non-finite: validate" 1 out.txt ./tr validate nonfinite.csv
has "non-finite: 1e309" out.txt "nonfinite.csv:2: error: the value '1e309' is too large to be a number"
has "non-finite: inf" out.txt "nonfinite.csv:3: error: the value 'inf' is not a number"
has "non-finite: nan" out.txt "nonfinite.csv:4: error: the value 'nan' is not a number"
has "non-finite: -1e400" out.txt "nonfinite.csv:5: error: the value '-1e400' is too large to be a number"
expect "non-finite: import" 1 out.txt ./tr --data nf import nonfinite.csv
expect "non-finite: record" 1 out.txt ./tr --data nf record big 1e309 --on 2024-03-31 --by alpha
[ ! -s nf/observations.csv ] || ! grep -q e30 nf/observations.csv && ok || bad "non-finite: nothing recorded" nf/observations.csv

# ---- personal data: the same values suppressed everywhere ---------------------------------
# One reported cell of 3 (below the default --min-cell of 5): the table
# suppressed it, but the chart's tooltip and the status showed 3 as the total.
mkdir -p pd
printf 'indicator,date,value,reporter,gender\nclients,2024-03-31,3,alpha,female\n' >pd/observations.csv
expect "privacy: status" 0 pd.txt ./tr --data pd status --as-of 2024-06-30
hasre "privacy: status suppresses the total" pd.txt '^  clients +suppressed +2024-03-31 '
hasre "privacy: no progress either" pd.txt '^  clients .* - +behind$'
expect "privacy: json" 0 pd.json ./tr --data pd status --as-of 2024-06-30 --format json
has "privacy: json null and a note" pd.json '{ "id": "clients", "value": null, "date": "2024-03-31", "planned": 12.32876712328767, "status": "behind", "note": "suppressed", "baseline": 0, "change": null, "change_pct": null, "trend": null, "forecast": null'
expect "privacy: md" 0 pd.md ./tr --data pd status --as-of 2024-06-30 --format md
has "privacy: md suppressed" pd.md "| clients | suppressed | 2024-03-31 |"
expect "privacy: report" 0 out.txt ./tr --data pd report --as-of 2024-06-30 -o pd.html
has "privacy: table cell suppressed" pd.html '<td class="n supp">suppressed</td>'
has "privacy: scorecard suppressed" pd.html '<td class="n"><span class="supp">suppressed</span></td><td>2024-03-31</td>'
hasnt "privacy: no tooltip of the value" pd.html "value 3 on"
hasnt "privacy: no point of the value" pd.html 'r="2.5" fill="#1b5e20"'
# A whole report of 3 by one partner: no dot, no tooltip, no total.
printf 'indicator,date,value,reporter,gender\nclients,2024-03-31,3,alpha,\n' >pd/observations.csv
expect "privacy: a total of 3" 0 out.txt ./tr --data pd report --as-of 2024-06-30 -o pd2.html
hasnt "privacy: no reporter tooltip" pd2.html "alpha: 3 on"
hasnt "privacy: no reporter dot" pd2.html 'r="3.5"'
expect "privacy: status of a total of 3" 0 pd.txt ./tr --data pd status --as-of 2024-06-30
hasre "privacy: total suppressed" pd.txt '^  clients +suppressed '
# At or above --min-cell a value is shown, and --min-cell is the status's too.
expect "privacy: --min-cell 2" 0 pd.txt ./tr --data pd status --as-of 2024-06-30 --min-cell 2
hasre "privacy: 3 shown from --min-cell 2" pd.txt '^  clients +3 +2024-03-31 '
printf 'indicator,date,value,reporter,gender\nclients,2024-03-31,8,alpha,female\n' >pd/observations.csv
expect "privacy: a cell of 8" 0 pd.txt ./tr --data pd status --as-of 2024-06-30
hasre "privacy: 8 shown" pd.txt '^  clients +8 +2024-03-31 '
expect "privacy: bad --min-cell" 2 out.txt ./tr --data pd status --min-cell x
has "privacy: bad --min-cell said" out.txt "--min-cell wants a whole number, not 'x'"

# ---- control characters reach the terminal escaped ---------------------------------------
# ESC, BEL, CR, DEL and the C1 control CSI (U+009B) from every field of a
# CSV file, from a file name and from a command's arguments: each is shown
# as \xHH in messages and output, never written raw (an OSC retitles the
# window, a CSI clears the screen or hides the lines above).
raw() { if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$2" || LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$2"; then bad "$1: a raw control character" "$2"; else ok; fi; }
printf 'indicator,date,value,reporter,note\nbi\033[2Jg,2024-03-31,1,alpha,\nbig,2024-03-31,1\033[8m,alpha,\nbig,2024-03-31,1,al\033]0;x\007pha,\nbig,2024-03-31,1,beta\r,\nbig,2024-06-30,x\302\233y,alpha,\nbig,2024-09-30,\177,alpha,\n' >ctl.csv
expect "control: validate" 1 ctl.txt ./tr validate ctl.csv
raw "control: validate" ctl.txt
has "control: indicator" ctl.txt "ctl.csv:2: error: unknown indicator 'bi\x1b[2Jg'"
has "control: value" ctl.txt "ctl.csv:3: error: the value '1\x1b[8m' is not a number"
has "control: reporter" ctl.txt "ctl.csv:4: error: unknown partner 'al\x1b]0;x\x07pha'"
has "control: carriage return" ctl.txt "\x0d"
has "control: C1 CSI" ctl.txt "x\xc2\x9by"
has "control: DEL" ctl.txt "\x7f"
expect "control: import" 1 ctl.txt ./tr --data cled import ctl.csv
raw "control: import" ctl.txt
expect "control: record" 1 ctl.txt ./tr --data cled record "$(printf 'big\033]0;t\007')" 1 --on 2024-03-31 --by alpha
raw "control: record" ctl.txt
has "control: record names it escaped" ctl.txt "big\x1b]0;t\x07"
expect "control: done" 1 ctl.txt ./tr --data cled done "$(printf 'm\033[1A')" --on 2024-03-31 --by alpha
raw "control: done" ctl.txt
# A file name, a folder and an option value are shown the same way.
cp ctl.csv "$(printf 'ctl\033[2J.csv')"
expect "control: file name" 1 ctl.txt ./tr validate "$(printf 'ctl\033[2J.csv')"
raw "control: file name" ctl.txt
has "control: file name escaped" ctl.txt "ctl\x1b[2J.csv:2: error:"
expect "control: status of a folder" 0 ctl.txt ./tr --data "$(printf 'no\033]0;x\007where')" status --as-of 2024-06-30
raw "control: status" ctl.txt
has "control: status names the folder escaped" ctl.txt "no\x1b]0;x\x07where/observations.csv does not exist"
expect "control: an option value" 2 ctl.txt ./tr status --as-of "$(printf '2024\033[2J')"
raw "control: an option value" ctl.txt
expect "control: an unknown option" 2 ctl.txt ./tr status "$(printf -- '--fo\033rmat')"
raw "control: an unknown option" ctl.txt
has "control: an unknown option escaped" ctl.txt "unknown option '--fo\x1brmat'"
expect "control: an unknown command" 2 ctl.txt ./tr "$(printf 'st\033[2Jatus')"
raw "control: an unknown command" ctl.txt
# One place prints: no runtime file but term.c writes to a stream itself.
if grep -nE '(^|[^A-Za-z_])(printf|vprintf|puts|putchar|fputs|fprintf|vfprintf|fwrite|fputc|putc)\(' \
     "$top"/runtime/*.c | grep -v '^[^:]*/term\.c:' >printers.txt; then
  bad "control: a runtime file prints without term.h" printers.txt
else
  ok
fi
# ---- the dashboard's targets for cells and the plan of yearly totals ----------------
# The cells' targets have a table, as in status (tests/golden/tracker/cells.sh:
# north 160 against 148.77, on track).
"$CHARTERC" tracker "$here/cells.charter" -o ce >/dev/null 2>&1 || bad "cells: the tracker builds"
mkdir -p cd
./ce --data cd import "$here/cells-observations.csv" >/dev/null 2>&1
expect "cells: report" 0 out.txt ./ce --data cd report --as-of 2024-06-30 -o cells.html
has "cells: a table" cells.html "<h2>Targets for breakdown cells</h2>"
has "cells: north's line" cells.html 'Neighbourhood: north</td><td class="n">160</td><td>2024-06-30</td><td class="n">148.77</td>'
# A summer indicator with yearly totals: the chart draws the total so far
# in the summer (13,800, 29,500, 43,100) against the summer's 60,000 spread
# over June, July and August (20,000 a month), not a straight line.
"$CHARTERC" tracker "$here/obligations.charter" -o ob >/dev/null 2>&1 || bad "totals: the tracker builds"
mkdir -p od
./ob --data od import "$here/obligations-observations.csv" >/dev/null 2>&1
expect "totals: report" 0 out.txt ./ob --data od report --as-of 2024-12-31 -o ob.html
sed -n '/id="ind-summer_meals"/,/<\/article>/p' ob.html >meals.html
has "totals: the plan of the span" meals.html "<title>planned total so far in the span</title>"
has "totals: the total so far" meals.html "value 43,100 on 2024-08-31"
has "totals: July's total so far" meals.html "value 29,500 on 2024-07-31"
hasnt "totals: no straight line to the target" meals.html "<title>planned trajectory</title>"

finish
