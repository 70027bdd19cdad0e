"$CHARTERC" check --strict ../../../examples/connectivity.charter
