# SARIF 2.1.0: one rule per check (as many as `explain --list` names); the
# results of the draft, each hint in its message, a "did you mean" also as
# a fix replacing the misspelt word, related locations as relatedLocations.
# The rules' help texts are long, so only the schema, the column kind and
# the results are compared; tests/sarif/test_sarif.sh validates the whole
# log against the SARIF schema.
"$CHARTERC" check --format sarif _draft.charter > out.sarif
status=$?
grep -E '"\$schema"|"columnKind"' out.sarif
sed -n '/"results"/,$p' out.sarif
[ "$(grep -c '"id": "' out.sarif)" -eq "$("$CHARTERC" explain --list | wc -l)" ] && echo "one rule per check"
grep -q informationUri out.sarif || echo "no informationUri"
rm -f out.sarif
exit $status
