# SARIF 2.1.0: one rule per check (as many as `explain --list` names); the
# results of the draft. The rules' help texts are long, so only the
# results are compared.
"$CHARTERC" check --format sarif _draft.charter > out.sarif
status=$?
sed -n '/"results"/,$p' out.sarif
[ "$(grep -c '"id":' out.sarif)" -eq "$("$CHARTERC" explain --list | wc -l)" ] && echo "one rule per check"
rm -f out.sarif
exit $status
