sh ./_conflicts.sh report_to_self_ok.charter
