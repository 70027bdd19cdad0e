sh ./_conflicts.sh dependency_cycle.charter
