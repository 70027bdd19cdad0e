# A partner's commitment sheet in Spanish.
"$CHARTERC" doc _provisions.charter --lang es --partner county
