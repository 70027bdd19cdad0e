# `-o` never overwrites the agreement or a file it uses, however the path
# is spelt (another spelling, a symbolic link): the command stops with
# exit 2 before writing, and the source is unchanged.  `build` stops at the
# output whose name a used file has.
. ./_lib.sh
printf 'unit seat "Seat"\n' >"$tmp/units.charter"
{ printf 'use "units.charter"\n'; head_agreement; } >"$tmp/a.charter"
ln -s a.charter "$tmp/link.charter"
mkdir "$tmp/site"
printf 'unit x "X"\n' >"$tmp/site/index.html"
{ printf 'use "site/index.html"\n'; head_agreement; } >"$tmp/b.charter"
cp "$tmp/a.charter" "$tmp/a.orig"
cp "$tmp/units.charter" "$tmp/units.orig"
cp "$tmp/site/index.html" "$tmp/index.orig"
try() {
  ( cd "$tmp" && "$CHARTERC" "$@" ) >"$tmp/out.txt" 2>&1
  st=$?
  grep -v '^charterc: note' "$tmp/out.txt"
  echo "[exit $st]"
}
try doc a.charter -o a.charter
try doc a.charter -o ./units.charter
try doc a.charter --format html -o link.charter
try graph a.charter -o site/../a.charter
try export a.charter -o units.charter
try tracker a.charter -o a.charter
try build b.charter -o site
cmp -s "$tmp/a.charter" "$tmp/a.orig" && echo "a.charter unchanged"
cmp -s "$tmp/units.charter" "$tmp/units.orig" && echo "units.charter unchanged"
cmp -s "$tmp/site/index.html" "$tmp/index.orig" && echo "site/index.html unchanged"
# A new file is written as before.
try doc a.charter -o a.md
test -s "$tmp/a.md" && echo "a.md written"
