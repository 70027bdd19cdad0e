# The formal agreement of the reference example, in Markdown.
"$CHARTERC" doc ../../../examples/connectivity.charter --format md
