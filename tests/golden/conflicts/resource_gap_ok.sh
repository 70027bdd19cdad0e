sh ./_conflicts.sh resource_gap_ok.charter
