# A word that names no family is an error with exit status 2.
"$CHARTERC" explain --list gaps
