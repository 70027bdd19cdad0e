# A translation file gettext's reader rejects: each problem at its file and
# line, exit 1, and nothing written.
. ./_setup.sh
sed 's/^msgid "More readers"$/msgid "More readers/' readers.fr.po >x && mv x readers.fr.po
"$CHARTERC" check --lang fr readers.charter >out.txt 2>&1
echo "[check exit $?]"
awk '/: (warning|error): /{ show = /\[translation_syntax\]/ } show' out.txt
"$CHARTERC" doc --lang fr readers.charter -o out.md
echo "[doc exit $?]"
ls out.md 2>/dev/null || echo "no out.md"
