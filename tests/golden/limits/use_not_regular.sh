# `use` reads only regular files: a FIFO inside the folder (whose open would
# wait forever for a writer) is refused at the `use` line, at once.  The
# root file named on the command line may still be a pipe or a device
# (`charterc check <(git show ...)`, standard input as `-`): it is bounded
# by the size limit instead (file_size).
. ./_lib.sh
mkfifo "$tmp/pipe.charter" || exit 2
{ printf 'use "pipe.charter"\n'; head_agreement; } >"$tmp/a.charter"
# timeout: a regression must fail, not hang the suite.
( cd "$tmp" && timeout 10 "$CHARTERC" check a.charter ) >"$tmp/out.txt" 2>&1
st=$?
cat "$tmp/out.txt"
echo "[exit $st]"
