# Hostile text in a partner sheet, as Markdown.
"$CHARTERC" doc _hostile.charter --partner script --format md
