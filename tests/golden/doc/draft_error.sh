# A draft whose checks find an error (a partner leads an activity before
# it joins): rendered with the draft banner, refused for signature (exit
# 1, the finding named, nothing written).
"$CHARTERC" doc _provisions.charter --for-signature --partner county
echo "[--partner exit $?]"
d=$(mktemp -d)
sed 's/joins 2026-07-01/joins 2026-10-01/' _provisions.charter >"$d/draft.charter"
cd "$d" || exit 2
"$CHARTERC" doc draft.charter | head -3
"$CHARTERC" doc draft.charter --format html | grep -c 'Draft — does not pass its checks'
"$CHARTERC" doc draft.charter --for-signature -o copy.md
echo "[exit $?]"
echo "files written: $(ls -A | grep -vc '^draft.charter$')"
cd / && rm -rf "$d"
