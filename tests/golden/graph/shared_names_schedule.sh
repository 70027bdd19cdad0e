# Its Gantt chart: the activity and the milestone called `summer_meals`
# (and those called `funding`) have the ids gantt-activity-ID and
# gantt-milestone-ID.
"$CHARTERC" graph ../valid/shared_names.charter --kind schedule --format svg
