sh ./_conflicts.sh target_direction_ok.charter
