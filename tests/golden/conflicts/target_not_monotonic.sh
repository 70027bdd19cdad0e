sh ./_conflicts.sh target_not_monotonic.charter
