sh ./_conflicts.sh phase_order_ok.charter
