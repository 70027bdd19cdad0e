# Resources in the partner network: money and in-kind commitments to the
# partnership's pool (one conditional, dashed, with its condition; one in
# kind with what it is and its value), budgets from the activities' leads,
# and the key to the flows' lines.
"$CHARTERC" graph ../doc/_provisions.charter --kind network --format dot
