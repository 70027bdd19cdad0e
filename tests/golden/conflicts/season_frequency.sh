sh ./_conflicts.sh season_frequency.charter
