# Hostile text in the partner network: quoted in DOT.
"$CHARTERC" graph ../doc/_hostile.charter --kind network --format dot
