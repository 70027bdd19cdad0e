# Columns on a line with text outside ASCII: the text format counts bytes
# (as GCC's layout and the JSON format do); SARIF says
# "columnKind": "utf16CodeUnits" and counts UTF-16 code units, and so does
# the GitHub format, so that an annotation lands on the word it is about:
# 'é', '☕' and 'Ω' are one unit each, '𝄞' (outside the Basic Multilingual
# Plane) two. `citty` is at byte 39 but at unit 33 of line 7.
"$CHARTERC" check columns_utf16.charter 2>&1 | grep -E '^columns_utf16\.charter:[0-9]+:[0-9]+: error'
"$CHARTERC" check --format github columns_utf16.charter
"$CHARTERC" check --format sarif columns_utf16.charter > out.sarif
status=$?
grep -o -E '"columnKind": "[^"]*"|"region": \{[^}]*\}' out.sarif
rm -f out.sarif
exit $status
