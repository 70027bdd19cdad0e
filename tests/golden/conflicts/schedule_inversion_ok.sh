sh ./_conflicts.sh schedule_inversion_ok.charter
