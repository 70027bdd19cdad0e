sh ./_conflicts.sh resource_gap.charter
