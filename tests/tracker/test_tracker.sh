#!/bin/sh
# Tests of the executable tracker (`charterc tracker` and the commands of
# the program it writes): the statuses and milestone states, every kind of
# bad row, the all-or-nothing import that keeps existing rows byte for
# byte, concurrent records, formulas through the standard library and a
# user library refused and allowed, the calendar and the dashboard.
# Run by tests/run-all.sh (`make test`); ends with "N passed, N failed".
. "$(dirname "$0")/harness.sh"

# ---- charterc tracker --------------------------------------------------------
cp "$here/states.charter" ./states.charter
expect "tracker builds" 0 out.txt "$CHARTERC" tracker states.charter -o st
[ -x st ] && ok || bad "the tracker is executable"
printf 'agreement broken "x" {\n  lead nobody\n}\n' >broken.charter
expect "language errors refuse" 1 out.txt "$CHARTERC" tracker broken.charter -o nope
has "language errors named" out.txt "nobody"
[ ! -e nope ] && ok || bad "no tracker written for a broken agreement"
expect "the runtime alone carries nothing" 2 out.txt "$BUILD/bin/charter-runtime" status
has "the runtime says why" out.txt "carries no agreement"

# It runs without its source: move it away and delete the source.
mkdir -p away && cp st away/st && rm states.charter
expect "info without the source" 0 info.txt ./away/st info
has "info: id" info.txt "agreement  states"
has "info: title" info.txt "Every state of the scorecard"
has "info: version" info.txt "version    1"
has "info: compiler" info.txt "charterc "
want=$(sha256sum "$here/states.charter" | cut -d' ' -f1)
has "info: SHA-256 of the source" info.txt "sha256     $want"
has "info: bundle verified" info.txt "verified"
expect "--version" 0 out.txt ./away/st --version
has "--version names the agreement" out.txt "agreement states version 1"
expect "--help" 0 out.txt ./away/st --help
has "--help lists commands" out.txt "calendar"
expect "unknown command" 2 out.txt ./away/st stauts
has "unknown command suggestion" out.txt "did you mean 'status'?"
expect "unknown option" 2 out.txt ./away/st status --fromat json
has "unknown option suggestion" out.txt "did you mean '--format'?"
for c in status validate import record done due report calendar info; do
  ./away/st "$c" --help >out.txt 2>&1 && grep -q "usage: st $c" out.txt && ok || bad "$c --help" out.txt
done

# ---- statuses and milestone states ------------------------------------------------
expect "import states" 0 out.txt ./st import "$here/states-observations.csv"
has "import count" out.txt "imported 9 observations into ./states-data/observations.csv"
expect "import events" 0 out.txt ./st import "$here/states-events.csv"
expect "status json" 0 st.json ./st status --as-of 2024-07-01 --format json
for s in no_data achieved on_track behind; do has "status $s" st.json "\"status\": \"$s\""; done
for s in done cancelled met overdue due_soon pending; do has "state $s" st.json "\"status\": \"$s\""; done
has "requirement true" st.json '"id": "m_met", "due": "2024-06-01", "status": "met", "requirement": true'
has "requirement false" st.json '"id": "m_overdue", "due": "2024-06-15", "status": "overdue", "requirement": false'
has "requirement null (no data)" st.json '"id": "m_pending", "due": "2024-12-01", "status": "pending", "requirement": null'
has "no value is null" st.json '{ "id": "silent", "value": null, "date": null'
has "combine sum of reporters" st.json '"id": "steady", "value": 30, "date": "2024-06-30"'
has "per_period mean, down is better" st.json '"id": "waiting_list", "value": 890'
has "missing reports, overdue" st.json '{ "id": "beta", "missing_reports": 6, "overdue_milestones": 1 }'
expect "status md" 0 st.md ./st status --as-of 2024-07-01 --format md
has "md table" st.md "| steady | 30 | 2024-06-30 | 24.79 | 24.93 | 30% | on track |"
has "md escapes user text" st.md "| m\\_met |"
# As of an earlier date the later rows do not count.
expect "status earlier" 0 st.json ./st status --as-of 2024-04-15 --format json
has "value as of an earlier date" st.json '"id": "steady", "value": 12, "date": "2024-03-31"'
has "event before as-of counts" st.json '"id": "m_cancelled", "due": "2024-05-01", "status": "cancelled"'
expect "status before the event" 0 st.json ./st status --as-of 2024-02-10 --format json
has "event after as-of ignored" st.json '"id": "m_done", "due": "2024-03-01", "status": "due_soon"'
expect "bad --as-of" 2 out.txt ./st status --as-of 2024-02-30
has "bad --as-of said" out.txt "not a date"

# ---- every kind of bad row -------------------------------------------------------------
"$CHARTERC" tracker "$top/examples/connectivity.charter" -o conn 2>/dev/null || bad "conn tracker"
cat >bad.csv <<'EOF'
indicator,date,value,reporter,note,gender,region
new_user,2022-03-31,100,globaltel,,,
new_users,2022-03-31,N/A,globaltel,,,
new_users,2022-03-31,100,globaltell,,,
new_users,2022-03-31,100,ministry,,,
new_users,2023-02-29,100,globaltel,,,
tariff_share,2022-03-31,4.5,globaltel,,,
trained_users,2022-03-31,10,access_for_all,,female,southwest
new_users,2022-03-31,100,globaltel,,female,
new_users,2022-06-30,200,globaltel,,,
new_users,2022-06-30,250,globaltel,,,
new_users,2022-06-30,200,globaltel,"the same again, which is fine",,
new_users,31/03/2022,100,globaltel,,,
,2022-03-31,100,globaltel,,,
trained_users,2022-03-31,10,access_for_all,,femal,north
new_users,2022-03-31,"1,5",globaltel,,,
EOF
expect "validate bad rows" 1 val.txt ./conn validate bad.csv
has "unknown indicator + suggestion" val.txt "bad.csv:2: error: unknown indicator 'new_user'; did you mean 'new_users'?"
has "not a number" val.txt "bad.csv:3: error: the value 'N/A' is not a number"
has "unknown partner + suggestion" val.txt "bad.csv:4: error: unknown partner 'globaltell'; did you mean 'globaltel'?"
has "reporter not named" val.txt "bad.csv:5: error: partner 'ministry' does not report 'new_users' (the agreement names globaltel)"
has "impossible date" val.txt "bad.csv:6: error: the date '2023-02-29' is not a day of the calendar"
has "derived indicator" val.txt "bad.csv:7: error: 'tariff_share' is a derived indicator"
has "dimension value" val.txt "bad.csv:8: error: 'southwest' is not a value of dimension region (north, south, east, west)"
has "not disaggregated" val.txt "bad.csv:9: error: 'new_users' is not broken down by gender"
has "second different value" val.txt "bad.csv:11: error: a second, different value for 'new_users' on 2022-06-30 by globaltel: 250 here, 200 at bad.csv:10"
hasnt "same value twice is fine" val.txt "bad.csv:12:"
has "date format" val.txt "bad.csv:13: error: the date '31/03/2022' is not a date of the form YYYY-MM-DD"
has "missing indicator" val.txt "bad.csv:14: error: the indicator is missing"
has "dimension value suggestion" val.txt "did you mean 'female'?"
has "decimal comma" val.txt "bad.csv:16: error: the value '1,5' is not a number"
has "validate summary" val.txt "15 observation rows checked, 13 bad"
printf 'milestone,date,status,by\npilot_conected,2022-03-01,done,globaltel\npilot_connected,2022-03-01,finished,globaltel\npilot_connected,2022-03-01,done,nobody\nscale_up,2023-03-01,done,ministry\nscale_up,2023-03-02,cancelled,ministry\n' >bad-events.csv
expect "validate bad events" 1 val.txt ./conn validate bad-events.csv
has "unknown milestone" val.txt "bad-events.csv:2: error: unknown milestone 'pilot_conected'; did you mean 'pilot_connected'?"
has "unknown status" val.txt "bad-events.csv:3: error: the status 'finished' is not done, cancelled or reopened"
has "unknown event partner" val.txt "bad-events.csv:4: error: unknown partner 'nobody'"
has "second event" val.txt "bad-events.csv:6: error: milestone 'scale_up' already has an event: done on 2023-03-01 by ministry at bad-events.csv:5"
printf 'indicator,date,valeu,reporter\n' >badhead.csv
expect "bad header" 1 val.txt ./conn validate badhead.csv
has "unknown column" val.txt "badhead.csv:1: error: unknown column 'valeu'; did you mean 'value'?"
printf 'new_users,2022-03-31,100,globaltel\n' >nohead.csv
expect "no header" 1 val.txt ./conn validate nohead.csv
has "no header said" val.txt "the first line must name the columns"
printf 'indicator,date,value,reporter\nnew_users,2022-03-31,"100,globaltel\n' >quote.csv
expect "unterminated quote" 1 val.txt ./conn validate quote.csv
has "quote said" val.txt "quote.csv:2: error:"
expect "missing file" 2 val.txt ./conn validate nothere.csv
# Devices, pipes and folders are refused at once (/dev/zero used to be read
# for ever: `timeout` makes a regression fail, not hang); so is a file above
# the size limit of a source.
for c in validate import; do
  expect "$c /dev/zero" 2 val.txt timeout 10 ./conn --data zled $c /dev/zero
  has "$c /dev/zero named" val.txt "/dev/zero: not a regular file"
done
expect "validate a folder" 2 val.txt timeout 10 ./conn validate .
has "validate a folder named" val.txt ".: not a regular file"
truncate -s 67108865 big.csv
expect "import too big" 2 val.txt timeout 10 ./conn --data zled import big.csv
has "import too big named" val.txt "big.csv: larger than the limit of 67108864 bytes"
[ ! -e zled/observations.csv ] && ok || bad "nothing written from /dev/zero"
rm -f big.csv
expect "good file" 0 val.txt ./conn validate "$top/examples/connectivity-data/observations.csv" "$top/examples/connectivity-data/events.csv"
has "good summary" val.txt "25 observation rows checked, 0 bad"

# ---- import: all or nothing, existing bytes kept -------------------------------------
mkdir -p led
# A hand-made ledger with CRLF line ends, quotes and a short row.
printf 'indicator,date,value,reporter,note\r\nnew_users,2021-05-31,180000,globaltel,"first, towers"\r\nnew_users,2021-08-31,520000,globaltel\r\n' >led/observations.csv
cp led/observations.csv before.csv
expect "import with bad rows" 1 out.txt ./conn --data led import bad.csv
has "nothing imported" out.txt "13 bad rows; nothing was imported"
same "ledger untouched by a bad import" led/observations.csv before.csv
printf 'indicator,date,value,reporter,gender,region\nnew_users,2021-11-30,980000,globaltel,,\ntrained_users,2022-05-31,61200,access_for_all,female,north\n' >good.csv
expect "import good rows" 0 out.txt ./conn --data led import good.csv
has "import said" out.txt "imported 2 observations into led/observations.csv"
# The rows after the header are the same bytes; the header gained the
# breakdown columns the new rows use, with the file's CRLF line ends.
tail -n +2 before.csv >rows-before.csv
n=$(wc -c <rows-before.csv)
tail -n +2 led/observations.csv | head -c "$n" >rows-after.csv
same "existing rows byte for byte" rows-after.csv rows-before.csv
has "header gained the breakdown columns" led/observations.csv "$(printf 'indicator,date,value,reporter,note,gender,region\r')"
has "new rows end like the file's" led/observations.csv "$(printf 'new_users,2021-11-30,980000,globaltel,,,\r')"
cp led/observations.csv before2.csv
expect "import again" 0 out.txt ./conn --data led import good.csv
has "rows already there" out.txt "imported 0 observations into led/observations.csv (2 already there)"
same "import again changes nothing" led/observations.csv before2.csv
printf 'indicator,date,value,reporter\nnew_users,2021-08-31,520001,globaltel\n' >clash.csv
expect "conflict with the ledger" 1 out.txt ./conn --data led import clash.csv
has "conflict names the ledger row" out.txt "clash.csv:2: error: a second, different value for 'new_users' on 2021-08-31 by globaltel: 520001 here, 520000 at led/observations.csv:3"
same "ledger untouched by a conflict" led/observations.csv before2.csv
expect "status reads the hand-made ledger" 0 out.txt ./conn --data led status --as-of 2022-06-30 --format json
has "status after imports" out.txt '"id": "new_users", "value": 980000, "date": "2021-11-30"'
[ -z "$(ls led | grep tmp)" ] && ok || bad "no temporary file left in the ledger"
# Columns in another order, breakdown columns first, a UTF-8 byte order mark.
mkdir -p order
printf '\357\273\277region,gender,value,reporter,date,indicator\nnorth,female,5,access_for_all,2022-01-31,trained_users\nsouth,female,7,access_for_all,2022-01-31,trained_users\n' >order/observations.csv
for r in north south east west; do for g in male other undisclosed; do
  printf '%s,%s,1,access_for_all,2022-01-31,trained_users\n' "$r" "$g" >>order/observations.csv
done; done
printf 'east,female,1,access_for_all,2022-01-31,trained_users\nwest,female,1,access_for_all,2022-01-31,trained_users\n' >>order/observations.csv
expect "validate another column order" 0 out.txt ./conn validate order/observations.csv
expect "status, another column order" 0 out.txt ./conn --data order status --as-of 2022-06-30 --format json
has "full cells summed, any column order" out.txt '"id": "trained_users", "value": 26, "date": "2022-01-31"'

# ---- record and done ------------------------------------------------------------------------
expect "record" 0 out.txt ./conn --data rec record new_users 1000 --on 2021-06-30 --by globaltel --note "a, b"
has "record said" out.txt "recorded 1 observation into rec/observations.csv"
has "record row" rec/observations.csv 'new_users,2021-06-30,1000,globaltel,"a, b",,'
expect "record breakdown" 0 out.txt ./conn --data rec record trained_users 5 --on 2021-09-30 --by access_for_all --breakdown gender=female,region=east
has "breakdown row" rec/observations.csv "trained_users,2021-09-30,5,access_for_all,,female,east"
cp rec/observations.csv before.csv
expect "record unknown" 1 out.txt ./conn --data rec record new_user 5 --on 2021-06-30 --by globaltel
has "record unknown said" out.txt "unknown indicator 'new_user'; did you mean 'new_users'?"
expect "record derived" 1 out.txt ./conn --data rec record tariff_share 5 --on 2021-06-30 --by ministry
expect "record not a number" 1 out.txt ./conn --data rec record new_users N/A --on 2021-06-30 --by globaltel
expect "record conflict" 1 out.txt ./conn --data rec record new_users 1001 --on 2021-06-30 --by globaltel
has "record conflict said" out.txt "a second, different value for 'new_users' on 2021-06-30 by globaltel: 1001 on the command line, 1000 at rec/observations.csv:2"
same "failed records change nothing" rec/observations.csv before.csv
expect "done" 0 out.txt ./conn --data rec done agreement_signed --on 2021-06-24 --by itu
has "done row" rec/events.csv "agreement_signed,2021-06-24,done,itu"
expect "done twice differently" 1 out.txt ./conn --data rec done agreement_signed --on 2021-06-25 --by itu
has "done twice said" out.txt "milestone 'agreement_signed' already has an event: done on 2021-06-24 by itu"
expect "cancel" 0 out.txt ./conn --data rec done scale_up --cancelled --on 2022-01-10 --by ministry
has "cancel row" rec/events.csv "scale_up,2022-01-10,cancelled,ministry"
expect "done unknown" 1 out.txt ./conn --data rec done pilot --on 2022-01-10 --by ministry
expect "status after done" 0 out.txt ./conn --data rec status --as-of 2022-06-30 --format json
has "done state" out.txt '"id": "agreement_signed", "due": "2021-06-30", "status": "done"'
has "cancelled state" out.txt '"id": "scale_up", "due": "2023-03-01", "status": "cancelled"'

# Temporary files: a symbolic link planted at the name the writer used to
# pick (FILE.tmp.PID; `exec` keeps the shell's PID) is never followed, and
# what a killed writer left beside the ledger is removed under the lock.
mkdir -p sym && echo precious >victim.txt
expect "record past a planted link" 0 out.txt \
  sh -c 'ln -s ../victim.txt sym/observations.csv.tmp.$$; exec ./conn --data sym record new_users 7 --on 2021-06-30 --by globaltel'
has "victim untouched" victim.txt precious
hasnt "victim untouched, no row" victim.txt new_users
has "record past a link wrote" sym/observations.csv "new_users,2021-06-30,7,globaltel"
echo stale >sym/observations.csv.tmp.123456
ln -s ../victim.txt sym/events.csv.tmp.AbC123
expect "record removes stale files" 0 out.txt ./conn --data sym record new_users 8 --on 2021-07-31 --by globaltel
expect "done removes stale files" 0 out.txt ./conn --data sym done agreement_signed --on 2021-06-24 --by itu
[ -z "$(ls sym | grep tmp)" ] && ok || bad "stale temporary files left: $(ls sym)"
has "victim untouched by cleanup" victim.txt precious
expect "doc past a planted link" 0 out.txt \
  sh -c 'ln -s victim.txt conn.md.tmp.$$; exec "$0" doc "$1" -o conn.md' "$CHARTERC" "$top/examples/connectivity.charter"
has "victim untouched by doc" victim.txt precious
[ "$(cat victim.txt)" = precious ] && ok || bad "doc wrote through the link" victim.txt

# The ledger's mode is kept (personal data stays 0600); a read-only
# ledger is refused, not rewritten.
chmod 600 sym/observations.csv
expect "record keeps 0600" 0 out.txt ./conn --data sym record new_users 9 --on 2021-08-31 --by globaltel
[ "$(stat -c %a sym/observations.csv)" = 600 ] && ok || bad "mode after record: $(stat -c %a sym/observations.csv)"
chmod 444 sym/observations.csv
cp sym/observations.csv ro-before.csv
expect "read-only ledger refused" 2 out.txt ./conn --data sym record new_users 10 --on 2021-09-30 --by globaltel
has "read-only said" out.txt "the ledger sym/observations.csv is read-only (mode 0444); nothing was recorded"
same "read-only ledger unchanged" sym/observations.csv ro-before.csv
[ "$(stat -c %a sym/observations.csv)" = 444 ] && ok || bad "read-only mode changed"
expect "read-only import refused" 2 out.txt ./conn --data sym import "$top/examples/connectivity-data/observations.csv"
same "read-only ledger unchanged by import" sym/observations.csv ro-before.csv

# Two records at once: the lock keeps both, many times over.
i=0
while [ $i -lt 12 ]; do
  d=$(printf '2022-01-%02d' $((i + 1)))
  ./conn --data conc record new_users $((1000 + i)) --on "$d" --by globaltel >/dev/null 2>&1 &
  ./conn --data conc record trained_users $((500 + i)) --on "$d" --by access_for_all >/dev/null 2>&1 &
  wait
  i=$((i + 1))
done
rows=$(grep -c '^new_users\|^trained_users' conc/observations.csv)
[ "$rows" -eq 24 ] && ok || bad "concurrent records: $rows rows of 24" conc/observations.csv
[ "$(grep -c '^indicator' conc/observations.csv)" -eq 1 ] && ok || bad "one header after concurrent records" conc/observations.csv

# ---- formulas through the standard library ------------------------------------------------
"$CHARTERC" tracker "$here/formulas.charter" -o fm 2>/dev/null || bad "formulas tracker"
expect "import formulas data" 0 out.txt ./fm import "$here/formulas-observations.csv"
expect "formulas status" 0 fm.json ./fm status --as-of 2023-10-15 --format json
has "ratio (charterstd)" fm.json '"id": "share", "value": 25, "date": "2023-09-30"'
has "growth of a series" fm.json '"id": "user_growth", "value": 300'
has "sum of a series" fm.json '"id": "user_total", "value": 750'
has "division by zero is null" fm.json '"id": "per_nothing", "value": null, "date": null, "planned": null, "status": "no_data"'
has "full breakdown cells make the total" fm.json '"id": "visits", "value": 167'
has "requirement through a formula" fm.json '"id": "reach", "due": "2023-12-31", "status": "met", "requirement": true'
expect "formulas earlier" 0 fm.json ./fm status --as-of 2023-07-01 --format json
has "ratio at an earlier date" fm.json '"id": "share", "value": 8, "date": "2023-06-30"'

# ---- a user library: refused, then allowed ----------------------------------------------------
lib=$BUILD/tests/libtestext.so
if [ -f "$lib" ]; then
  mkdir -p ext && cp "$lib" ext/
  cat >ext/ext.charter <<'EOF'
agreement ext "User functions" {
  term 2023-01-01 to 2024-12-31
}
partner p "P" {
}
extern function score(number, number) -> number from "libtestext.so"
extern function blowup(number) -> number from "libtestext.so"
extern function reports(series) -> integer from "libtestext.so"
extern function next_day(date) -> date from "libtestext.so"
extern function missing_fn(number) -> number from "libtestext.so"
indicator a "A" {
  unit count
  frequency quarterly
  reported_by p
}
indicator b "B" {
  unit count
  frequency quarterly
  reported_by p
}
indicator scored "Scored" { formula score(a, b) }
indicator infinite "Infinite" { formula blowup(a) }
indicator counted "Counted" { formula reports(a) }
indicator shifted "Shifted" { formula next_day(a) }
indicator nosuch "No such function" { formula missing_fn(a) }
EOF
  printf 'indicator,date,value,reporter\na,2023-03-31,10,p\na,2023-06-30,20,p\nb,2023-06-30,5,p\n' >ext/obs.csv
  "$CHARTERC" tracker ext/ext.charter -o ext/tr >out.txt 2>&1 || bad "ext tracker" out.txt
  (cd ext && ./tr import obs.csv >/dev/null 2>&1)
  (cd ext && ./tr status --as-of 2023-07-01 --format json) >ext.json 2>ext.err
  [ $? -eq 0 ] && ok || bad "status with a refused library" ext.err
  has "refusal names the library" ext.err 'refused to load the library "libtestext.so"'
  has "refusal says why" ext.err "loaded only with --allow-extern"
  has "refused gives no value" ext.json '"id": "scored", "value": null'
  [ "$(grep -c 'refused to load' ext.err)" -eq 1 ] && ok || bad "one refusal message per library" ext.err
  (cd ext && ./tr status --as-of 2023-07-01 --format json --allow-extern) >ext.json 2>ext.err
  [ $? -eq 0 ] && ok || bad "status with an allowed library" ext.err
  has "allowed library called" ext.json '"id": "scored", "value": 45, "date": "2023-06-30"'
  has "infinity is null" ext.json '"id": "infinite", "value": null'
  has "series to integer" ext.json '"id": "counted", "value": 2'
  has "date to date" ext.json '"id": "shifted", "value": 21'
  has "missing symbol is null" ext.json '"id": "nosuch", "value": null'
  has "missing symbol said" ext.err 'function "missing_fn" is not in library'
  hasnt "no refusal when allowed" ext.err "refused"
else
  bad "no $lib (run make unit)"
fi

# ---- calendar -------------------------------------------------------------------------------
SOURCE_DATE_EPOCH=1700000000 ./conn calendar -o cal1.ics >out.txt 2>&1 || bad "calendar" out.txt
SOURCE_DATE_EPOCH=1700000000 ./conn calendar >cal2.ics 2>out.txt || bad "calendar to stdout" out.txt
same "calendar is deterministic" cal1.ics cal2.ics
has "calendar begins" cal1.ics "BEGIN:VCALENDAR"
has "stable milestone UID" cal1.ics "UID:milestone.pilot_connected.connectivity@charter"
has "meeting recurs" cal1.ics "RRULE:FREQ=MONTHLY;INTERVAL=1;UNTIL=20240229"
has "quarterly report" cal1.ics "RRULE:FREQ=MONTHLY;INTERVAL=3;UNTIL=20240229"
has "review every 6 months" cal1.ics "UID:review.learning.connectivity@charter"
has "DTSTAMP from SOURCE_DATE_EPOCH" cal1.ics "DTSTAMP:20231114T221320Z"
[ "$(tr -d '\n' <cal1.ics | tr '\r' '\n' | wc -l)" -eq "$(wc -l <cal1.ics)" ] && ok || bad "every line ends with CRLF"
awk '{ sub(/\r$/, ""); if (length($0) > 75) bad = 1 } END { exit bad }' cal1.ics && ok || bad "lines folded at 75 octets"
grep -q '^ ' cal1.ics && ok || bad "long lines are folded"
has "escaped comma" cal1.ics 'By: GlobalTel plc\, Ministry'
hasnt "no raw comma in a text" cal1.ics "By: GlobalTel plc, Ministry"

# ---- the dashboard -----------------------------------------------------------------------------
expect "report" 0 out.txt ./fm report --as-of 2023-10-15 -o dash.html
has "report said" out.txt "wrote dash.html"
hasnt "no script" dash.html "<script"
hasnt "no external request" dash.html "http://"
hasnt "no external request (https)" dash.html "https://"
hasnt "no link element" dash.html "<link"
has "title escaped" dash.html "Formulas &lt;&amp;&gt; &quot;breakdowns&quot;"
has "partner escaped" dash.html "City &lt;Hall&gt;"
hasnt "no raw title" dash.html "Formulas <&>"
has "an SVG chart" dash.html "<svg viewBox"
has "planned trajectory" dash.html "planned trajectory"
has "benchmark" dash.html "benchmark 1,000 by 2024-12-31"
has "baseline" dash.html "baseline 0 on 2023-01-01"
has "requirement marker" dash.html "reach requires &gt;= 300"
has "milestone timeline" dash.html "Milestone timeline"
has "small cell suppressed" dash.html "suppressed"
[ "$(grep -o 'n supp' dash.html | wc -l)" -eq 2 ] && ok || bad "one small cell and one more are suppressed" dash.html
expect "report no suppression" 0 out.txt ./fm report --as-of 2023-10-15 -o dash0.html --min-cell 0
hasnt "min-cell 0" dash0.html "n supp"
expect "report unchanged" 0 out.txt ./fm report --as-of 2023-10-15 -o dash.html
has "unchanged file not rewritten" out.txt "unchanged dash.html"

# ---- due ------------------------------------------------------------------------------------------
expect "due" 0 due.txt ./st due --as-of 2024-07-01
has "due soon milestone" due.txt "2024-07-20  milestone  m_due_soon"
has "overdue milestone" due.txt "2024-06-15  milestone  m_overdue"
has "missing reports" due.txt "reports missing"
expect "due for a partner" 0 due.txt ./st due --as-of 2024-07-01 --partner beta
hasnt "only beta" due.txt "alpha"
expect "due unknown partner" 2 due.txt ./st due --partner gamma
expect "due within" 0 due.txt ./st due --as-of 2024-07-01 --within "6 months"
has "within 6 months" due.txt "m_pending"

finish
