# The tracker's --help, and its usage errors: no command, a bad date, a
# record without its options, an import without a file.
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
"$CHARTERC" tracker "$top/examples/connectivity.charter" -o conn 2>/dev/null
./conn --help
./conn
echo "[exit $?]"
./conn status --as-of yesterday
echo "[exit $?]"
./conn record new_users 5
echo "[exit $?]"
./conn import
echo "[exit $?]"
