# Sourced by the against_*.sh cases (--against REV: the old revision comes
# from git, `git show REV:PATH`): a temporary repository, made the current
# folder, whose commit tagged v1 holds agreements/river.charter (_base.charter
# with a `use` of agreements/units.charter, a file beside it that is read
# from the working tree). Without git the case is skipped: exit 77, which
# tests/run-golden.sh counts as a skip, with the reason as the first line.
if ! command -v git >/dev/null 2>&1; then
    echo "git is not installed"
    exit 77
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
