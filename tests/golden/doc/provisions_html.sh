# The memorandum of provisions_md.sh in HTML, from the same document tree.
"$CHARTERC" doc _provisions.charter --format html
