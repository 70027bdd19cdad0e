# The findings of the translation checks in the machine formats: the same
# path as every finding (JSON shown; SARIF carries the same through
# diag_sarif.c).
. ./_setup.sh
sed '/msgid "Head Librarian"/{n;s/.*/msgstr ""/}' readers.fr.po >x && mv x readers.fr.po
"$CHARTERC" check --lang fr --format json readers.charter | python3 -c '
import json, sys
d = json.load(sys.stdin)
items = d["findings"] if isinstance(d, dict) else d
print(json.dumps([f for f in items if f["check"].startswith("translation_")], indent=1, sort_keys=True))'
"$CHARTERC" check --lang fr --format sarif readers.charter | python3 -c '
import json, sys
d = json.load(sys.stdin)
print([r["ruleId"] for r in d["runs"][0]["results"] if r["ruleId"].startswith("translation_")])'
