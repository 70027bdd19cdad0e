# The old revision does not compile: its errors, under REV:PATH, exit 2.
. ./_against.sh
printf 'agreement river "R" {\n  lead nobody\n}\n' >agreements/river.charter
git commit -q -am broken
cp "$here/_base.charter" agreements/river.charter
"$CHARTERC" diff --against HEAD agreements/river.charter >"$t/out" 2>&1; st=$?
sed "s|$t|TMP|g" "$t/out"; echo "[exit $st]"
