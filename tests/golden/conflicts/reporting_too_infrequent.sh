sh ./_conflicts.sh reporting_too_infrequent.charter
