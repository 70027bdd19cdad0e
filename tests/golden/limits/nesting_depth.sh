# Brackets, ( ) and { } together, nest at most SCAN_MAX_NESTING (200)
# deep; deeper, the file is refused at the first bracket too many and
# nothing after it is read.
. ./_lib.sh
rep() {   # rep N TEXT
  i=0
  while [ $i -lt "$1" ]; do printf '%s' "$2"; i=$((i + 1)); done
}
{ head_agreement; printf 'allow x '; rep 199 '('; printf 'y'; rep 199 ')'; printf '\n'; } >"$tmp/ok.charter"
run ok.charter
{ head_agreement; printf 'allow x '; rep 201 '('; printf 'y'; rep 201 ')'; printf '\n'; } >"$tmp/parens.charter"
run parens.charter
{ head_agreement; rep 201 'x {'; rep 201 '}'; printf '\n'; } >"$tmp/blocks.charter"
run blocks.charter
