"$CHARTERC" check --strict ../../../examples/leogane_health.charter
