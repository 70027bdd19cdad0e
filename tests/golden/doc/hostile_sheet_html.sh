# Hostile text in a partner sheet, as HTML.
"$CHARTERC" doc _hostile.charter --partner script --format html
