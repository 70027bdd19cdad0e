# The sheet of partner `schools`, which reports `summer_meals` (an
# indicator), leads `summer_meals` (an activity) and owns `summer_meals` (a
# milestone), and commits 12 schools (the agreement's own unit).
"$CHARTERC" doc ../valid/shared_names.charter --partner schools
