"$CHARTERC" check --strict ../../../../shared/spec/examples/connectivity.charter
