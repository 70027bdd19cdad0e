# The longest string literal is SCAN_MAX_STRING (1 MiB), with "..." and
# with """...""": one byte more is an error at the string's start.
. ./_lib.sh
long() {   # long N: N letters
  head -c "$1" /dev/zero | tr '\0' 'x'
}
{ head_agreement; printf 'partner p "'; long 1048576; printf '"\n'; } >"$tmp/max.charter"
accepted max.charter
{ head_agreement; printf 'partner p "'; long 1048577; printf '"\n'; } >"$tmp/over.charter"
run over.charter
{ head_agreement; printf 'partner p """\n'; long 1048577; printf '\n"""\n'; } >"$tmp/triple.charter"
run triple.charter
