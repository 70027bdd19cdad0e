sh ./_conflicts.sh percent_summed.charter
