"$CHARTERC" check --strict ../../../examples/shape_up_somerville.charter
