sh ./_conflicts.sh outside_membership_ok.charter
