sh ./_conflicts.sh unacknowledged_tension_ok.charter
