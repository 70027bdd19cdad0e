sh ./_conflicts.sh schedule_inversion_term.charter
