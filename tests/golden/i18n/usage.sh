# Usage errors of i18n and --lang.
"$CHARTERC" i18n; echo "[exit $?]"
"$CHARTERC" i18n _readers.charter --update -o x.pot; echo "[exit $?]"
"$CHARTERC" check --lang 'f r' _readers.charter; echo "[exit $?]"
"$CHARTERC" doc --lang ../x _readers.charter; echo "[exit $?]"
"$CHARTERC" i18n _readers.charter -o _readers.charter; echo "[exit $?]"
