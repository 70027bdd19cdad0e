#!/bin/sh
# Tests of the privacy threshold: without --min-cell the tracker uses the
# agreement's governance `min_cell` (here 10), --min-cell overrides it, and
# a percentage of personal data is not a count: it is shown whatever its
# size.  Run by tests/run-all.sh (`make test`); ends with "N passed, N failed".
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
finish
