# At most 50 errors are reported per file: 50 syntax errors, then the
# scanner stops; 50 language errors of any kind, then one `limit` error
# says the rest were dropped.  A file with 100,000 mistakes costs no more
# than one with 51.
. ./_lib.sh
{ head_agreement; i=0; while [ $i -lt 60 ]; do printf 'partner p%d "P" { sector ) }\n' $i; i=$((i + 1)); done; } >"$tmp/syntax.charter"
run syntax.charter | grep -E "\[limit\]|^\[exit"
run syntax.charter | grep -c ": error: "
{ head_agreement; printf 'activity act "A" {\n  partners '; i=0; while [ $i -lt 100000 ]; do printf 'q%d, ' $i; i=$((i + 1)); done; printf 'q\n}\n'; } >"$tmp/names.charter"
run names.charter | grep -E "\[limit\]|^\[exit"
run names.charter | grep -c ": error: "
