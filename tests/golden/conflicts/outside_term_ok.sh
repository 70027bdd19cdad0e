sh ./_conflicts.sh outside_term_ok.charter
