# An error in the old revision is reported at REV:FILE and at the old
# revision's line (past the end of the working-tree file, which is v1's
# shorter text), never at the working-tree file's name: exit 2.
. ./_against.sh
printf '\npartner ghost "Ghost" {\n  sector nowhere\n}\n' >>agreements/river.charter
git commit -q -am "a partner with a sector that does not exist"
git show v1:agreements/river.charter >agreements/river.charter
wc -l <agreements/river.charter
"$CHARTERC" diff --against HEAD agreements/river.charter >"$t/out" 2>&1; st=$?
sed "s|$t|TMP|g" "$t/out"; echo "[exit $st]"
