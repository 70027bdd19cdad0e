# The formal agreement of the reference example, as one HTML page.
"$CHARTERC" doc ../../../examples/connectivity.charter --format html
