# The partner network of the reference example as DOT.
"$CHARTERC" graph ../../../examples/connectivity.charter --kind network --format dot
