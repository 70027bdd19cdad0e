# The template of the agreement's texts: one entry per text in source order,
# its context, what it is and where; quotes and line breaks escaped.
. ./_setup.sh
"$CHARTERC" i18n readers.charter
