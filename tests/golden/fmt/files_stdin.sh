# - formats standard input to standard output, with --check and --diff
# too; empty input stays empty.
. ./_files.sh
printf 'unit  a "A"' | "$CHARTERC" fmt -; echo "[exit $?]"
printf 'unit  a "A"' | "$CHARTERC" fmt --check -; echo "[exit $?]"
printf 'unit  a "A"' | "$CHARTERC" fmt --diff -; echo "[exit $?]"
printf '' | "$CHARTERC" fmt -; echo "[exit $?]"
