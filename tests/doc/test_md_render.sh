#!/bin/bash
# The Markdown documents render to the text the agreement says. Markdown
# escapes only what CommonMark would read as markup (buf_md() in
# compiler/base/buf.h), so this renders each document with cmark-gfm
# (GitHub's CommonMark, with its tables, strikethrough and autolinks) and
# checks that every string of the agreement that the HTML document shows
# is shown by the rendered Markdown too, character for character (no
# emphasis, list, heading, link or entity made of it, no stray backslash).
# The documents: every example, tests/golden/doc/_hostile.charter and an
# agreement of texts that begin or end like markup, written here; the
# agreement and one partner sheet of each. Also: the Markdown of the
# connectivity example has no needless escape (`First\-time`).
# Without cmark-gfm (`make deps-test` installs it) or python3 the render
# is skipped with a line "skip NAME: reason".
# Ends with "N passed, N failed" (", N skipped" when a part was skipped).
. "$(dirname "$0")/harness.sh"


# Readable Markdown: the example's hyphens, periods and parentheses are
# written as they are.
"$CHARTERC" doc --format md "$top/examples/connectivity.charter" >"$tmp/c.md" 2>/dev/null
if grep -nE '\\[-.()!#+]' "$tmp/c.md" >"$tmp/escapes"; then
  bad "connectivity.md escapes what needs no escape:"
  head -n 5 "$tmp/escapes"
else
  ok
fi

if ! command -v cmark-gfm >/dev/null 2>&1; then
  skip "Markdown render" "cmark-gfm not installed"
  finish
fi
if ! command -v python3 >/dev/null 2>&1; then
  skip "Markdown render" "python3 not installed"
  finish
fi

# Texts that begin or end like Markdown; each is also a partner's title
# (a table cell, a heading, bold text) and a principle (a list item).
cat >"$tmp/tricky.charter" <<'CHARTER'
agreement tricky "- starts like a list item" {
  term 2024-01-01 to 2025-12-31
  lead p1
  scope "1. starts like a numbered list, and ends with a # "
  amendment "+ plus; === equals; > quote; a_b_c and _x_ and *y* and ~~z~~"
  withdrawal 30 days notice
}

agenda {
  vision "&amp; &#38; <b>tag</b> <http://example.org> a < b \\ end"
  problem "2021) a year; C# and F#; snake_case_name; 3.5 people"
  principle "# heading-like principle"
  principle "- dash principle ##"
  principle "1) numbered principle"
}

partner p1 "Goal ## #" {
  sector nonprofit
  level local
  signatory "> quoted signatory"
}

partner p2 "=== underline" {
  sector private
  level global
  signatory "[link](http://example.com) and ![img](x.png)"
}
CHARTER

# text FILE: the text a browser shows of an HTML file, whitespace collapsed.
cat >"$tmp/text.py" <<'PY'
import html, re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", s)
s = re.sub(r"<br\s*/?>", " ", s)
s = re.sub(r"</?(a|strong|em|code|del|span|b|i)\b[^>]*>", "", s)   # inline: no break
s = re.sub(r"<[^>]+>", " ", s)
print(" ".join(html.unescape(s).split()))
PY
# strings FILE: every string literal of a .charter file, one a line, with
# its escapes read and its whitespace collapsed as a document shows it.
cat >"$tmp/strings.py" <<'PY'
import re, sys
src = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r'"""(.*?)"""|"((?:[^"\\\n]|\\.)*)"', src, re.S):
    s = m.group(1) if m.group(1) is not None else re.sub(r"\\(.)", r"\1", m.group(2))
    s = " ".join(s.split())
    if s:
        print(s)
PY

render() {   # render NAME CHARTER [ARGS...]: one document, both ways
  local name=$1 src=$2
  shift 2
  if ! "$CHARTERC" doc --format md "$@" "$src" >"$tmp/$name.md" 2>"$tmp/err" ||
     ! "$CHARTERC" doc --format html "$@" "$src" >"$tmp/$name.html" 2>"$tmp/err"; then
    bad "$name: charterc doc failed: $(head -n 3 "$tmp/err")"
    return
  fi
  cmark-gfm -e table -e strikethrough -e autolink "$tmp/$name.md" >"$tmp/$name.md.html"
  python3 "$tmp/text.py" "$tmp/$name.html" >"$tmp/$name.want"
  python3 "$tmp/text.py" "$tmp/$name.md.html" >"$tmp/$name.got"
  local missing="" shown=0
  while IFS= read -r s; do
    grep -qF -- "$s" "$tmp/$name.want" || continue   # not in this document
    shown=$((shown + 1))
    grep -qF -- "$s" "$tmp/$name.got" || missing="$missing
    $s"
  done < <(python3 "$tmp/strings.py" "$src")
  if [ "$shown" -eq 0 ]; then
    bad "$name: the HTML document shows none of the agreement's strings"
  elif [ -n "$missing" ]; then
    bad "$name: the rendered Markdown does not show$missing"
  else
    ok
  fi
}

for ex in "$top"/examples/*.charter "$top/tests/golden/doc/_hostile.charter" "$tmp/tricky.charter"; do
  name=$(basename "$ex" .charter)
  render "$name" "$ex"
  partner=$(sed -n -E 's/^partner[[:space:]]+([A-Za-z_][A-Za-z0-9_]*).*/\1/p' "$ex" | head -n 1)
  [ -z "$partner" ] || render "$name-$partner" "$ex" --partner "$partner"
done
finish
