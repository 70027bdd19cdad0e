# No readers.de.po: one finding for the whole agreement, not one per text.
# No readers.es.po: doc --lang es writes the fixed text in Spanish and the
# agreement's text as written, without a word (check --lang es says it).
. ./_setup.sh
"$CHARTERC" check --lang de readers.charter 2>&1 | only
"$CHARTERC" doc --lang es readers.charter | head -n 1
