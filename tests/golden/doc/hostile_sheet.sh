# Hostile text in a partner sheet, both formats.
"$CHARTERC" doc _hostile.charter --partner script --format md
"$CHARTERC" doc _hostile.charter --partner script --format html
