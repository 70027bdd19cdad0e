sh ./_conflicts.sh nested_mismatch_ok.charter
