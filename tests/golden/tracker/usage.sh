# charterc tracker --help, the tracker's --help and its usage errors.
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
"$CHARTERC" tracker --help
"$CHARTERC" tracker
echo "[exit $?]"
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
