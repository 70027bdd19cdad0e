# i18n --update after the agreement changed: a changed text keeps its old
# translation, marked fuzzy with the old text as previous msgid; a new text
# comes in untranslated; a text gone stays, obsolete (#~); the
# translator's comments and the header are kept.
. ./_setup.sh
sed 's/^msgctxt "partner library"$/# Keep the library'"'"'s legal name.\n&/' readers.fr.po >x && mv x readers.fr.po
sed -e 's/"More readers"/"More young readers"/' -e '/^clause termination/,$d' readers.charter >x
mv x readers.charter
printf 'goal writers "Children write stories" {\n  by 2027-12-31\n}\n' >>readers.charter
"$CHARTERC" i18n readers.charter --update
echo "[exit $?]"
cat readers.fr.po
