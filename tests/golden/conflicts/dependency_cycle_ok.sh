sh ./_conflicts.sh dependency_cycle_ok.charter
