# check --lang ht on the Haitian example: its text is translated whole, and
# a note says how much of Charter's fixed text the Creole catalogue
# translates (partial on purpose; the rest is French).  The counts follow
# the catalogues, so the case shows them as N and M.
"$CHARTERC" check --strict --lang ht ../../../examples/leogane_health.charter 2>&1 |
  sed -E 's/translates [0-9]+ of [0-9]+ texts/translates N of M texts/'
