sh ./_conflicts.sh redundant_activity_ok.charter
