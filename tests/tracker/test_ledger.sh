#!/bin/sh
# Tests of the tracker's CSV readers against files as people and
# spreadsheets write them: a ledger left unreadable by a hand edit (an
# unclosed quote), which record, import and done must refuse to append
# to; spaces after the commas, which every reader must drop alike; empty
# spreadsheet rows, a byte order mark, capitalised or semicolon-separated
# headers, UTF-16 and Latin-1 text. Each case names what it guards
# against.
# Run by tests/run-all.sh (`make test`); ends with "N passed, N failed".
. "$(dirname "$0")/harness.sh"

"$CHARTERC" tracker "$top/examples/connectivity.charter" -o conn >/dev/null 2>&1 ||
  { echo "cannot build the tracker"; echo "0 passed, 1 failed"; exit 1; }
sample=$top/examples/connectivity-data

# ---- a ledger that does not parse is never appended to -----------------------
# A hand edit left a quote open on line 27: every row appended after it
# would sit inside the quoted field, unseen by status and validate, and a
# conflicting value would be accepted.
mkdir -p q
cp "$sample/observations.csv" "$sample/events.csv" q/
printf 'new_users,2021-12-31,5,globaltel,"unclosed\n' >>q/observations.csv
printf 'agreement_signed,2021-06-24,done,itu,"unclosed\n' >>q/events.csv
cp q/observations.csv obs.before
cp q/events.csv ev.before
expect "record after an unclosed quote is refused" 1 out.txt \
  ./conn record new_users 7 --on 2022-01-31 --by globaltel --data q
has "record names the ledger's line" out.txt "q/observations.csv:27: error: field 5 opens a quote"
has "record says nothing was recorded" out.txt "nothing was recorded"
same "record left the ledger as it was" q/observations.csv obs.before
printf 'indicator,date,value,reporter\nnew_users,2022-01-31,7,globaltel\n' >new.csv
expect "import after an unclosed quote is refused" 1 out.txt ./conn import new.csv --data q
has "import names the ledger's line" out.txt "q/observations.csv:27: error:"
has "import says nothing was imported" out.txt "nothing was imported"
same "import left the ledger as it was" q/observations.csv obs.before
expect "done after an unclosed quote is refused" 1 out.txt \
  ./conn done agreement_signed --on 2021-06-24 --by itu --data q
has "done names the ledger's line" out.txt "q/events.csv:3: error: field 5 opens a quote"
same "done left the ledger as it was" q/events.csv ev.before
# A stray quote inside a field (not fatal to the reader) is refused too.
cp "$sample/observations.csv" q/observations.csv
printf 'new_users,2021-12-31,5,glo"baltel,\n' >>q/observations.csv
cp q/observations.csv obs.before
expect "record after a stray quote is refused" 1 out.txt \
  ./conn record new_users 7 --on 2022-01-31 --by globaltel --data q
has "the stray quote is named" out.txt "q/observations.csv:27: error: field 4 has a stray double quote"
same "the ledger with a stray quote is unchanged" q/observations.csv obs.before
# Once corrected, the same record goes in.
cp "$sample/observations.csv" q/observations.csv
expect "record into the corrected ledger" 0 out.txt \
  ./conn record new_users 7 --on 2022-01-31 --by globaltel --data q

# ---- spaces around fields: one rule for every reader ---------------------------
# Spaces and tabs outside quotes are not data, in the header and the rows.
# validate used to accept the spaced row, status to skip it, record to
# accept a conflicting value and to append the header's names again.
mkdir -p sp
printf 'indicator, date, value, reporter, note, gender, region\nnew_users, 2021-05-31, 180000,\tglobaltel ,,,\n' >sp/observations.csv
printf 'milestone, date, status, by\nagreement_signed, 2021-06-24, done, itu\n' >sp/events.csv
expect "validate takes the spaced rows" 0 out.txt ./conn validate sp/observations.csv sp/events.csv
has "validate: no bad row" out.txt "1 observation row checked, 0 bad"
has "validate: no bad event" out.txt "1 event row checked, 0 bad"
expect "status reads the spaced rows" 0 out.txt ./conn status --data sp --as-of 2021-06-30
has "status shows the spaced value" out.txt "180,000  2021-05-31"
has "status shows the spaced event" out.txt "done on 2021-06-24 by itu"
hasnt "status skips no row" out.txt "not valid"
cp sp/observations.csv obs.before
expect "a conflict with a spaced row is refused" 1 out.txt \
  ./conn record new_users 5 --on 2021-05-31 --by globaltel --data sp
has "the conflict names the spaced row" out.txt "180000 at sp/observations.csv:2"
same "the refused conflict left the ledger" sp/observations.csv obs.before
expect "the same value as a spaced row is a duplicate" 0 out.txt \
  ./conn record new_users 180000 --on 2021-05-31 --by globaltel --data sp
has "the duplicate is skipped" out.txt "recorded 0 observations"
expect "record after a spaced header" 0 out.txt \
  ./conn record new_users 200000 --on 2021-06-30 --by globaltel --data sp
[ "$(grep -c indicator sp/observations.csv)" -eq 1 ] && ok ||
  bad "the spaced header's names were appended again" sp/observations.csv
has "the new row is appended" sp/observations.csv "new_users,2021-06-30,200000,globaltel"
# Inside quotes spaces are data: every reader sees ' globaltel'.
printf 'indicator,date,value,reporter\nnew_users,2021-05-31,1," globaltel"\n' >quoted.csv
expect "a quoted spaced reporter is unknown" 1 out.txt ./conn validate quoted.csv
has "validate names it" out.txt "unknown partner ' globaltel'"
mkdir -p qs && cp quoted.csv qs/observations.csv
expect "status skips the quoted spaced row" 0 out.txt ./conn status --data qs --as-of 2021-06-30
has "status says it skipped it" out.txt "1 row of qs/observations.csv is not valid"
# Imported spaced rows are stored without the spaces.
printf 'indicator , date,value,reporter\n new_users , 2021-08-31 , 520000 , globaltel\n' >spaced.csv
expect "import a spaced file" 0 out.txt ./conn import spaced.csv --data imp
has "stored without spaces" imp/observations.csv "new_users,2021-08-31,520000,globaltel"

# ---- spreadsheets' CSV ---------------------------------------------------------
# Excel's empty rows are skipped, not four errors each.
printf 'indicator,date,value,reporter\r\nnew_users,2021-05-31,180000,globaltel\r\n,,,\r\n,,,\r\n' >excel.csv
expect "empty rows are not errors" 0 out.txt ./conn validate excel.csv
has "empty rows are not rows" out.txt "1 observation row checked, 0 bad"
expect "import with empty rows" 0 out.txt ./conn import excel.csv --data xl
has "one row imported" out.txt "imported 1 observation"
mkdir -p xs
printf 'indicator,date,value,reporter\nnew_users,2021-05-31,180000,globaltel\n,,,\n' >xs/observations.csv
expect "status with an empty row" 0 out.txt ./conn status --data xs --as-of 2021-06-30
hasnt "status counts no empty row" out.txt "not valid"
# A UTF-8 byte order mark is accepted.
printf '\357\273\277indicator,date,value,reporter\nnew_users,2021-05-31,180000,globaltel\n' >bom.csv
expect "a UTF-8 byte order mark is accepted" 0 out.txt ./conn validate bom.csv
expect "import with a byte order mark" 0 out.txt ./conn import bom.csv --data bom
expect "status after a byte order mark" 0 out.txt ./conn status --data bom --as-of 2021-06-30
has "status reads it" out.txt "180,000  2021-05-31"
# A capitalised header: what was found and what is expected.
printf 'Indicator,Date,Value,Reporter\nnew_users,2021-05-31,1,globaltel\n' >observations-cap.csv
expect "a capitalised header is refused" 1 out.txt ./conn validate observations-cap.csv
has "the capitals are named" out.txt \
  "observations-cap.csv:1: error: column names are written in lower case: found 'Indicator', expected 'indicator'"
# European Excel separates with ';'.
printf 'indicator;date;value;reporter\nnew_users;2021-05-31;1;globaltel\n' >semi.csv
expect "a ';' header is refused" 1 out.txt ./conn import semi.csv --data semi
has "the separator is named" out.txt "semi.csv:1: error: the columns are separated by ';'"
[ ! -e semi ] && ok || bad "a ';' file made a ledger"
# UTF-16, with a byte order mark or without (NUL bytes).
printf '\377\376i\000n\000d\000\n\000' >u16.csv
expect "UTF-16 is refused" 1 out.txt ./conn validate u16.csv
has "UTF-16 is named" out.txt "u16.csv:1: error: the file is UTF-16 text (it starts with the byte order mark 0xFF 0xFE)"
printf 'i\000n\000d\000\n\000' >u16le.csv
expect "UTF-16 without a mark is refused" 1 out.txt ./conn validate u16le.csv
has "its NUL bytes are named" out.txt "u16le.csv:1: error: field 1 contains a NUL byte"
# Latin-1 text is refused, naming the line and the byte, and not stored.
printf 'indicator,date,value,reporter,note\nnew_users,2021-05-31,1,globaltel,caf\351\n' >latin1.csv
expect "Latin-1 is refused" 1 out.txt ./conn validate latin1.csv
has "the line and the byte are named" out.txt \
  "latin1.csv:2: error: field 5 is not valid UTF-8 text: byte 0xE9 at column 37"
expect "Latin-1 is not imported" 1 out.txt ./conn import latin1.csv --data lat
[ ! -e lat/observations.csv ] && ok || bad "Latin-1 text reached the ledger" lat/observations.csv
expect "a Latin-1 note is not recorded" 1 out.txt \
  ./conn record new_users 1 --on 2021-05-31 --by globaltel --note "$(printf 'caf\351')" --data lat
has "the note's byte is named" out.txt "the note given is not valid UTF-8 text: byte 0xE9 at byte 4"
[ ! -e lat/observations.csv ] && ok || bad "a Latin-1 note reached the ledger" lat/observations.csv

finish
