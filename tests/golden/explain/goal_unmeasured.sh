# The reference text of one check, as `charterc explain NAME` prints it.
"$CHARTERC" explain goal_unmeasured
