# fmt --diff makes headers that `patch -p1` applies: a file named by its
# absolute path below the working folder is named from there; a file
# outside it, from the root folder (never `a//tmp/...`, which patch
# refuses). Each diff is applied with patch and gives the formatted file.
if ! command -v patch >/dev/null 2>&1; then
    echo "patch is not installed"
    exit 77
fi
. ./_files.sh
"$CHARTERC" fmt - <messy.charter >formatted
"$CHARTERC" fmt --diff "$t/messy.charter" >below.diff; echo "[exit $?]"
head -n 2 below.diff
patch -s -p1 <below.diff && cmp messy.charter formatted && echo "applied in the working folder"
cp messy.orig messy.charter
mkdir elsewhere && cd elsewhere || exit 2
"$CHARTERC" fmt --diff "$t/messy.charter" >"$t/outside.diff"; echo "[exit $?]"
head -n 2 "$t/outside.diff" | sed "s|${t#/}|TMP|"
patch -s -p1 -d / <"$t/outside.diff" && cmp "$t/messy.charter" "$t/formatted" &&
    echo "applied from the root folder"
