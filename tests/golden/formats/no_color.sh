# NO_COLOR turns --color=auto off.
NO_COLOR=1 "$CHARTERC" check --color=auto _draft.charter 2>&1 | head -1
