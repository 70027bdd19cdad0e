sh ./_conflicts.sh nested_mismatch.charter
