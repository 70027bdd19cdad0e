# --color=always colours even into a pipe.
"$CHARTERC" check --color=always _draft.charter 2>&1 | head -3 | od -c | head -4
