# test_lang.sh - the catalogues of fixed text (stdlib/po) and --lang.
#
# Every shipped catalogue passes msgfmt --check; charterc.pot is what
# `make pot` makes of the marked sources today; French and Spanish are
# complete; no translation holds a character Markdown would read as markup
# (the documents write fixed text unescaped, doc.h); --lang refuses an
# unknown language and a missing catalogue with exit 2; and the output does
# not depend on the caller's LANG, LC_ALL or LANGUAGE.
. "$(dirname "$0")/../doc/harness.sh"
cd "$top" || exit 2
po=stdlib/po

for f in "$po"/*.po; do
  check "msgfmt --check $f" msgfmt --check -o /dev/null "$f"
done

cp "$po/charterc.pot" "$tmp/charterc.pot"
make --no-print-directory -s pot POT="$tmp/charterc.pot" >/dev/null
check "stdlib/po/charterc.pot is up to date (run 'make pot')" cmp -s "$po/charterc.pot" "$tmp/charterc.pot"

# Complete: every msgid of the template has a translation that is not fuzzy.
for l in fr es; do
  check "$l.po has every msgid of charterc.pot (msgmerge it)" msgcmp "$po/$l.po" "$po/charterc.pot"
  n=$(msgattrib --untranslated --only-fuzzy "$po/$l.po" 2>/dev/null | grep -c '^msgid ' || :)
  u=$(msgattrib --untranslated "$po/$l.po" | grep -c '^msgid ' || :)
  check "$l.po: no untranslated or fuzzy entry ($u, $n)" test "${u:-0}" -eq 0 -a "${n:-0}" -eq 0
done

for f in "$po"/*.po; do
  found=$(msgattrib --translated --no-wrap --no-obsolete "$f" |
    awk '/^msgid ""$/ { hdr = 1; next } /^msgid / { hdr = 0 } /^msgstr/ && !hdr' |
    sed -e 's/^msgstr\(\[[0-9]\]\)\{0,1\} "//' -e 's/"$//' | grep -n '[*_`<>|#\\[]' || :)
  check "$f: no Markdown markup in translations: $found" [ -z "$found" ]
done

ex=examples/connectivity.charter
"$CHARTERC" doc "$ex" --lang fx >"$tmp/out" 2>"$tmp/err"
check "--lang fx: exit 2" [ $? -eq 2 ]
check "--lang fx: did you mean fr" grep -q "unknown language 'fx'; did you mean 'fr'? (Charter ships en, es, fr and ht)" "$tmp/err"
check "--lang fx: nothing written" [ ! -s "$tmp/out" ]
for cmd in build graph; do
  "$CHARTERC" $cmd "$ex" --lang xx -o "$tmp/never" >/dev/null 2>"$tmp/err"
  check "$cmd --lang xx: exit 2" [ $? -eq 2 ]
done
CHARTER_LOCALEDIR=$tmp/none "$CHARTERC" doc "$ex" --lang ht >/dev/null 2>"$tmp/err"
check "a missing catalogue: exit 2" [ $? -eq 2 ]
check "a missing catalogue: named" grep -q "Haitian Creole catalogue is missing" "$tmp/err"
CHARTER_LOCALEDIR=$tmp/none "$CHARTERC" doc "$ex" --lang en >/dev/null 2>&1
check "English needs no catalogue" [ $? -eq 0 ]

# The same bytes whatever the caller's locale variables say.
for l in en fr es ht; do
  env -u LANG -u LC_ALL -u LANGUAGE "$CHARTERC" doc "$ex" --lang $l >"$tmp/plain.$l.md"
  LANG=de_DE.UTF-8 LC_ALL=es_ES.UTF-8 LANGUAGE=de:ht "$CHARTERC" doc "$ex" --lang $l >"$tmp/env.$l.md" 2>/dev/null
  check "doc --lang $l is the same under another LANG, LC_ALL, LANGUAGE" cmp -s "$tmp/plain.$l.md" "$tmp/env.$l.md"
  LC_ALL=C.UTF-8 LANGUAGE=fr "$CHARTERC" doc "$ex" --lang $l >"$tmp/c.$l.md" 2>/dev/null
  check "doc --lang $l is the same under LC_ALL=C.UTF-8 LANGUAGE=fr" cmp -s "$tmp/plain.$l.md" "$tmp/c.$l.md"
done
not() { ! "$@"; }
check "English is not French" not cmp -s "$tmp/plain.en.md" "$tmp/plain.fr.md"
check "English as without --lang" cmp -s "$tmp/plain.en.md" <("$CHARTERC" doc "$ex")

finish
