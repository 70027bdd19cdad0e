# test_bilingual.sh - documents in two languages side by side
# (doc --lang A,B, build --lang A,B).
#
# The two-language option's usage errors (the same language twice, three
# languages, a missing or unknown code, Markdown) exit 2 and write
# nothing; each column of the HTML page has the headings of the document
# in its language, in the same order and as many as the other column's;
# the Word file is a sound archive whose left and right cells hold the
# two documents' headings; a partner's sheet works too; build writes the
# same files, and Markdown once per language; the output is the
# same whatever the caller's LANG, LC_ALL and LANGUAGE; and Chromium and
# LibreOffice open the results (skipped when not installed).
. "$(dirname "$0")/../doc/harness.sh"
cd "$top" || exit 2
prov=tests/golden/doc/_provisions.charter
not() { ! "$@"; }

# Usage errors: exit 2, a message, nothing written.
usage_error() {   # usage_error LANGS MESSAGE [OPTION...]
  local langs=$1 msg=$2
  shift 2
  "$CHARTERC" doc "$prov" --lang "$langs" "$@" -o "$tmp/never.html" 2>"$tmp/err"
  check "--lang $langs $*: exit 2" [ $? -eq 2 ]
  check "--lang $langs $*: says '$msg'" grep -qF "$msg" "$tmp/err"
  check "--lang $langs $*: nothing written" [ ! -e "$tmp/never.html" ]
}
usage_error en,en "names the same language twice"
usage_error en,fr,es "takes one language, or two separated by a comma"
usage_error en, "misses a language"
usage_error ,fr "misses a language"
usage_error en,fx "unknown language 'fx'; did you mean 'fr'?"
usage_error xx,fr "unknown language 'xx'"
usage_error en,fr "Markdown cannot set two languages side by side; write --format html or --format docx" --format md
"$CHARTERC" doc "$prov" --lang en,fr >"$tmp/out" 2>"$tmp/err"
check "--lang en,fr without a format: Markdown, refused" [ $? -eq 2 ]
check "--lang en,fr without a format: nothing on stdout" [ ! -s "$tmp/out" ]
CHARTER_LOCALEDIR=$tmp/none "$CHARTERC" doc "$prov" --lang en,ht --format html >/dev/null 2>"$tmp/err"
check "en,ht with the catalogues missing: exit 2" [ $? -eq 2 ]
check "en,ht with the catalogues missing: named" grep -q "Haitian Creole catalogue is missing" "$tmp/err"

# The page: every section a row, each column the headings of its
# language's document, in order.
"$CHARTERC" doc "$prov" --lang en,fr --format html -o "$tmp/bi.html"
check "doc --lang en,fr --format html: exit 0" [ $? -eq 0 ]
heads() {   # heads FILE: the text of every h2 and h3, one a line
  grep -o '<h[23][^>]*>[^<]*' "$1" | sed 's/<h[23][^>]*>//'
}
column_heads() {   # column_heads FILE LANG: the headings in LANG's columns
  awk -v l="$2" '/^<div class="col[^"]*" lang="/ { on = index($0, "lang=\"" l "\"") > 0 }
                 on && /<h[23]/' "$1" | grep -o '<h[23][^>]*>[^<]*' | sed 's/<h[23][^>]*>//'
}
"$CHARTERC" doc "$prov" --lang en --format html | heads /dev/stdin >"$tmp/en.heads"
"$CHARTERC" doc "$prov" --lang fr --format html | heads /dev/stdin >"$tmp/fr.heads"
column_heads "$tmp/bi.html" en >"$tmp/bi.en.heads"
column_heads "$tmp/bi.html" fr >"$tmp/bi.fr.heads"
check "the left column has the English document's headings, in order" cmp -s "$tmp/en.heads" "$tmp/bi.en.heads"
check "the right column has the French document's headings, in order" cmp -s "$tmp/fr.heads" "$tmp/bi.fr.heads"
check "as many sections in each column ($(wc -l <"$tmp/bi.en.heads"))" \
  [ "$(wc -l <"$tmp/bi.en.heads")" -eq "$(wc -l <"$tmp/bi.fr.heads")" -a "$(wc -l <"$tmp/bi.en.heads")" -gt 20 ]
check "the French headings are not the English ones" not cmp -s "$tmp/bi.en.heads" "$tmp/bi.fr.heads"
sections=$(grep -c '^<section class="bi' "$tmp/bi.html")
check "one row per heading, and the title's ($sections)" [ "$sections" -eq "$(($(wc -l <"$tmp/en.heads") + 1))" ]
check "every row has one column of each language" \
  [ "$(grep -c '^<div class="col[^"]*" lang="en"' "$tmp/bi.html")" -eq "$(grep -c '^<div class="col[^"]*" lang="fr"' "$tmp/bi.html")" ]
check "no id is written twice" [ -z "$(grep -o ' id="[^"]*"' "$tmp/bi.html" | sort | uniq -d)" ]
check "the page's language is the first" grep -q '^<html lang="en">' "$tmp/bi.html"
check "the signatures once" [ "$(grep -c 'class="signatures' "$tmp/bi.html")" -eq 1 ]
check "the signatures' labels in both languages" grep -q '<p class="label">Name / Nom</p>' "$tmp/bi.html"
check "the signatures start a new page" grep -q '^<section class="bi page">' "$tmp/bi.html"
"$CHARTERC" doc "$prov" --lang fr,en --format html | column_heads /dev/stdin fr >"$tmp/fr-first.heads"
check "fr,en: French on the left, the same headings" cmp -s "$tmp/fr.heads" "$tmp/fr-first.heads"

# The Word file.
"$CHARTERC" doc "$prov" --lang en,fr -o "$tmp/bi.docx" 2>"$tmp/err"
check "doc --lang en,fr -o bi.docx: exit 0" [ $? -eq 0 ]
check "the Word file: unzip -t" bash -c "unzip -tq '$tmp/bi.docx' >/dev/null"
unzip -p "$tmp/bi.docx" word/document.xml >"$tmp/bi.xml"
if command -v xmllint >/dev/null 2>&1; then
  check "the Word file: document.xml is well-formed" xmllint --noout "$tmp/bi.xml"
else
  skip "Word XML well-formedness" "xmllint not installed"
fi
check "the Word file: landscape pages" grep -q 'w:orient="landscape"' "$tmp/bi.xml"
if command -v python3 >/dev/null 2>&1; then
  python3 tests/doc/docx_text.py "$tmp/bi.docx" accept >"$tmp/bi.txt"
  missing=$(cat "$tmp/en.heads" "$tmp/fr.heads" | sed -e 's/&amp;/\&/g' -e "s/&#39;/'/g" | while IFS= read -r h; do
    grep -qxF "$h" "$tmp/bi.txt" || echo "$h"; done)
  check "the Word file has every heading of both documents: $missing" [ -z "$missing" ]
else
  skip "the Word file's text" "python3 not installed"
fi

# A partner's sheet.
"$CHARTERC" doc "$prov" --partner county --lang en,es --format html -o "$tmp/sheet.html"
check "a sheet side by side: exit 0" [ $? -eq 0 ]
check "a sheet side by side: Spanish columns" grep -q '^<div class="col[^"]*" lang="es"' "$tmp/sheet.html"
"$CHARTERC" doc "$prov" --partner county --lang en,es -o "$tmp/sheet.docx"
check "a sheet side by side as a Word file: exit 0" [ $? -eq 0 ]

# build --lang en,fr: the agreement and the sheets side by side, the
# Markdown once per language, and the usage errors of doc.
"$CHARTERC" build "$prov" --lang en,fr -o "$tmp/build" 2>"$tmp/err"
check "build --lang en,fr: exit 0" [ $? -eq 0 ]
check "build: agreement.html is doc's page" cmp -s "$tmp/bi.html" "$tmp/build/agreement.html"
check "build: agreement.docx is doc's Word file" cmp -s "$tmp/bi.docx" "$tmp/build/agreement.docx"
"$CHARTERC" doc "$prov" --lang en >"$tmp/en.md"
"$CHARTERC" doc "$prov" --lang fr >"$tmp/fr.md"
check "build: agreement.en.md is the English document" cmp -s "$tmp/en.md" "$tmp/build/agreement.en.md"
check "build: agreement.fr.md is the French document" cmp -s "$tmp/fr.md" "$tmp/build/agreement.fr.md"
"$CHARTERC" doc "$prov" --partner county --lang en,fr --format html >"$tmp/county.html"
check "build: partner-county.html is doc's sheet side by side" cmp -s "$tmp/county.html" "$tmp/build/partner-county.html"
check "build: the index links both Markdown files" \
  bash -c "grep -q 'href=\"agreement.en.md\"' '$tmp/build/index.html' && grep -q 'href=\"partner-county.fr.md\"' '$tmp/build/index.html'"
check "build: no Markdown without a language" [ ! -e "$tmp/build/agreement.md" ]
"$CHARTERC" build "$prov" --lang fr,fr -o "$tmp/never-built" 2>"$tmp/err"
check "build --lang fr,fr: exit 2, nothing written" bash -c "[ $? -eq 2 ] && [ ! -e '$tmp/never-built' ]"
check "build --lang fr,fr: says so" grep -q "names the same language twice" "$tmp/err"

# The same bytes whatever the caller's locale variables say.
env -u LANG -u LC_ALL -u LANGUAGE "$CHARTERC" doc "$prov" --lang en,fr --format html >"$tmp/plain.html"
LANG=de_DE.UTF-8 LC_ALL=es_ES.UTF-8 LANGUAGE=de:ht "$CHARTERC" doc "$prov" --lang en,fr --format html >"$tmp/env.html" 2>/dev/null
check "the page is the same under another LANG, LC_ALL, LANGUAGE" cmp -s "$tmp/plain.html" "$tmp/env.html"
check "the page is the same as with -o" cmp -s "$tmp/plain.html" "$tmp/bi.html"
LC_ALL=C.UTF-8 LANGUAGE=es "$CHARTERC" doc "$prov" --lang en,fr -o "$tmp/env.docx" 2>/dev/null
check "the Word file is the same under LC_ALL=C.UTF-8 LANGUAGE=es" cmp -s "$tmp/bi.docx" "$tmp/env.docx"

# Opened for real.  BILINGUAL_PNG_DIR, when set, keeps a picture of the
# page's first screen and of the Word file's signature page for a person
# to look at.
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ]; then
  sh tests/doc/render-pdf.sh "$tmp/bi.html" "$tmp/bi.pdf" ${BILINGUAL_PNG_DIR:+"$BILINGUAL_PNG_DIR/bilingual-html.png"} >/dev/null 2>&1
  check "Chromium prints the page" bash -c "head -c 5 '$tmp/bi.pdf' | grep -q '%PDF-'"
  if command -v pdftotext >/dev/null 2>&1; then
    check "the printed page has both languages" bash -c "pdftotext '$tmp/bi.pdf' - | grep -q 'Préambule' && pdftotext '$tmp/bi.pdf' - | grep -q 'Recitals'"
  fi
else
  skip "the page in Chromium" "Chromium not installed"
fi
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  timeout 300 soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to pdf \
    --outdir "$tmp" "$tmp/bi.docx" >/dev/null 2>&1
  check "LibreOffice opens the Word file" [ -s "$tmp/bi.pdf" ]
  pdftotext -layout "$tmp/bi.pdf" "$tmp/bi.pdf.txt"
  check "LibreOffice: the signature labels in both languages" grep -q 'NAME / NOM' "$tmp/bi.pdf.txt"
  check "LibreOffice: a section side by side" grep -q 'Recitals.*Préambule' "$tmp/bi.pdf.txt"
  page=$(for i in $(seq 1 40); do pdftotext -f $i -l $i "$tmp/bi.pdf" - 2>/dev/null | grep -q 'SIGNATURE' && { echo $i; break; }; done)
  check "LibreOffice: the signatures on a page with the heading" \
    bash -c "pdftotext -f '$page' -l '$page' '$tmp/bi.pdf' - | grep -q '^Signatures$'"
  if [ -n "$BILINGUAL_PNG_DIR" ] && command -v pdftoppm >/dev/null 2>&1; then
    pdftoppm -r 70 -png -f 1 -l 1 "$tmp/bi.pdf" "$BILINGUAL_PNG_DIR/bilingual-docx-page1"
    pdftoppm -r 70 -png -f "$page" -l "$page" "$tmp/bi.pdf" "$BILINGUAL_PNG_DIR/bilingual-docx-signatures"
  fi
else
  skip "the Word file in LibreOffice" "LibreOffice or poppler-utils not installed"
fi

finish
