#!/bin/sh
# Tests of the privacy threshold: without --min-cell the tracker uses the
# agreement's governance `min_cell` (here 10), --min-cell overrides it, a
# percentage of personal data is not a count: it is shown whatever its
# size, unless it names a `denominator` whose cell is too small; and no
# output lets a hidden cell be worked out from the total and the cells
# shown (complementary suppression, runtime/privacy.h).  Run by tests/run-all.sh (`make test`); ends with "N passed, N failed".
. "$(dirname "$0")/harness.sh"

"$CHARTERC" tracker "$here/privacy.charter" -o pv >/dev/null 2>&1 || bad "the tracker builds"
mkdir -p pd
printf 'indicator,date,value,reporter\nclients,2024-03-31,7,alpha\nshare,2024-03-31,4.2,alpha\n' >pd/observations.csv
expect "status" 0 out.txt ./pv --data pd status --as-of 2024-06-30
hasre "7 is below the agreement's min_cell 10" out.txt '^  clients +suppressed +2024-03-31 '
hasre "a rate is shown" out.txt '^  share +4.2% +2024-03-31 '
expect "json" 0 out.json ./pv --data pd status --as-of 2024-06-30 --format json
has "json: count suppressed" out.json '"id": "clients", "value": null, "date": "2024-03-31"'
has "json: rate shown" out.json '"id": "share", "value": 4.2, "date": "2024-03-31"'
expect "--min-cell overrides the agreement" 0 out.txt ./pv --data pd status --as-of 2024-06-30 --min-cell 5
hasre "7 shown with --min-cell 5" out.txt '^  clients +7 +2024-03-31 '
expect "report" 0 out.txt ./pv --data pd report --as-of 2024-06-30 -o r.html
has "report: count suppressed" r.html '<td class="n"><span class="supp">suppressed</span></td><td>2024-03-31</td>'
has "report: rate shown" r.html '<td class="n">4.2%</td><td>2024-03-31</td>'
has "report: the threshold said" r.html "10"

# A target for north only: north's 50 beside the total of 53 would give
# south's 3 away, so north is hidden too, in status and the dashboard.
cat >pd/observations.csv <<'EOF'
indicator,date,value,reporter,area
housed,2024-03-31,50,alpha,north
housed,2024-03-31,3,alpha,south
residents,2024-03-31,3,alpha,north
residents,2024-03-31,40,alpha,south
residents,2024-03-31,50,alpha,east
vaccinated,2024-03-31,33.3,alpha,north
vaccinated,2024-03-31,10,alpha,south
vaccinated,2024-03-31,20,alpha,east
vaccinated,2024-03-31,17,alpha,
EOF
expect "status, cells" 0 out.txt ./pv --data pd status --as-of 2024-06-30
hasre "the total is shown" out.txt '^  housed +53 +2024-03-31 '
hasre "north would give south away" out.txt '^  housed +area north +suppressed '
hasre "a rate's cell with a large denominator is shown" out.txt '^  vaccinated +area east +20 '
hasre "the rate's total is shown" out.txt '^  vaccinated +17% '
expect "json, cells" 0 out.json ./pv --data pd status --as-of 2024-06-30 --format json
has "json: north hidden" out.json '"dimension": "area", "cell": "north", "value": null'
expect "report, cells" 0 out.txt ./pv --data pd report --as-of 2024-06-30 -o c.html
sed -n '/Latest breakdown/,/<\/table>/p' c.html | sed 's/<[^>]*>/ /g' | tr -s ' ' >cells.txt
# housed: north 50, south 3; residents: north 3, south 40, east 50;
# vaccinated follows residents.
if [ "$(grep -c 'suppressed' cells.txt)" -eq 6 ]; then ok; else bad "six cells hidden" cells.txt; fi
hasnt "south's 3 is not in the table" cells.txt ' 3 '
has "east's count is shown" cells.txt 'east 50'
has "east's rate is shown" cells.txt 'east 20%'
hasnt "north's rate is hidden (its denominator is 3)" cells.txt '33.3'
hasnt "south's rate is hidden (complementary)" cells.txt ' 10%'
has "the rule said for the rate" c.html 'a rate is suppressed where its denominator, residents, has fewer than 10'

# One cell of 3 that is the whole total: hidden in the table, the status,
# the JSON and the chart's tooltip alike.
printf 'indicator,date,value,reporter,area\nhoused,2024-03-31,3,alpha,north\n' >pd/observations.csv
expect "status, one cell" 0 out.txt ./pv --data pd status --as-of 2024-06-30
hasre "the total of one cell is hidden" out.txt '^  housed +suppressed '
expect "json, one cell" 0 out.json ./pv --data pd status --as-of 2024-06-30 --format json
has "json: the total of one cell" out.json '"id": "housed", "value": null'
expect "report, one cell" 0 out.txt ./pv --data pd report --as-of 2024-06-30 -o o.html
hasnt "no tooltip gives the 3" o.html 'value 3 on'
hasnt "no cell gives the 3" o.html '<td class="n">3</td>'
finish
