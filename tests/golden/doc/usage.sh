# Bad usage exits 2 with one clear sentence.
"$CHARTERC" doc ../../../examples/connectivity.charter --partner globaltell
echo "[exit $?]"
"$CHARTERC" doc ../../../examples/connectivity.charter --partner nobody_at_all
echo "[exit $?]"
"$CHARTERC" doc ../../../examples/connectivity.charter --format pdf
echo "[exit $?]"
"$CHARTERC" doc
echo "[exit $?]"
"$CHARTERC" doc ../../../examples/connectivity.charter --kind network
echo "[exit $?]"
"$CHARTERC" doc no_such_file.charter
echo "[exit $?]"
"$CHARTERC" graph ../../../examples/connectivity.charter --kind gantt
echo "[exit $?]"
"$CHARTERC" graph ../../../examples/connectivity.charter --format dot
echo "[exit $?]"
"$CHARTERC" graph ../../../examples/connectivity.charter --format png
echo "[exit $?]"
"$CHARTERC" build ../../../examples/connectivity.charter --format md
echo "[exit $?]"
"$CHARTERC" doc --help | head -n 1
echo "[exit $?]"
