sh ./_conflicts.sh negative_count_ok.charter
