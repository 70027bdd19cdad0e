sh ./_conflicts.sh hierarchy_concentration_small.charter
