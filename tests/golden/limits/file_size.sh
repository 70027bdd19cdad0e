# The largest source file is SRC_MAX_SIZE (64 MiB): a larger file, device or
# stream is refused with one message before it is parsed, and a device
# that never ends (/dev/zero) is not read past the limit.
. ./_lib.sh
truncate -s 67108865 "$tmp/big.charter"
run big.charter
# Exactly at the limit the file is read: these 64 MiB are NUL bytes, so it
# is then refused as not being text.
truncate -s 67108864 "$tmp/edge.charter"
run edge.charter
"$CHARTERC" check /dev/zero
echo "[exit $?]"
head -c 67108865 /dev/zero | "$CHARTERC" check -
echo "[exit $?]"
