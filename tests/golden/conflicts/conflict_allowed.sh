sh ./_conflicts.sh conflict_allowed.charter
