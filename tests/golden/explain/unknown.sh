# A misspelled check name gets a suggestion and exit status 2.
"$CHARTERC" explain goal_unmesured
