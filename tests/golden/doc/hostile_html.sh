# Hostile text in every field comes out as text (HTML).
"$CHARTERC" doc _hostile.charter --format html
