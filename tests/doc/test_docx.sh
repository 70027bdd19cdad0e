#!/bin/bash
# Tests of the Word output (`doc --format docx`, agreement.docx of `build`):
# the archive (unzip -t, the parts Word needs, a fixed time on every
# entry), every part well-formed XML (xmllint), the same bytes from two
# runs and in any time zone, SOURCE_DATE_EPOCH honoured and checked, hostile
# text escaped, and the file opened for real: LibreOffice converts it to
# PDF, whose text (pdftotext) has every party, every section and every
# signatory, with the signatures on a page of their own; page 1 and the
# signature page are rendered to PNG (pdftoppm) in $DOCX_PNG_DIR when set,
# for a person to look at.  A part whose tool is missing (xmllint,
# LibreOffice, poppler-utils; `make deps-test` installs them) is skipped
# with a line "skip NAME: reason".  Ends with "N passed, N failed"
# (", N skipped" when a part was skipped).
top=$(cd "$(dirname "$0")/../.." && pwd)
CHARTERC=${CHARTERC:-$top/build/bin/charterc}
export NO_COLOR=1
pass=0
fail=0
skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
skip() { skipped=$((skipped + 1)); echo "skip $1: $2"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() {   # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then ok; else bad "$what"; fi
}

have_xmllint=0
command -v xmllint >/dev/null 2>&1 && have_xmllint=1
[ $have_xmllint = 1 ] || skip "Word XML well-formedness" "xmllint not installed"

parts="[Content_Types].xml _rels/.rels docProps/core.xml docProps/app.xml word/document.xml
word/_rels/document.xml.rels word/styles.xml word/numbering.xml word/settings.xml word/footer1.xml"

# check_package NAME FILE: a sound archive with every part, each part
# well-formed, every entry dated 1980-01-01 00:00 (no SOURCE_DATE_EPOCH).
check_package() {
  local name=$1 f=$2 dir="$tmp/x-$1"
  check "$name: unzip -t" bash -c "unzip -tq '$f' >/dev/null"
  rm -rf "$dir" && mkdir -p "$dir" && unzip -q "$f" -d "$dir"
  for p in $parts; do
    check "$name: has $p" [ -s "$dir/$p" ]
    [ $have_xmllint = 0 ] || check "$name: $p is well-formed" xmllint --noout "$dir/$p"
  done
  check "$name: [Content_Types].xml comes first" \
    bash -c "unzip -Z1 '$f' | head -1 | grep -qxF '[Content_Types].xml'"
  check "$name: every entry dated 1980-01-01 00:00" \
    bash -c "[ -z \"\$(unzip -Z -T '$f' | grep -E '^[-d]' | grep -v ' 19800101.000000 ')\" ]"
}

conn=$top/examples/connectivity.charter
hostile=$top/tests/golden/doc/_hostile.charter

"$CHARTERC" doc "$conn" --format docx -o "$tmp/a.docx" 2>"$tmp/err"
check "doc --format docx exits 0" [ $? -eq 0 ]
check_package connectivity "$tmp/a.docx"
"$CHARTERC" doc "$conn" -o "$tmp/b.docx"
check "an OUT ending in .docx implies docx" cmp -s "$tmp/a.docx" "$tmp/b.docx"
sleep 1
TZ=Asia/Tokyo "$CHARTERC" doc "$conn" -o "$tmp/c.docx"
check "two runs, another time and zone: the same bytes" cmp -s "$tmp/a.docx" "$tmp/c.docx"
"$CHARTERC" doc "$conn" --partner itu -o "$tmp/sheet.docx"
check_package sheet "$tmp/sheet.docx"

# SOURCE_DATE_EPOCH: the archive's time and the properties' dates.
SOURCE_DATE_EPOCH=1700000000 "$CHARTERC" doc "$conn" -o "$tmp/e.docx"
check "SOURCE_DATE_EPOCH dates the properties" \
  bash -c "unzip -p '$tmp/e.docx' docProps/core.xml | grep -q '>2023-11-14T22:13:20Z</dcterms:created>'"
check "SOURCE_DATE_EPOCH dates the entries" \
  bash -c "unzip -Z -T '$tmp/e.docx' | grep -q ' 20231114.221320 '"
SOURCE_DATE_EPOCH=soon "$CHARTERC" doc "$conn" -o "$tmp/f.docx" 2>"$tmp/err"
check "SOURCE_DATE_EPOCH not in seconds: exit 2" [ $? -eq 2 ]
check "SOURCE_DATE_EPOCH not in seconds: says so" grep -q "SOURCE_DATE_EPOCH must be whole seconds" "$tmp/err"
check "SOURCE_DATE_EPOCH not in seconds: nothing written" [ ! -e "$tmp/f.docx" ]
"$CHARTERC" doc "$conn" --format docx >"$tmp/stdout.docx" 2>"$tmp/err"
check "docx to a pipe is the same file" cmp -s "$tmp/a.docx" "$tmp/stdout.docx"

# The properties: title, version, creator.
unzip -p "$tmp/a.docx" docProps/core.xml >"$tmp/core.xml"
check "properties: the title" grep -q '<dc:title>Partnership Dialogue for Connectivity' "$tmp/core.xml"
check "properties: the version" grep -q '<cp:version>2.1</cp:version>' "$tmp/core.xml"
# Word styles, not direct formatting.
unzip -p "$tmp/a.docx" word/document.xml >"$tmp/doc.xml"
for s in Title Subtitle Heading1 Heading2 ListNumber TableText TableHeading; do
  check "document uses the style $s" grep -q "<w:pStyle w:val=\"$s\"/>" "$tmp/doc.xml"
done
check "tables use the Charter Table style" grep -q '<w:tblStyle w:val="CharterTable"/>' "$tmp/doc.xml"
check "table rows never split" bash -c "[ \$(grep -o '<w:tr>' '$tmp/doc.xml' | wc -l) -eq \$(grep -o '<w:cantSplit/>' '$tmp/doc.xml' | wc -l) ]"
check "the signatures start a new page" \
  bash -c "grep -o '<w:pageBreakBefore/></w:pPr><w:r><w:t xml:space=\"preserve\">Signatures<' '$tmp/doc.xml' >/dev/null"
check "the footer numbers the pages" bash -c "unzip -p '$tmp/a.docx' word/footer1.xml | grep -q 'NUMPAGES'"

# Hostile text: escaped in the body, the properties and the footer.
"$CHARTERC" doc "$hostile" -o "$tmp/h.docx" 2>"$tmp/err"
check "hostile: exits 0" [ $? -eq 0 ]
check_package hostile "$tmp/h.docx"
check "hostile: no raw <script> in any part" \
  bash -c "! unzip -p '$tmp/h.docx' | grep -q '<script'"
check "hostile: the text kept, escaped" \
  bash -c "unzip -p '$tmp/h.docx' word/document.xml | grep -qF '&lt;script&gt;alert(&#39;partner&#39;)&lt;/script&gt;' ||
           unzip -p '$tmp/h.docx' word/document.xml | grep -qF \"&lt;script&gt;alert('partner')&lt;/script&gt;\""

# build writes agreement.docx beside the HTML, and the index links it.
"$CHARTERC" build "$conn" -o "$tmp/build" 2>"$tmp/err"
check "build exits 0" [ $? -eq 0 ]
check "build wrote agreement.docx, the same file" cmp -s "$tmp/a.docx" "$tmp/build/agreement.docx"
check "index links agreement.docx" grep -q 'href="agreement.docx"' "$tmp/build/index.html"

# The copy for signature, the agreement with clauses, contacts and one
# signature block per signatory, and a draft with an error.
prov=$top/tests/golden/doc/_provisions.charter
"$CHARTERC" doc "$prov" -o "$tmp/prov.docx" 2>"$tmp/err"
check "provisions: exits 0" [ $? -eq 0 ]
check_package provisions "$tmp/prov.docx"
check "provisions: no draft banner" bash -c "! unzip -l '$tmp/prov.docx' | grep -q header1.xml"
"$CHARTERC" doc "$prov" --for-signature -o "$tmp/sign.docx" 2>"$tmp/err"
check "for signature: exits 0" [ $? -eq 0 ]
check_package for-signature "$tmp/sign.docx"
check "for signature: no identifier (no run in the Code style)" \
  bash -c "! unzip -p '$tmp/sign.docx' word/document.xml | grep -q 'w:rStyle w:val=\"Code\"'"
sed 's/joins 2026-07-01/joins 2026-10-01/' "$prov" >"$tmp/draft.charter"
"$CHARTERC" doc "$tmp/draft.charter" -o "$tmp/draft.docx" 2>"$tmp/err"
check "draft: exits 0" [ $? -eq 0 ]
check_package draft "$tmp/draft.docx"
check "draft: every page's header carries the banner" \
  bash -c "unzip -p '$tmp/draft.docx' word/header1.xml | grep -q 'Draft — does not pass its checks' &&
           unzip -p '$tmp/draft.docx' word/document.xml | grep -q '<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>'"
"$CHARTERC" doc "$tmp/draft.charter" --for-signature -o "$tmp/draft-sign.docx" 2>"$tmp/err"
check "draft for signature: refused (exit 1), nothing written" \
  bash -c "[ $? -eq 1 ] && [ ! -e '$tmp/draft-sign.docx' ]"

# Opened for real: LibreOffice converts the Word file to PDF, whose text
# has every section and clause heading and every party of the Markdown,
# and every signatory; the signatures begin a page of their own.
# open_in_libreoffice NAME DOCX SOURCE [doc OPTION...]
open_in_libreoffice() {
  local name=$1 docx=$2 src=$3 pdf
  shift 3
  mkdir -p "$tmp/pdf-$name"
  timeout 300 soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to pdf \
    --outdir "$tmp/pdf-$name" "$docx" >"$tmp/lo.log" 2>&1
  pdf=$tmp/pdf-$name/$(basename "$docx" .docx).pdf
  check "$name: LibreOffice converts the Word file to PDF" [ -s "$pdf" ]
  [ -s "$pdf" ] || return
  pdftotext "$pdf" - 2>/dev/null | tr -s ' \n' '  ' >"$tmp/pdf.txt"
  "$CHARTERC" doc "$src" "$@" >"$tmp/doc.md"
  local missing="" h
  while IFS= read -r h; do
    [ -n "$h" ] || continue
    grep -qF -- "$h" "$tmp/pdf.txt" || missing="$missing [$h]"
  done < <({ sed -n -E 's/^##+ (.*)$/\1/p; s/^\*\*For (.*)\*\*.*$/\1/p' "$tmp/doc.md"
             awk '/^\*\*For /{on=1; next} /^$/{on=0} on{sub(/\\$/, ""); print}' "$tmp/doc.md"; } |
           sed 's/\\//g')
  check "$name: the PDF has every heading, party and signatory (missing:$missing)" [ -z "$missing" ]
  local pages i first sigpage=""
  pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  for ((i = 1; i <= ${pages:-0}; i++)); do
    first=$(pdftotext -f $i -l $i "$pdf" - 2>/dev/null | grep -v 'DOES NOT PASS ITS CHECKS' |
            sed -n '/[^[:space:]]/{p;q}')
    [ "$first" = Signatures ] && sigpage=$i
  done
  check "$name: the signatures begin a page of their own" [ -n "$sigpage" ]
  local out=${DOCX_PNG_DIR:-$tmp/png}
  mkdir -p "$out"
  pdftoppm -r 70 -png -f 1 -l 1 "$pdf" "$out/$name-page1"
  [ -z "$sigpage" ] || pdftoppm -r 70 -png -f "$sigpage" -l "$sigpage" "$pdf" "$out/$name-signatures"
  check "$name: page 1 renders to PNG" bash -c "ls '$out'/$name-page1*.png >/dev/null 2>&1"
}
if ! command -v soffice >/dev/null 2>&1; then
  skip "Word file in LibreOffice" "LibreOffice (libreoffice-writer-nogui) not installed"
elif ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  skip "Word file in LibreOffice" "pdftotext and pdftoppm (poppler-utils) not installed"
else
  mkdir -p "$tmp/lo"
  open_in_libreoffice connectivity "$tmp/a.docx" "$conn"
  open_in_libreoffice provisions "$tmp/prov.docx" "$prov"
  open_in_libreoffice for-signature "$tmp/sign.docx" "$prov" --for-signature
  open_in_libreoffice draft "$tmp/draft.docx" "$tmp/draft.charter"
fi

if [ "$skipped" -gt 0 ]; then
  echo "$pass passed, $fail failed, $skipped skipped"
else
  echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
