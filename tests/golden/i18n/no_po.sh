# No readers.de.po: one finding for the whole agreement, not one per text;
# doc --lang de says so and writes the text untranslated.
. ./_setup.sh
"$CHARTERC" check --lang de readers.charter 2>&1 | only
"$CHARTERC" doc --lang de readers.charter | head -n 1
