sh ./_conflicts.sh totals_mismatch_ok.charter
