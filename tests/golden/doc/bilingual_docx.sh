# The same agreement in French and English as a Word file (French on the
# left): its text, one paragraph a line, each section's left cell then its
# right cell, and the signatures once.
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed"; exit 77; }
d=$(mktemp -d)
"$CHARTERC" doc _provisions.charter --lang fr,en -o "$d/bi.docx"
echo "[doc exit $?]"
python3 ../../doc/docx_text.py "$d/bi.docx" accept
rm -rf "$d"
