# Control characters (C0 but tab and line feed, DEL, and C1 written in
# UTF-8) in a string are a syntax error at the character, named by its code
# point, one error per string: the documents' SVG and HTML are XML, which
# cannot carry them, the calendar (RFC 5545) forbids them, and a terminal
# obeys them.  A """ block may hold tabs and line breaks, CRLF included.
# In a comment they are refused too (they could hide text on a terminal),
# but for tabs and a CRLF line end; between tokens one is an unexpected
# character, named the same way.  The file is written with printf, so the
# bytes are exactly these.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
printf 'agreement a "A" {\n  term 2025-01-01 to 2026-12-31\n' >bad.charter
printf '  scope "red \033[31m then \033[0m: one error for two"\n' >>bad.charter
printf '  amendment "vertical tab \013"\n  version "tab\t"\n' >>bad.charter
printf '}\nagenda {\n  vision "start of heading \001"\n  principle "delete \177"\n' >>bad.charter
printf '  principle "C1 control sequence introducer \302\233"\n' >>bad.charter
printf '  principle "escaped \\\033"\n' >>bad.charter
printf '  problem """\n    tab\tand CRLF\r\n    bell \007 and form feed \014\n  """\n' >>bad.charter
printf '  need n """\n    a lone \r carriage return\n  """\n}\n' >>bad.charter
printf '# escape \033 in a comment\n# lone \r in a comment\n' >>bad.charter
printf 'partner p "P" \033\n' >>bad.charter
"$CHARTERC" check bad.charter >out 2>&1
st=$?
grep -v '^ *[0-9]* |\|^ *|' out
echo "[exit $st]"
printf 'agreement a "A" {\r\n  term 2025-01-01 to 2026-12-31\r\n' >ok.charter
printf '  scope "no-break\302\240space and \\t written as an escape"\r\n' >>ok.charter
printf '}\r\n# a tab\tin a comment, CRLF line ends\r\nagenda {\r\n' >>ok.charter
printf '  problem """\r\n    tab\tin a block\r\n    second line\r\n  """\r\n}\r\n' >>ok.charter
"$CHARTERC" check ok.charter >out 2>&1
echo "errors: $(grep -c 'error:' out)"
