# The longest name is SCAN_MAX_NAME (256 bytes): one byte more is a limit
# error at the name's start, and a name of 1 MB gives the same few lines,
# the name abbreviated wherever it is quoted (a 60 MB name used to make
# 660 MB of messages).
. ./_lib.sh
long() {   # long N: N letters
  head -c "$1" /dev/zero | tr '\0' 'x'
}
{ head_agreement; printf 'partner '; long 256; printf ' "P"\n'; } >"$tmp/max.charter"
accepted max.charter
{ head_agreement; printf 'partner '; long 257; printf ' "P"\n'; } >"$tmp/over.charter"
run over.charter
{ printf 'agreement a "A" {\n  term 2025-01-01 to 2026-12-31\n  lead '; long 1048576
  printf '\n}\n'; long 1048576; printf ' 3\n'; } >"$tmp/huge.charter"
run huge.charter
