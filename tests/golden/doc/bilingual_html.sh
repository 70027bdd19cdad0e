# The agreement with clauses, contacts and signatures in English and
# French side by side (doc --lang en,fr): one HTML page, a row of two
# columns per section, the signatures once with labels in both languages.
"$CHARTERC" doc _provisions.charter --lang en,fr --format html
