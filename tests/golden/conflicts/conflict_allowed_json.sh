# The allowed findings of conflict_allowed.charter in the JSON output.
"$CHARTERC" check --format json conflict_allowed.charter | grep '"allowed": true'
