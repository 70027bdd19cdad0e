# A fix-it (here for typographic quotes) in every format: the hint
# `write "..."` in text and GitHub's, "fix" in JSON, "fixes" in SARIF.
"$CHARTERC" check _quotes.charter
"$CHARTERC" check --format json _quotes.charter
"$CHARTERC" check --format sarif _quotes.charter | sed -n '/"results"/,$p'
"$CHARTERC" check --format github _quotes.charter
