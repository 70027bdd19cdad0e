# SARIF 2.1.0: one rule per check; the results of the draft. The rules'
# help texts are long, so only the results are compared.
"$CHARTERC" check --format sarif _draft.charter > out.sarif
status=$?
sed -n '/"results"/,$p' out.sarif
grep -c '"id":' out.sarif
rm -f out.sarif
exit $status
