#!/bin/bash
# Tests of the Word output (`doc --format docx`, agreement.docx of `build`)
# and of the Word redline (`diff --format docx`):
# the archive (unzip -t, the parts Word needs, a fixed time on every
# entry), every part well-formed XML (xmllint), the same bytes from two
# runs and in any time zone, SOURCE_DATE_EPOCH honoured and checked, hostile
# text escaped, and the file opened for real: LibreOffice converts it to
# PDF, whose text (pdftotext) has every party, every section and every
# signatory, with the signatures on a page of their own; page 1 and the
# signature page are rendered to PNG (pdftoppm) in $DOCX_PNG_DIR when set,
# for a person to look at.  The redline: accepting every change gives the
# new revision's text and rejecting every change the old one's (every
# case of tests/golden/diff, whole rewrites, words, a clause removed and
# added, --against), and LibreOffice reads the changes as tracked changes
# by charterc.  A part whose tool is missing (xmllint, python3, git,
# LibreOffice, poppler-utils; `make deps-test` installs them) is skipped
# with a line "skip NAME: reason".  Ends with "N passed, N failed"
# (", N skipped" when a part was skipped).
. "$(dirname "$0")/harness.sh"

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

# The Word redline, `diff OLD NEW --format docx`: for every revision of
# tests/golden/diff and for revisions that change everything, accepting
# every change gives NEW's document text and rejecting every change OLD's
# (docx_text.py reads word/document.xml as Word would after either).
redline_case() {   # redline_case NAME OLD NEW [diff option...]
  local name=$1 old=$2 new=$3
  shift 3
  "$CHARTERC" diff "$old" "$new" --format docx -o "$tmp/rl.docx" "$@" 2>"$tmp/err"
  check "redline $name: exits 0 ($(head -c 300 "$tmp/err"))" [ $? -eq 0 ]
  check "redline $name: unzip -t" bash -c "unzip -tq '$tmp/rl.docx' >/dev/null"
  [ $have_xmllint = 0 ] ||
    check "redline $name: document.xml well-formed" bash -c "unzip -p '$tmp/rl.docx' word/document.xml | xmllint --noout -"
  "$CHARTERC" doc "$old" -o "$tmp/rl-old.docx" && "$CHARTERC" doc "$new" -o "$tmp/rl-new.docx"
  python3 "$top/tests/doc/docx_text.py" "$tmp/rl-old.docx" accept >"$tmp/old.txt"
  python3 "$top/tests/doc/docx_text.py" "$tmp/rl-new.docx" accept >"$tmp/new.txt"
  python3 "$top/tests/doc/docx_text.py" "$tmp/rl.docx" accept >"$tmp/accepted.txt"
  python3 "$top/tests/doc/docx_text.py" "$tmp/rl.docx" reject >"$tmp/rejected.txt"
  check "redline $name: accepting every change gives NEW's text" \
    bash -c "[ -s '$tmp/new.txt' ] && diff -u '$tmp/new.txt' '$tmp/accepted.txt' >&2"
  check "redline $name: rejecting every change gives OLD's text" \
    bash -c "[ -s '$tmp/old.txt' ] && diff -u '$tmp/old.txt' '$tmp/rejected.txt' >&2"
}
if ! command -v python3 >/dev/null 2>&1; then
  skip "Word redline text" "python3 not installed"
else
  dcases=$top/tests/golden/diff
  for f in "$dcases"/*.charter; do
    case $(basename "$f") in _* | no_changes.charter) continue ;; esac
    redline_case "$(basename "$f" .charter)" "$dcases/_base.charter" "$f"
  done
  redline_case "no change" "$dcases/_base.charter" "$dcases/_base.charter"
  redline_case "everything" "$conn" "$prov"
  redline_case "everything, backwards" "$prov" "$conn"
  redline_case "a draft" "$prov" "$tmp/draft.charter"
  # Words inside a paragraph and a table cell; a clause removed whole.
  sed -e 's/Maria Lopez/María López-Ortega/; s/120_000/125_000/' \
    -e 's/Each partner keeps confidential/Every partner keeps strictly confidential/' \
    "$prov" >"$tmp/words.charter"
  sed '/^ *clause liability /d' "$prov" >"$tmp/noclause.charter"
  check "the clause to remove is there" bash -c "! cmp -s '$prov' '$tmp/noclause.charter'"
  redline_case words "$prov" "$tmp/words.charter"
  unzip -p "$tmp/rl.docx" word/document.xml >"$tmp/rl.xml"
  check "redline words: a word deleted, by charterc, at the fixed time" \
    grep -qF '<w:del w:id="1" w:author="charterc" w:date="1980-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">Maria</w:delText>' "$tmp/rl.xml"
  check "redline words: the new words inserted" \
    bash -c "grep -qF '<w:t xml:space=\"preserve\">Every</w:t></w:r></w:ins>' '$tmp/rl.xml' &&
             grep -qF '<w:t xml:space=\"preserve\"> strictly</w:t></w:r></w:ins>' '$tmp/rl.xml'"
  check "redline words: the file asks Word to track further edits" \
    bash -c "unzip -p '$tmp/rl.docx' word/settings.xml | grep -q '<w:trackRevisions/>'"
  "$CHARTERC" diff "$prov" "$tmp/words.charter" -o "$tmp/rl2.docx"
  check "redline: an OUT ending in .docx implies docx, the same bytes" cmp -s "$tmp/rl.docx" "$tmp/rl2.docx"
  redline_case "a clause removed" "$prov" "$tmp/noclause.charter"
  check "redline: a removed clause's paragraphs are deleted whole (paragraph marks)" \
    bash -c "unzip -p '$tmp/rl.docx' word/document.xml | grep -q '<w:pPr><w:pStyle w:val=\"Heading2\"/><w:rPr><w:del '"
  redline_case "a clause added" "$tmp/noclause.charter" "$prov"
  if command -v git >/dev/null 2>&1; then
    mkdir -p "$tmp/repo" && cp "$prov" "$tmp/repo/a.charter" &&
      (cd "$tmp/repo" && git init -q && git add a.charter &&
        git -c user.name=t -c user.email=t@t commit -qm base) && cp "$tmp/words.charter" "$tmp/repo/a.charter"
    (cd "$tmp/repo" && "$CHARTERC" diff --against HEAD a.charter --format docx -o "$tmp/against.docx")
    # Annex A names the old revision's file HEAD:a.charter.
    python3 "$top/tests/doc/docx_text.py" "$tmp/against.docx" reject |
      sed 's/HEAD:a\.charter/a.charter/g' >"$tmp/against-old.txt"
    (cd "$tmp/repo" && git show HEAD:a.charter >a.charter && "$CHARTERC" doc a.charter -o "$tmp/p.docx")
    python3 "$top/tests/doc/docx_text.py" "$tmp/p.docx" accept >"$tmp/p.txt"
    check "redline --against HEAD: rejecting gives the committed text" cmp -s "$tmp/p.txt" "$tmp/against-old.txt"
  else
    skip "redline --against" "git not installed"
  fi
fi
if command -v soffice >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  # LibreOffice reads the changes as tracked changes by charterc.
  mkdir -p "$tmp/fodt"
  timeout 300 soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to fodt \
    --outdir "$tmp/fodt" "$tmp/rl2.docx" >"$tmp/lo.log" 2>&1
  check "LibreOffice opens the redline with its changes tracked" \
    grep -q '<text:changed-region' "$tmp/fodt/rl2.fodt"
  check "LibreOffice names charterc as the author of every change" \
    bash -c "! grep -o '<dc:creator>[^<]*' '$tmp/fodt/rl2.fodt' | grep -v '<dc:creator>charterc\$'"
fi

finish
