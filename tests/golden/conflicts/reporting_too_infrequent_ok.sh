sh ./_conflicts.sh reporting_too_infrequent_ok.charter
