# The schedule of the reference example with --lang es.
"$CHARTERC" graph ../../../examples/connectivity.charter --kind schedule --lang es
