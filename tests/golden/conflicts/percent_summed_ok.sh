sh ./_conflicts.sh percent_summed_ok.charter
