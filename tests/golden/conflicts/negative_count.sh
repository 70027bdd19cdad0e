sh ./_conflicts.sh negative_count.charter
