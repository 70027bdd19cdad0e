sh ./_conflicts.sh hierarchy_concentration.charter
