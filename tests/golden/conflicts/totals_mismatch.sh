sh ./_conflicts.sh totals_mismatch.charter
