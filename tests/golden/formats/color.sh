# --color=always colours even into a pipe; NO_COLOR turns auto off.
"$CHARTERC" check --color=always _draft.charter 2>&1 | head -3 | od -c | head -4
NO_COLOR=1 "$CHARTERC" check --color=auto _draft.charter 2>&1 | head -1
