sh ./_conflicts.sh tension_unresolved.charter
