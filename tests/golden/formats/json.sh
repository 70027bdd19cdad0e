"$CHARTERC" check --format json _draft.charter
