# The agreement with notices, legal effect, money and conditions, its own
# text in French (--lang fr): headings, labels, dates, numbers and amounts.
"$CHARTERC" doc _provisions.charter --lang fr --format md
