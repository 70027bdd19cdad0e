# fmt --diff on a file named by its absolute path, applied with `git apply`
# in the working folder (outside any repository, as patch would): it gives
# the formatted file.
if ! command -v git >/dev/null 2>&1; then
    echo "git is not installed"
    exit 77
fi
. ./_files.sh
"$CHARTERC" fmt - <messy.charter >formatted
"$CHARTERC" fmt --diff "$t/messy.charter" >abs.diff; echo "[exit $?]"
GIT_CEILING_DIRECTORIES=$(dirname "$t") git apply -p1 abs.diff && cmp messy.charter formatted &&
    echo "applied with git apply"
