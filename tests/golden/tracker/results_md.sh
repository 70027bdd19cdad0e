# The results scorecard in Markdown.
. ./_results.sh
./rs status --as-of 2024-07-01 --format md
