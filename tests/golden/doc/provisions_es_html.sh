# The same agreement in Spanish, as HTML (html lang, signature labels, footer).
"$CHARTERC" doc _provisions.charter --lang es --format html
