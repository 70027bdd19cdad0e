# The agreement with notices, legal effect, money and conditions, its own
# text in Spanish (--lang es): headings, labels, dates, numbers and amounts.
"$CHARTERC" doc _provisions.charter --lang es --format md
