#!/bin/bash
# Tests of `charterc doc`, `graph` and `build` beyond the golden files:
# SVG well-formedness (xmllint), every activity and milestone id in the
# schedule of every example, determinism, the build folder (complete, not
# rewritten when unchanged, nothing written on language errors), HTML
# without scripts or external requests, hostile names escaped everywhere,
# the Graphviz-missing message, and a render of the agreement to PNG and PDF
# in Chromium. A part whose tool is missing (xmllint, Graphviz, Chromium;
# `make deps-test` installs them) is skipped with a line "skip NAME: reason".
# Ends with "N passed, N failed" (", N skipped" when a part was skipped).
. "$(dirname "$0")/harness.sh"

# The SVG well-formedness checks need xmllint (Debian's libxml2-utils).
have_xmllint=0
command -v xmllint >/dev/null 2>&1 && have_xmllint=1
[ $have_xmllint = 1 ] || skip "SVG well-formedness" "xmllint not installed"

check_xml() {   # check_xml DESCRIPTION FILE: FILE is well-formed XML
  [ $have_xmllint = 0 ] || check "$1" xmllint --noout "$2"
}

# Every id of every activity and milestone of FILE (root file only) appears
# in the schedule SVG as text.
ids_of() {
  sed -n -E 's/^[[:space:]]*(activity|milestone)[[:space:]]+([A-Za-z_][A-Za-z0-9_]*).*/\2/p' "$1"
}

examples=("$top"/examples/*.charter "$top"/tests/golden/doc/_hostile.charter)
for ex in "${examples[@]}"; do
  name=$(basename "$ex" .charter)
  svg="$tmp/$name-schedule.svg"
  if ! "$CHARTERC" graph "$ex" -o "$svg" 2>"$tmp/err"; then
    bad "graph $name: $(cat "$tmp/err")"
    continue
  fi
  ok
  check_xml "schedule of $name is well-formed XML" "$svg"
  missing=""
  for id in $(ids_of "$ex"); do
    grep -q ">$id</text>" "$svg" || missing="$missing $id"
  done
  check "schedule of $name shows every activity and milestone (missing:$missing)" [ -z "$missing" ]
  n=$(ids_of "$ex" | wc -l)
  check "schedule of $name has one group per activity and milestone" \
    [ "$(grep -c '<g id="gantt-' "$svg")" -eq "$n" ]

  # Determinism: byte-identical on a second run, for every output.
  for args in "doc --format md" "doc --format html" "graph" "graph --kind network --format dot"; do
    # shellcheck disable=SC2086
    "$CHARTERC" $args "$ex" >"$tmp/a" 2>/dev/null
    # shellcheck disable=SC2086
    "$CHARTERC" $args "$ex" >"$tmp/b" 2>/dev/null
    check "$name: '$args' is deterministic" cmp -s "$tmp/a" "$tmp/b"
  done

  # The HTML: no script, no external request, the schedule inline.
  "$CHARTERC" doc --format html "$ex" >"$tmp/doc.html" 2>/dev/null
  check "$name: HTML has no <script>" bash -c "! grep -qi '<script' '$tmp/doc.html'"
  check "$name: HTML requests nothing external" \
    bash -c "! grep -Eio '(src|href)=\"[a-z]+:|url\\((https?:)?//|@import' '$tmp/doc.html' | grep -q ."
  check "$name: HTML carries the Gantt chart inline" grep -q '<svg xmlns' "$tmp/doc.html"
  check "$name: HTML breaks the page before the signatures" \
    grep -q 'class="page-break"></div>' "$tmp/doc.html"
  # The inline SVG alone is well-formed XML too.
  sed -n '/^<svg xmlns/,/^<\/svg>/p' "$tmp/doc.html" >"$tmp/inline.svg"
  check_xml "$name: inline SVG is well-formed" "$tmp/inline.svg"
done

# Hostile names: no raw markup from the agreement anywhere.
h="$top/tests/golden/doc/_hostile.charter"
"$CHARTERC" doc --format html "$h" >"$tmp/h.html"
check "hostile: partner <script> escaped in HTML" grep -q '&lt;script&gt;alert(&#39;partner&#39;)&lt;/script&gt;' "$tmp/h.html"
check "hostile: a & b escaped in HTML" grep -q '<strong>a &amp; b</strong>' "$tmp/h.html"
check "hostile: </style> in a text is escaped" grep -q 'Vision &lt;/style&gt;&lt;script&gt;' "$tmp/h.html"
check "hostile: every <style> element is ours" \
  [ "$(grep -c '<style>' "$tmp/h.html")" -eq "$(grep -c '</style>' "$tmp/h.html")" ]
"$CHARTERC" doc --format md "$h" >"$tmp/h.md"
check "hostile: *bold* escaped in Markdown" grep -q '\\\*bold\\\*' "$tmp/h.md"
check "hostile: | escaped in Markdown tables" grep -q 'Wants \\| less' "$tmp/h.md"
check "hostile: backticks escaped in Markdown" grep -q '\\`rm -rf /\\` & co' "$tmp/h.md"
check "hostile: no raw <script> in Markdown" bash -c "! grep -Eq '(^|[^\\\\])<script' '$tmp/h.md'"
"$CHARTERC" graph --kind network --format dot "$h" >"$tmp/h.dot"
check "hostile: partner <script> is one quoted DOT label" \
  grep -qF '"partner:script" [shape=box, style="rounded,filled", fillcolor="#dbe7f3", color="#1d4e7a", label="<script>alert('"'"'partner'"'"')</script>\nPrivate sector, Global"' "$tmp/h.dot"
check "hostile: DOT labels keep quotes inside strings" grep -q '\\"quoted\\"' "$tmp/h.dot"
if command -v dot >/dev/null 2>&1; then
  check "hostile: DOT parses in Graphviz" dot -Tsvg "$tmp/h.dot" -o "$tmp/h-net.svg"
  check_xml "hostile: network SVG well-formed" "$tmp/h-net.svg"
  "$CHARTERC" graph --kind network "$top/examples/connectivity.charter" >"$tmp/net.svg"
  check_xml "network SVG through dot is well-formed" "$tmp/net.svg"
  check "network SVG names every partner" \
    bash -c "for p in itu globaltel ministry access_for_all; do grep -q \"partner:\$p\" '$tmp/net.svg' || exit 1; done"
  # Resources: hostile text in what is committed and its condition stays
  # inside one quoted label; dot reads the flows and their key.
  sed 's/^  commits 500 hours$/  commits 5 tonnes "a \\"quoted\\" ] thing \\\\ here" worth 10 USD subject_to "x\\" ]; \\"a\\" -> \\"b\\""/' \
    "$h" >"$tmp/hflow.charter"
  "$CHARTERC" graph --kind network --format dot "$tmp/hflow.charter" >"$tmp/hflow.dot"
  check "hostile commitment: one quoted label" grep -qF \
    '"partner:script" -> "agreement:hostile" [label="5 tonnes of a \"quoted\" ] thing\n\\ here\nvalued at US$10\ncondition: x\" ]; \"a\" -> \"b\"", color="#D55E00:invis:#D55E00", fontcolor="#a34700", style=dashed];' \
    "$tmp/hflow.dot"
  check "hostile commitment: DOT parses in Graphviz" dot -Tsvg "$tmp/hflow.dot" -o "$tmp/hflow.svg"
  check_xml "hostile commitment: network SVG well-formed" "$tmp/hflow.svg"
  pv_net="$tmp/provisions-net.svg"
  "$CHARTERC" graph --kind network "$top/tests/golden/doc/_provisions.charter" >"$pv_net"
  check_xml "resources network SVG is well-formed" "$pv_net"
  for label in 'US$120,000' '40 tonnes of surplus produce from' 'valued at US$80,000' \
    'condition: the county grant is' '800 hours' 'in kind' 'depends on a condition'; do
    check "resources network SVG shows '$label'" grep -qF ">$label</text>" "$pv_net"
  done
  check "resources network: the conditional commitment is dashed" \
    grep -qF 'stroke-dasharray' "$pv_net"
else
  skip "network picture" "Graphviz (dot) not installed"
fi

# The schedule of thirteen leads: thirteen different fills in the legend
# (eight colours, then patterns), each used by a bar.
ml="$top/tests/golden/graph/_many_leads.charter"
"$CHARTERC" graph "$ml" >"$tmp/many.svg"
fills=$(grep -o '<rect x="[0-9.]*" y="[0-9.]*" width="18" height="12" rx="2" class="sw" fill="[^"]*"' \
  "$tmp/many.svg" | sed 's/.*fill=//' | sort -u | wc -l)
check "many leads: 14 distinct swatches (13 leads and no owner)" [ "$fills" -eq 14 ]
check "many leads: patterns after eight colours" grep -q 'fill="url(#gantt-fill-12)"' "$tmp/many.svg"
check_xml "many leads: schedule well-formed" "$tmp/many.svg"

# The copy for signature: no identifier of the agreement (no code run,
# and no id with an underscore, which prose never writes), no Annex A; the
# facilitator's copy keeps both.
pv="$top/tests/golden/doc/_provisions.charter"
ids=$(sed -n -E 's/^[[:space:]]*(agreement|partner|goal|indicator|activity|milestone|need|clause|incentive)[[:space:]]+([A-Za-z_][A-Za-z0-9_]*).*/\2/p' "$pv" | grep _)
for fmt in md html; do
  "$CHARTERC" doc --for-signature --format $fmt "$pv" >"$tmp/sign.$fmt"
  check "for signature ($fmt): exit 0" [ $? -eq 0 ]
  check "for signature ($fmt): no code run" bash -c "! grep -Eq '\`|<code>' '$tmp/sign.$fmt'"
  leaked=""
  for id in $ids; do grep -qw "$id" "$tmp/sign.$fmt" && leaked="$leaked $id"; done
  check "for signature ($fmt): no identifier (leaked:$leaked)" [ -z "$leaked" ]
  check "for signature ($fmt): no Annex A" bash -c "! grep -q 'Annex A' '$tmp/sign.$fmt'"
  check "for signature ($fmt): the signature page" grep -q 'Signatures' "$tmp/sign.$fmt"
done
"$CHARTERC" doc --format md "$pv" >"$tmp/full.md"
check "facilitator's copy keeps Annex A" grep -q 'Annex A' "$tmp/full.md"
check "facilitator's copy keeps the ids" grep -q '`tonnes_rescued`' "$tmp/full.md"
# A draft with an error: bannered, refused for signature with nothing written.
sed 's/joins 2026-07-01/joins 2026-10-01/' "$pv" >"$tmp/draft.charter"
"$CHARTERC" doc --format html "$tmp/draft.charter" >"$tmp/draft.html"
check "draft: HTML banner over the title" grep -q '<p class="banner">Draft' "$tmp/draft.html"
check "draft: banner on every printed page" grep -q '@top-center{content:"Draft' "$tmp/draft.html"
"$CHARTERC" doc --for-signature "$tmp/draft.charter" -o "$tmp/draft-sign.md" 2>"$tmp/err"
check "draft: refused for signature (exit 1)" [ $? -eq 1 ]
check "draft: the refusal names the finding" grep -q 'outside_membership (activity nutrition)' "$tmp/err"
check "draft: nothing written for signature" [ ! -e "$tmp/draft-sign.md" ]
"$CHARTERC" doc --format html "$pv" >"$tmp/clean.html"
check "clean agreement: no banner" bash -c "! grep -q 'banner\">' '$tmp/clean.html'"

# Without Graphviz on PATH: a clear message and exit 2 (DOT still works).
mkdir -p "$tmp/nodot"
PATH="$tmp/nodot" "$CHARTERC" graph --kind network "$top/examples/connectivity.charter" \
  >"$tmp/out" 2>"$tmp/err"
st=$?
check "no Graphviz: exit 2" [ $st -eq 2 ]
check "no Graphviz: says so" grep -q 'Graphviz is not installed' "$tmp/err"
check "no Graphviz: nothing on stdout" [ ! -s "$tmp/out" ]
PATH="$tmp/nodot" "$CHARTERC" graph --kind network --format dot \
  "$top/examples/connectivity.charter" >"$tmp/out" 2>&1
check "no Graphviz: DOT still written" grep -q '^digraph' "$tmp/out"

# build: every file, an index linking them, unchanged files left alone.
out="$tmp/build/connectivity"
"$CHARTERC" build "$top/examples/connectivity.charter" -o "$out" 2>"$tmp/err"
check "build exits 0" [ $? -eq 0 ]
for f in index.html agreement.html agreement.md schedule.svg network.dot \
  partner-itu.html partner-itu.md partner-globaltel.html partner-ministry.html \
  partner-access_for_all.html partner-access_for_all.md; do
  check "build wrote $f" [ -s "$out/$f" ]
  case $f in
    index.html) ;;
    *) check "index links $f" grep -q "href=\"$f\"" "$out/index.html" ;;
  esac
done
if command -v dot >/dev/null 2>&1; then
  check_xml "build drew network.svg" "$out/network.svg"
fi
check_xml "build: schedule.svg well-formed" "$out/schedule.svg"
check "build wrote the tracker" [ -x "$out/connectivity-tracker" ]
check "index links the tracker" grep -q 'href="connectivity-tracker"' "$out/index.html"
check "the built tracker runs" "$out/connectivity-tracker" info
check "build: no temporary files left" bash -c "! ls '$out' | grep -q '\\.tmp\\.'"
touch -d '2001-01-01' "$out"/*
"$CHARTERC" build "$top/examples/connectivity.charter" -o "$out" 2>"$tmp/err"
check "build again: nothing rewritten" \
  bash -c "[ -z \"\$(find '$out' -type f -newermt '2002-01-01')\" ]"
check "build again: says 0 files written" grep -q ' 0 files written' "$tmp/err"
PATH="$tmp/nodot" "$CHARTERC" build "$top/examples/connectivity.charter" -o "$tmp/b2" 2>"$tmp/err"
check "build without Graphviz: exit 0" [ $? -eq 0 ]
check "build without Graphviz: a note" grep -q 'Graphviz is not installed' "$tmp/err"
check "build without Graphviz: DOT written" [ -s "$tmp/b2/network.dot" ]

# Language errors: nothing written, not even the folder.
"$CHARTERC" build "$top/tests/golden/doc/_broken.charter" -o "$tmp/never" 2>/dev/null
check "build with errors: exit 1" [ $? -eq 1 ]
check "build with errors: no folder" [ ! -e "$tmp/never" ]

# Rendering in a real browser: the page loads and prints.
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ]; then
  prof=$(mktemp -d)
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$prof" \
    --no-pdf-header-footer --print-to-pdf="$tmp/agreement.pdf" "file://$out/agreement.html" \
    >/dev/null 2>&1
  check "Chromium prints the agreement to PDF" bash -c "head -c 5 '$tmp/agreement.pdf' | grep -q '%PDF-'"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$prof" \
    --hide-scrollbars --window-size=1000,1400 --screenshot="$tmp/agreement.png" \
    "file://$out/agreement.html" >/dev/null 2>&1
  check "Chromium screenshots the agreement" bash -c "head -c 8 '$tmp/agreement.png' | grep -q PNG"
  "$CHARTERC" doc --for-signature --format html "$pv" -o "$tmp/sign-copy.html"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$prof" \
    --no-pdf-header-footer --print-to-pdf="$tmp/sign-copy.pdf" "file://$tmp/sign-copy.html" \
    >/dev/null 2>&1
  check "Chromium prints the copy for signature to PDF" \
    bash -c "head -c 5 '$tmp/sign-copy.pdf' | grep -q '%PDF-'"
  rm -rf "$prof"
else
  skip "browser render" "Chromium not installed"
fi

finish
