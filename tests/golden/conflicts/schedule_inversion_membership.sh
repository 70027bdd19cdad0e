sh ./_conflicts.sh schedule_inversion_membership.charter
