sh ./_conflicts.sh tension_unresolved_ok.charter
