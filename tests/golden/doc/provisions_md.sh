# A memorandum partners sign, in Markdown: general provisions with every
# clause topic, the legal effect naming the clauses that bind, notices and
# contacts, one signature block per signatory, in-kind and conditional
# commitments, a partner that joins late and leaves early.
"$CHARTERC" doc _provisions.charter --format md
