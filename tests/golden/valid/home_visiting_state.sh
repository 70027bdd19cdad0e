"$CHARTERC" check --strict ../../../examples/home_visiting_state.charter
