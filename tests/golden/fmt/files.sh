# fmt on files: --check, --diff, rewriting in place, files left alone.
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
printf 'unit a "A"\npartner p "P" {\n    sector private\n}\n' >"$t/messy.charter"
printf 'unit a "A"\n\npartner p "P" {\n  sector private\n}\n' >"$t/clean.charter"
printf 'partner p "P" {\n    sector private )\n}\n' >"$t/broken.charter"
cp "$t/messy.charter" "$t/messy.orig"
cp "$t/broken.charter" "$t/broken.orig"
cd "$t" || exit 2

echo "--- check: lists what is not formatted, exit 1"
"$CHARTERC" fmt --check messy.charter clean.charter; echo "[exit $?]"
"$CHARTERC" fmt --check clean.charter; echo "[exit $?]"
echo "--- diff: a unified diff, nothing written, exit 0 (1 with --check)"
"$CHARTERC" fmt --diff messy.charter clean.charter; echo "[exit $?]"
"$CHARTERC" fmt --diff --check messy.charter >/dev/null; echo "[exit $?]"
cmp -s messy.charter messy.orig && echo "messy.charter unchanged"
echo "--- in place: the messy file is rewritten, the clean one is not touched"
touch -d '2000-01-01 00:00' clean.charter
chmod 600 messy.charter
"$CHARTERC" fmt messy.charter clean.charter; echo "[exit $?]"
cat messy.charter
[ "$(date -r clean.charter +%Y)" = 2000 ] && echo "clean.charter not rewritten"
[ "$(stat -c %a messy.charter)" = 600 ] && echo "messy.charter keeps its mode"
ls -A | grep -c tmp || true
echo "--- syntax errors: the file is left as it is, exit 1; the others are formatted"
cp messy.orig messy.charter
"$CHARTERC" fmt broken.charter messy.charter; echo "[exit $?]"
cmp -s broken.charter broken.orig && echo "broken.charter unchanged"
cmp -s messy.charter messy.orig || echo "messy.charter formatted"
echo "--- errors of use: exit 2"
"$CHARTERC" fmt missing.charter; echo "[exit $?]"
"$CHARTERC" fmt; echo "[exit $?]"
"$CHARTERC" fmt --chek x; echo "[exit $?]"
"$CHARTERC" fmt - - </dev/null; echo "[exit $?]"
echo "--- standard input"
printf 'unit  a "A"' | "$CHARTERC" fmt -; echo "[exit $?]"
printf 'unit  a "A"' | "$CHARTERC" fmt --check -; echo "[exit $?]"
printf 'unit  a "A"' | "$CHARTERC" fmt --diff -; echo "[exit $?]"
printf '' | "$CHARTERC" fmt -; echo "[exit $?]"
