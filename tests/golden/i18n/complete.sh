# A complete translation: no finding of the translation checks.
. ./_setup.sh
"$CHARTERC" check --lang fr readers.charter 2>&1 | only
echo "translation findings: $("$CHARTERC" check --lang fr readers.charter 2>&1 | grep -c '\[translation_')"
