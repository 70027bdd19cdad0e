# 25 files, each using the next twice under two namespaces (a diamond
# chain): every file is loaded once, so this takes no longer than 25 uses
# (it took 2^25 loads when each `use ... as` loaded its file again).  The
# timeout makes a return of that cost a failure rather than a hang.
. ./_lib.sh
i=0
while [ $i -lt 25 ]; do
  printf 'use "f%d.charter" as a\nuse "f%d.charter" as b\n' $((i + 1)) $((i + 1)) >"$tmp/f$i.charter"
  i=$((i + 1))
done
echo 'unit pages "pages"' >"$tmp/f25.charter"
{ printf 'use "f0.charter" as top\n'; head_agreement; } >"$tmp/root.charter"
( cd "$tmp" && timeout 10 "$CHARTERC" check --format json root.charter ) >"$tmp/out.json" 2>&1
echo "[exit $?]"
grep -o '"summary": { "errors": [0-9]*' "$tmp/out.json" | sed 's/.*: /errors: /'
