"$CHARTERC" check --strict ../../../examples/home_visiting_county.charter
