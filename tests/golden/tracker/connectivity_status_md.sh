# The scorecard of the connectivity example with its sample data, as
# Markdown.
. ./_connectivity.sh
ledger
./conn status --as-of 2022-06-30 --format md
