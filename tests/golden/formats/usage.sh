"$CHARTERC" check --formt json _draft.charter; echo "exit $?"
"$CHARTERC" chek _draft.charter; echo "exit $?"
"$CHARTERC" check --format xml _draft.charter; echo "exit $?"
"$CHARTERC" check; echo "exit $?"
"$CHARTERC" check missing.charter; echo "exit $?"
"$CHARTERC" check .; echo "exit $?"
"$CHARTERC" explain goal_unmesured; echo "exit $?"
"$CHARTERC" --version
"$CHARTERC" check - < _draft.charter 2>&1 | head -1
