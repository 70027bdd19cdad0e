# A fix-it (here for typographic quotes) in every format: under the caret
# in text, "fix" in JSON, "fixes" in SARIF, a last line in GitHub's.
"$CHARTERC" check _quotes.charter
"$CHARTERC" check --format json _quotes.charter
"$CHARTERC" check --format sarif _quotes.charter | sed -n '/"results"/,$p'
"$CHARTERC" check --format github _quotes.charter
