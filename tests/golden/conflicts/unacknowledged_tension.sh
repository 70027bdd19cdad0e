sh ./_conflicts.sh unacknowledged_tension.charter
