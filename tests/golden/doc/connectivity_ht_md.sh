# Haitian Creole: the few headings its catalogue translates, French for the
# rest (the chain ht, fr, en); dates and numbers as Haiti writes them.
"$CHARTERC" doc ../../../examples/connectivity.charter --lang ht
