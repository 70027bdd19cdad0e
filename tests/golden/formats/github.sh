"$CHARTERC" check --format github _draft.charter
