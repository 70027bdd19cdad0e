sh ./_conflicts.sh schedule_inversion.charter
