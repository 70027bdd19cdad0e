# A nested agreement: activities and milestones of the county, nothing of the state.
"$CHARTERC" graph ../../../examples/home_visiting_county.charter
