sh ./_conflicts.sh redundant_activity.charter
