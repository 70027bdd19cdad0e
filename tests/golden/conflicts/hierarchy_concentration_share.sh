sh ./_conflicts.sh hierarchy_concentration_share.charter --max-share 30
