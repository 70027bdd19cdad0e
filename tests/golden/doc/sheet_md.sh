# One partner's commitment sheet, in Markdown.
"$CHARTERC" doc ../../../examples/connectivity.charter --partner globaltel
