# Hostile text in the pictures: XML-escaped in SVG, quoted in DOT.
"$CHARTERC" graph ../doc/_hostile.charter
"$CHARTERC" graph ../doc/_hostile.charter --kind network --format dot
