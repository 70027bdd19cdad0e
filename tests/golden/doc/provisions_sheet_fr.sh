# A partner's commitment sheet in French.
"$CHARTERC" doc _provisions.charter --lang fr --partner county
