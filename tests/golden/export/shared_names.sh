# Names per kind in the export: partners `schools`, `community`, `policy`
# and `funding` beside the prelude's unit, sector and functions of those
# names, the agreement's own unit `schools`, a need, an activity, an
# indicator and a milestone all called `summer_meals`, each in its own list.
"$CHARTERC" export ../valid/shared_names.charter
