# Hostile text in the schedule: XML-escaped in SVG.
"$CHARTERC" graph ../doc/_hostile.charter
