sh ./_conflicts.sh outside_term.charter
