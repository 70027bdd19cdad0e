# With --strict the new warnings count as errors: exit status 1.  Without the
# farmers, the river compact loses its only activity lead, its only reporter
# and one of its two sectors.
"$CHARTERC" impact --strict ../gaps/lead_missing_ok.charter --without farmers
