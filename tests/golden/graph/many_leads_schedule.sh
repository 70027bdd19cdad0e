# Thirteen leads, more than the eight colours: the ninth on are the same
# colours under white patterns, each in the legend as drawn; the leads'
# names on, beside or cut inside their bars; the grey of no owner.
"$CHARTERC" graph _many_leads.charter --kind schedule --format svg
