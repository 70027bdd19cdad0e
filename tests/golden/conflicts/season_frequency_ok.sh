sh ./_conflicts.sh season_frequency_ok.charter
