sh ./_conflicts.sh formula_frequency_mismatch.charter
