# fmt --check lists the files that are not formatted and exits 1; 0 when
# every file is.
. ./_files.sh
"$CHARTERC" fmt --check messy.charter clean.charter; echo "[exit $?]"
"$CHARTERC" fmt --check clean.charter; echo "[exit $?]"
