# An unknown partner: "did you mean", exit status 2.
"$CHARTERC" impact ../../../examples/connectivity.charter --without globaltell
