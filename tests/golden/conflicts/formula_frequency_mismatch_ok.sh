sh ./_conflicts.sh formula_frequency_mismatch_ok.charter
