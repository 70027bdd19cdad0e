# --against REV: the old revision comes from git (`git show REV:PATH`), in a
# temporary repository; the file is in a subfolder and `use`s a file beside
# it, which is read from the working tree.
if ! command -v git >/dev/null 2>&1; then
    echo "git is not installed; skipped"
    exit 0
fi
here=$(pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME="$t" GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org \
    GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
cd "$t" || exit 2
git init -q repo
cd repo || exit 2
mkdir -p agreements
cp "$here/_base.charter" agreements/river.charter
printf 'unit litres "litres"\n' >agreements/units.charter
sed 's/^agreement river/use "units.charter"\n\nagreement river/' agreements/river.charter >agreements/tmp &&
    mv agreements/tmp agreements/river.charter
git add -A && git commit -q -m base && git tag v1
echo "--- unchanged working tree: no changes"
"$CHARTERC" diff --against v1 agreements/river.charter; echo "[exit $?]"
echo "--- a material change, from the repository's top and from the subfolder"
sed -i 's/commits 200_000 USD/commits 250_000 USD/' agreements/river.charter
"$CHARTERC" diff --against v1 agreements/river.charter; echo "[exit $?]"
(cd agreements && "$CHARTERC" diff --fail-on material --against HEAD river.charter >/dev/null; echo "[exit $?]")
echo "--- committed: HEAD has the change, v1 does not"
git commit -q -am "more money"
"$CHARTERC" diff --against HEAD agreements/river.charter >"$t/out"; st=$?
tail -n 1 "$t/out"; echo "[exit $st]"
"$CHARTERC" diff --format json --against v1 agreements/river.charter >"$t/out"; st=$?
grep -c '"class": "material"' "$t/out"; echo "[exit $st]"
echo "--- errors: unknown revision, file not in the revision, not a repository, option as revision"
"$CHARTERC" diff --against nosuchrev agreements/river.charter; echo "[exit $?]"
cp agreements/river.charter agreements/new.charter
"$CHARTERC" diff --against v1 agreements/new.charter; echo "[exit $?]"
cp agreements/river.charter "$t/outside.charter"
cp agreements/units.charter "$t/units.charter"
"$CHARTERC" diff --against v1 "$t/outside.charter" >"$t/out" 2>&1; st=$?
sed "s|$t|TMP|g" "$t/out"; echo "[exit $st]"
"$CHARTERC" diff --against=--output=x agreements/river.charter; echo "[exit $?]"
echo "--- the old revision does not compile"
printf 'agreement river "R" {\n  lead nobody\n}\n' >agreements/river.charter
git commit -q -am broken
cp "$here/_base.charter" agreements/river.charter
"$CHARTERC" diff --against HEAD agreements/river.charter >"$t/out" 2>&1; st=$?
sed "s|$t|TMP|g" "$t/out"; echo "[exit $st]"
