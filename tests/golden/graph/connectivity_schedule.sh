# The schedule of the reference example as a Gantt chart (SVG).
"$CHARTERC" graph ../../../examples/connectivity.charter --kind schedule --format svg
