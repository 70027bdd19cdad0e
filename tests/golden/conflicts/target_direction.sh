sh ./_conflicts.sh target_direction.charter
