sh ./_conflicts.sh phase_order.charter
