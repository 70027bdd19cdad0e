# Hostile text in every field comes out as text (Markdown).
"$CHARTERC" doc _hostile.charter
