sh ./_conflicts.sh hierarchy_concentration_ok.charter
