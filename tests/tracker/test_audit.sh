#!/bin/sh
# Tests of the ledger's audit trail and of who may close a milestone:
# corrections and retractions appended to observations.csv (the original
# rows stay; the latest row of a key holds, in both readers: validate's
# and the scan's, on one thread and on two), reopened milestones, done by
# the wrong partner, done against a requirement that does not hold, and
# the dashboard's audit section.
# Run by tests/run-all.sh (`make test`); ends with "N passed, N failed".
. "$(dirname "$0")/harness.sh"

"$CHARTERC" tracker "$top/examples/connectivity.charter" -o conn >/dev/null 2>&1 || bad "tracker"
expect "import" 0 out.txt ./conn --data led import "$top/examples/connectivity-data/observations.csv"
json() { ./conn --data led status --as-of 2022-06-30 --format json >"$1" 2>&1; }
json before.json
has "the original value" before.json '"id": "new_users", "value": 2350000, "date": "2022-05-31"'
cp led/observations.csv orig.csv

# ---- correct ----------------------------------------------------------------------------
expect "correct" 0 out.txt ./conn --data led correct new_users 2400000 --on 2022-05-31 --by globaltel \
  --reason "double-counted SIMs removed" --recorded 2022-06-15
has "correct said" out.txt "recorded 1 observation into led/observations.csv"
head -n "$(wc -l <orig.csv)" led/observations.csv | tail -n +2 >kept.csv
tail -n +2 orig.csv >orig-rows.csv
same "the original rows stay, byte for byte" kept.csv orig-rows.csv
has "header gained the audit columns" led/observations.csv "indicator,date,value,reporter,note,gender,region,correction,reason,recorded"
has "the correction row" led/observations.csv "new_users,2022-05-31,2400000,globaltel,,,,correct,double-counted SIMs removed,2022-06-15"
json after.json
has "status uses the correction" after.json '"id": "new_users", "value": 2400000, "date": "2022-05-31"'
has "a derived indicator follows" after.json '"id": "tariff_share", "value": 1.7083333333333333'
expect "validate accepts corrections" 0 out.txt ./conn validate led/observations.csv
has "validate counted" out.txt "26 observation rows checked, 0 bad"
cp led/observations.csv c1.csv
expect "the same correction again" 0 out.txt ./conn --data led correct new_users 2400000 --on 2022-05-31 \
  --by globaltel --reason "double-counted SIMs removed" --recorded 2022-06-15
has "nothing twice" out.txt "recorded 0 observations into led/observations.csv (1 already there)"
same "ledger unchanged by the same correction" led/observations.csv c1.csv
expect "import the ledger again" 0 out.txt ./conn --data led import c1.csv
same "importing a ledger with corrections twice adds nothing" led/observations.csv c1.csv

# A correction of a row that does not exist.
expect "correct a missing row" 1 out.txt ./conn --data led correct new_users 1 --on 2022-05-30 --by globaltel --reason x
has "missing row said" out.txt "there is no observation of 'new_users' on 2022-05-30 by globaltel to correct"
expect "correct a missing cell" 1 out.txt ./conn --data led correct trained_users 10 --on 2022-05-31 \
  --by access_for_all --breakdown gender=female --reason x
has "missing cell said" out.txt "there is no observation of 'trained_users' on 2022-05-31 by access_for_all (gender=female) to correct"
expect "correct without a reason" 2 out.txt ./conn --data led correct new_users 1 --on 2022-05-31 --by globaltel
has "reason required" out.txt "--reason TEXT"
same "refused corrections change nothing" led/observations.csv c1.csv
expect "record over a value still refused" 1 out.txt ./conn --data led record new_users 5 --on 2022-05-31 --by globaltel
has "record points at correct" out.txt "(a value is changed with 'correct')"

# A breakdown cell.
expect "correct a cell" 0 out.txt ./conn --data led correct trained_users 7 --on 2022-05-31 \
  --by access_for_all --breakdown gender=undisclosed,region=east --reason "typo" --recorded 2022-06-16
has "cell correction row" led/observations.csv "trained_users,2022-05-31,7,access_for_all,,undisclosed,east,correct,typo,2022-06-16"
json cell.json
t0=$(grep -o '"id": "trained_users", "value": [0-9]*' before.json | grep -o '[0-9]*$')
has "the cell's correction changes the total by 4" cell.json "\"id\": \"trained_users\", \"value\": $((t0 + 4))"

# ---- retract ----------------------------------------------------------------------------
expect "retract" 0 out.txt ./conn --data led retract new_users --on 2022-05-31 --by globaltel \
  --reason "the survey was void" --recorded 2022-06-20
has "retraction row" led/observations.csv "new_users,2022-05-31,,globaltel,,,,retract,the survey was void,2022-06-20"
json retract.json
has "the previous report holds" retract.json '"id": "new_users", "value": 1620000, "date": "2022-02-28"'
# The retracted quarter (March to May) is due by 30 June with the default
# grace of 30 days: missing from 1 July.
./conn --data led status --as-of 2022-07-01 --format json >retract-late.json 2>&1
has "the retracted period is missing" retract-late.json '"id": "globaltel", "missing_reports": 1'
expect "retract twice" 1 out.txt ./conn --data led retract new_users --on 2022-05-31 --by globaltel --reason again
has "already retracted" out.txt "the observation of 'new_users' on 2022-05-31 by globaltel is already retracted"
expect "correct after a retraction" 0 out.txt ./conn --data led correct new_users 2300000 --on 2022-05-31 \
  --by globaltel --reason "survey redone" --recorded 2022-06-25
json again.json
has "the latest row holds" again.json '"id": "new_users", "value": 2300000, "date": "2022-05-31"'
expect "validate the whole trail" 0 out.txt ./conn validate led/observations.csv

# Concurrent corrections: both are kept, in the order the lock gave them,
# and the one written last holds.
./conn --data led correct new_users 2310000 --on 2022-05-31 --by globaltel --reason a --recorded 2022-06-26 >/dev/null 2>&1 &
./conn --data led correct new_users 2320000 --on 2022-05-31 --by globaltel --reason b --recorded 2022-06-26 >/dev/null 2>&1 &
wait
[ "$(grep -c ',correct,[ab],2022-06-26' led/observations.csv)" -eq 2 ] && ok || bad "both concurrent corrections kept" led/observations.csv
last=$(grep ',correct,[ab],2022-06-26' led/observations.csv | tail -1 | cut -d, -f3)
json conc.json
has "the last written holds" conc.json "\"id\": \"new_users\", \"value\": $last, \"date\": \"2022-05-31\""

# Files with bad corrections.
printf 'indicator,date,value,reporter,correction,reason\nnew_users,2021-05-31,5,globaltel,correct,x\nnew_users,2021-06-30,5,globaltel,fix,x\nnew_users,2021-07-31,5,globaltel,,\nnew_users,2021-07-31,6,globaltel,correct,\nnew_users,2021-07-31,1,globaltel,retract,x\n' >bad.csv
expect "validate bad corrections" 1 out.txt ./conn validate bad.csv
has "correction before its row" out.txt "bad.csv:2: error: there is no observation of 'new_users' on 2021-05-31 by globaltel to correct"
has "unknown correction" out.txt "bad.csv:3: error: the correction 'fix' is neither correct nor retract"
has "reason needed" out.txt "bad.csv:5: error: a correction needs a reason"
has "retraction without value" out.txt "bad.csv:6: error: a retraction takes no value (found '1')"

# The scan on two threads: a ledger over 4 MiB, the correction in the
# second half, the corrected row in the first.
{
  echo "indicator,date,value,reporter,note,correction,reason,recorded"
  echo "new_users,2021-05-31,100,globaltel,,,,"
  awk 'BEGIN { for (i = 0; i < 120000; i++) printf "tariff_households,2021-11-30,12000,ministry,padding padding padding,,,\n" }'
  echo "new_users,2021-05-31,200,globaltel,,correct,late fix,2021-07-01"
} >big.csv
mkdir -p big && cp big.csv big/observations.csv
expect "status of a big ledger" 0 big.json ./conn --data big status --as-of 2021-06-30 --format json
has "two threads apply the correction" big.json '"id": "new_users", "value": 200, "date": "2021-05-31"'
expect "validate a big ledger" 0 out.txt ./conn validate big/observations.csv

# ---- who may close a milestone ----------------------------------------------------------
expect "done by the wrong partner" 1 out.txt ./conn --data led done scale_up --on 2022-06-30 --by globaltel
has "who may" out.txt "partner 'globaltel' may not close milestone 'scale_up': only its owner (ministry) or a partner performing the shared_measurement backbone function (itu) may"
expect "cancel by the wrong partner" 1 out.txt ./conn --data led done scale_up --cancelled --on 2022-06-30 --by access_for_all
[ ! -e led/events.csv ] && ok || bad "refused events write nothing" led/events.csv
expect "done against a false requirement" 1 out.txt ./conn --data led done scale_up --on 2022-06-30 --by ministry
has "requirement said" out.txt "the requirement of milestone 'scale_up' (new_users >= 5_000_000 and trained_users >= 300_000) is not met on 2022-06-30; to mark it done anyway, say why with --despite \"REASON\""
expect "done despite" 0 out.txt ./conn --data led done scale_up --on 2022-06-30 --by itu --despite "the board decided on partial evidence"
has "despite row" led/events.csv "scale_up,2022-06-30,done,itu,,the board decided on partial evidence"
expect "done, requirement met, by the backbone" 0 out.txt ./conn --data led done pilot_connected --on 2022-06-30 --by itu --despite "not needed"
has "despite not needed" out.txt "the requirement of 'pilot_connected' holds on 2022-03-01: --despite is not needed"
has "no reason kept when it holds" led/events.csv "pilot_connected,2022-06-30,done,itu,,"
expect "status text" 0 st.txt ./conn --data led status --as-of 2022-06-30
hasre "text: done, requirement not met" st.txt "scale_up +2023-03-01 +done, requirement not met +done on 2022-06-30 by itu despite: the board decided on partial evidence"
expect "status md" 0 st.md ./conn --data led status --as-of 2022-06-30 --format md
has "md: done, requirement not met" st.md "| scale\\_up | 2023-03-01 | done, requirement not met |"
json ms.json
has "json: despite" ms.json '"id": "scale_up", "due": "2023-03-01", "status": "done", "requirement": false, "despite": "the board decided on partial evidence" }'
has "json: no despite key otherwise" ms.json '"id": "pilot_connected", "due": "2022-03-01", "status": "done", "requirement": true }'
expect "report, done despite" 0 out.txt ./conn --data led report --as-of 2022-06-30 -o despite.html
has "milestone table says why" despite.html "done on 2022-06-30 by itu, requirement not met: the board decided on partial evidence"
has "badge says so" despite.html ">done, requirement not met</span>"

# ---- reopen -----------------------------------------------------------------------------
expect "done twice refused" 1 out.txt ./conn --data led done scale_up --cancelled --on 2022-07-01 --by ministry
has "reopen first" out.txt "milestone 'scale_up' already has an event: done on 2022-06-30 by itu at led/events.csv:2 (reopen it first to record another)"
expect "reopen by the wrong partner" 1 out.txt ./conn --data led reopen scale_up --by globaltel --reason x
expect "reopen" 0 out.txt ./conn --data led reopen scale_up --by ministry --reason "decided too early" --on 2022-07-01
has "reopened row" led/events.csv "scale_up,2022-07-01,reopened,ministry,,decided too early"
json reopen.json
has "reopened milestone is open again" reopen.json '"id": "scale_up", "due": "2023-03-01", "status": "pending", "requirement": false }'
expect "reopen an open milestone" 1 out.txt ./conn --data led reopen scale_up --by ministry --reason again --on 2022-07-02
has "nothing to reopen" out.txt "milestone 'scale_up' is neither done nor cancelled: there is nothing to reopen"
expect "reopen without a reason" 2 out.txt ./conn --data led reopen pilot_connected --by itu
expect "cancel after reopening" 0 out.txt ./conn --data led done scale_up --cancelled --on 2022-07-03 --by ministry
./conn --data led status --as-of 2022-07-31 --format json >cancel.json 2>&1
has "the new event holds" cancel.json '"id": "scale_up", "due": "2023-03-01", "status": "cancelled"'
expect "validate the events" 0 out.txt ./conn validate led/events.csv
has "events counted" out.txt "4 event rows checked, 0 bad"
printf 'milestone,date,status,by,note,reason\nscale_up,2022-01-01,reopened,ministry,,x\nscale_up,2022-01-02,done,ministry,,\nscale_up,2022-01-03,reopened,ministry,,\n' >bad-events.csv
expect "validate bad reopenings" 1 out.txt ./conn validate bad-events.csv
has "reopen of an open milestone" out.txt "bad-events.csv:2: error: milestone 'scale_up' is neither done nor cancelled: there is nothing to reopen"
has "reopen needs a reason" out.txt "bad-events.csv:4: error: reopening milestone 'scale_up' needs a reason"

# ---- the dashboard's audit section --------------------------------------------------------
expect "report" 0 out.txt ./conn --data led report --as-of 2022-07-31 -o r.html
has "audit section" r.html "<h2>Audit trail</h2>"
has "audit: correction" r.html "<tr><td>correction to 2,400,000</td><td><code>new_users</code> on 2022-05-31</td><td>globaltel</td><td>2022-06-15</td><td>double-counted SIMs removed</td></tr>"
has "audit: cell correction" r.html "<code>trained_users</code> on 2022-05-31 (gender=undisclosed, region=east)"
has "audit: retraction" r.html "<tr><td>retraction</td><td><code>new_users</code> on 2022-05-31</td><td>globaltel</td><td>2022-06-20</td><td>the survey was void</td></tr>"
has "audit: reopened" r.html "<tr><td>reopened</td><td><code>scale_up</code></td><td>ministry</td><td>2022-07-01</td><td>decided too early</td></tr>"
has "audit: despite" r.html "<tr><td>done, requirement not met</td><td><code>scale_up</code></td><td>itu</td><td>2022-06-30</td><td>the board decided on partial evidence</td></tr>"
expect "report without corrections" 0 out.txt ./conn --data big report --as-of 2021-06-30 -o r2.html
mkdir -p plain && cp orig.csv plain/observations.csv
expect "report of a plain ledger" 0 out.txt ./conn --data plain report --as-of 2022-06-30 -o r3.html
hasnt "no audit section without corrections" r3.html "Audit trail"

finish
