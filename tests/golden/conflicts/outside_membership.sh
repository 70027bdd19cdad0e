sh ./_conflicts.sh outside_membership.charter
