# The same agreement in French, as HTML (html lang, signature labels, footer).
"$CHARTERC" doc _provisions.charter --lang fr --format html
