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

# No English left in a French or Spanish document but the agreement's own
# text: its section headings, field labels and table headers, which the
# documents write themselves, each differ from the English document's at
# the same place, except the words both languages spell alike.
labels() {   # the generated labels of a Markdown document, one per line
  sed -n -e 's/^## //p' -e 's/^### \(A\.[0-9].*\)/\1/p' \
    -e 's/^- \*\*\([^*]*\):\*\*.*/\1/p' "$1"
  grep -B1 '^|[-:|]*|$' "$1" | grep -v '^|[-:|]*|$' | grep -v '^--$' | tr '|' '\n' |
    sed -e 's/^ *//' -e 's/ *$//' | grep .
}
# The units heading the resources tables are ids (USD) or words French
# spells alike (tonnes); the prelude's unit names are translated.
same_words='^(USD|tonnes|Total|Contact|Contacts|Date|Signature|Signatures|Source|Phase|Sector|Version|Unit|Index|Markdown|Word|Minimum|Maximum|Resolution)$'
for l in fr es; do
  for kind in md sheet; do
    if [ $kind = md ]; then args=""; else args="--partner county"; fi
    "$CHARTERC" doc tests/golden/doc/_provisions.charter $args >"$tmp/en.$kind.md"
    "$CHARTERC" doc tests/golden/doc/_provisions.charter $args --lang $l >"$tmp/$l.$kind.md"
    labels "$tmp/en.$kind.md" >"$tmp/en.$kind.labels"
    labels "$tmp/$l.$kind.md" >"$tmp/$l.$kind.labels"
    check "$l $kind: as many labels as in English" \
      test "$(wc -l <"$tmp/en.$kind.labels")" -eq "$(wc -l <"$tmp/$l.$kind.labels")"
    left=$(paste -d'\t' "$tmp/en.$kind.labels" "$tmp/$l.$kind.labels" |
      awk -F'\t' '$1 == $2 { print $1 }' | grep -Ev "$same_words" | sort -u | tr '\n' ';')
    check "$l $kind: no English heading, label or column left: $left" test -z "$left"
    n=$(wc -l <"$tmp/en.$kind.labels")
    check "$l $kind: labels found ($n)" test "$n" -gt 10
  done
done

# The standard library's names (sectors, levels, units, backbone functions)
# come from the catalogues too; a name the agreement declares itself is its
# own text and stays as written.
"$CHARTERC" doc tests/golden/doc/_provisions.charter >"$tmp/std.en.md"
for w in Nonprofit 'Private sector' Regional Government 'Guide vision and strategy' hours; do
  check "the English document says '$w'" grep -q "$w" "$tmp/std.en.md"
done
for l in fr es; do
  "$CHARTERC" doc tests/golden/doc/_provisions.charter --lang $l >"$tmp/std.$l.md"
  english="Nonprofit|Private sector|Government|Guide vision and strategy|[0-9] hours"
  [ $l = fr ] && english="$english|Regional"   # Spanish spells it alike
  left=$(grep -oE "$english" "$tmp/std.$l.md" | sort -u | tr '\n' ';')
  check "$l: no English name of the standard library left: $left" test -z "$left"
done
check "fr: a sector in French" grep -q "Organisation à but non lucratif" "$tmp/std.fr.md"
check "fr: a unit in French" grep -q "[0-9] heures" "$tmp/std.fr.md"
check "es: a level in Spanish" grep -q "| Regional |" "$tmp/std.es.md"
check "es: a backbone function in Spanish" grep -q "Orientar la visión y la estrategia" "$tmp/std.es.md"
{ cat tests/golden/doc/_provisions.charter; echo 'sector nonprofit "Charity"'; } >"$tmp/own.charter"
check "an agreement's own sector: compiles" "$CHARTERC" check "$tmp/own.charter"
"$CHARTERC" doc "$tmp/own.charter" --lang fr >"$tmp/own.fr.md"
check "an agreement's own sector keeps its name in French" grep -q "| Charity |" "$tmp/own.fr.md"
check "an agreement's own sector: no translated name" not grep -q "Organisation à but non lucratif" "$tmp/own.fr.md"

# The Word file carries the same text: every section heading of the
# Markdown document, the signature labels and the footer, in the language;
# its properties name the language.
for l in fr es; do
  "$CHARTERC" doc tests/golden/doc/_provisions.charter --lang $l -o "$tmp/$l.docx"
  python3 tests/doc/docx_text.py "$tmp/$l.docx" accept >"$tmp/$l.docx.txt"
  missing=$(sed -n 's/^## //p' "$tmp/$l.md.md" | while IFS= read -r h; do
    grep -qxF "$h" "$tmp/$l.docx.txt" || printf '%s; ' "$h"; done)
  check "$l docx: every section heading: $missing" test -z "$missing"
  case $l in fr) sig=Signature footer=' sur ' ;; es) sig=Firma footer=' de ' ;; esac
  check "$l docx: the signature label" grep -qx "$sig" "$tmp/$l.docx.txt"
  check "$l docx: no English signature label" not grep -qx 'Name' "$tmp/$l.docx.txt"
  python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.stdout.write(z.read("docProps/core.xml").decode() + z.read("word/footer1.xml").decode())' \
    "$tmp/$l.docx" >"$tmp/$l.docx.xml" 2>/dev/null
  check "$l docx: dc:language is $l" grep -q "<dc:language>$l</dc:language>" "$tmp/$l.docx.xml"
  check "$l docx: the footer's words" grep -qF ">$footer<" "$tmp/$l.docx.xml"
done

finish
