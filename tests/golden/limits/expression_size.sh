# A `requires` or `formula` holds at most SCAN_MAX_EXPR_OPS (1000)
# operators.  More would make a syntax tree too deep for the passes that
# walk it (300,000 `+` used to overflow the stack); the file is refused at
# the operator too many.
. ./_lib.sh
formula() {   # formula N: an indicator whose formula has N `+`
  printf 'indicator i "I" {\n  unit people\n  formula 1'
  i=0
  while [ $i -lt "$1" ]; do printf ' + 1'; i=$((i + 1)); done
  printf '\n}\n'
}
{ head_agreement; formula 1000; } >"$tmp/ok.charter"
accepted ok.charter
{ head_agreement; formula 1001; } >"$tmp/over.charter"
run over.charter
{ head_agreement; printf 'milestone m "M" {\n  due 2025-06-01\n  requires '; i=0; while [ $i -lt 1001 ]; do printf 'not '; i=$((i + 1)); done; printf 'x > 1\n}\n'; } >"$tmp/not.charter"
run not.charter
