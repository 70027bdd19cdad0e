# --without is required.
"$CHARTERC" impact ../../../examples/connectivity.charter
