#!/bin/bash
# The SARIF that charterc writes, checked against the official SARIF 2.1.0
# JSON schema (sarif-schema-2.1.0.json here, copied unchanged: see NOTICE)
# with a URI format checker, and against the rules of the specification
# the schema cannot state (validate.py).
#   - Every golden case that asks for `--format sarif` is run again with
#     CHARTERC standing for a wrapper that keeps each SARIF log it prints;
#     each log kept is validated (the cases' expectations are checked by
#     the golden suites, not here).
#   - The validator must refuse what it is there to catch: a log with a raw
#     path as uri (a space, "<stdin>") and one without columnKind.
# Without a Python that can check URIs (tests/sarif/python.sh; `make
# deps-test` installs python3-jsonschema and python3-rfc3987) the part is
# skipped with a line "skip sarif schema: reason" and counted as skipped.
# The last line is "N passed, N failed[, N skipped]".
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/sarif
CHARTERC=${CHARTERC:-$top/${BUILD:-build}/bin/charterc}
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

if ! py=$(sh "$here/python.sh"); then
  echo "skip sarif schema: no Python with jsonschema and a URI format checker (make deps-test installs python3-jsonschema and python3-rfc3987)"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi
if [ ! -x "$CHARTERC" ]; then
  echo "FAIL charterc is not built ($CHARTERC)"
  echo "0 passed, 1 failed"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/logs" "$tmp/suites"
# The wrapper: charterc itself, its standard output kept in a file of
# $SARIF_LOGS when the arguments ask for SARIF.
cat >"$tmp/charterc" <<EOF2
#!/bin/sh
prev=
for a in "\$@"; do
  case "\$prev \$a" in "--format sarif" | *" --format=sarif")
    out=\$(mktemp "\$SARIF_LOGS/XXXXXX.sarif")
    "$CHARTERC" "\$@" >"\$out"
    st=\$?
    cat "\$out"
    exit \$st ;;
  esac
  prev=\$a
done
exec "$CHARTERC" "\$@"
EOF2
chmod +x "$tmp/charterc"

# The cases, run as tests/run-golden.sh runs them, each suite in a copy of
# its folder (a case may write files beside itself, and the golden suites
# may be running at the same time).
cases=0
for f in "$top"/tests/golden/*/*.sh "$top"/tests/golden/*/*.args; do
  [ -f "$f" ] && grep -q -- '--format[= ]sarif' "$f" || continue
  suite=$(basename "$(dirname "$f")") name=$(basename "${f%.*}")
  case $name in _*) continue ;; esac
  [ -d "$tmp/suites/$suite" ] || cp -R "$top/tests/golden/$suite" "$tmp/suites/$suite"
  logs=$tmp/logs/$suite-$name
  mkdir "$logs"
  (
    cd "$tmp/suites/$suite" || exit 2
    export CHARTERC="$tmp/charterc" SARIF_LOGS="$logs" NO_COLOR=1 TERM=dumb
    if [ "${f##*.}" = sh ]; then
      sh "$name.sh"
    else
      args=$(sed "s|{}|$name.charter|g" "$name.args")
      eval "\"\$CHARTERC\" $args"
    fi
  ) >/dev/null 2>&1 </dev/null
  cases=$((cases + 1))
  [ -n "$(ls "$logs")" ] && ok || bad "golden/$suite/$name printed no SARIF"
done
[ "$cases" -gt 0 ] && ok || bad "no golden case asks for --format sarif"

# Every log kept, validated.
for log in "$tmp"/logs/*/*.sarif; do
  [ -f "$log" ] || continue
  if out=$("$py" "$here/validate.py" "$here/sarif-schema-2.1.0.json" "$log" 2>&1); then
    ok
  else
    bad "a log of golden/${log#"$tmp"/logs/} is not valid SARIF 2.1.0: $out"
  fi
done

# The validator catches what it is there for: each of these must fail.
good=$(ls "$tmp"/logs/formats-sarif/*.sarif 2>/dev/null | head -n 1)
if [ -z "$good" ]; then
  bad "no log of golden/formats/sarif to break"
else
  refuse() {
    if "$py" "$here/validate.py" "$here/sarif-schema-2.1.0.json" "$tmp/broken.sarif" >/dev/null 2>&1; then
      bad "the validator accepts $1"
    else
      ok
    fi
  }
  sed '0,/"uri": "[^"]*"/s//"uri": "a b.charter"/' "$good" >"$tmp/broken.sarif"
  refuse 'a uri with a space ("a b.charter")'
  sed '0,/"uri": "[^"]*"/s//"uri": "<stdin>"/' "$good" >"$tmp/broken.sarif"
  refuse 'the uri "<stdin>"'
  sed '/"columnKind"/d' "$good" >"$tmp/broken.sarif"
  refuse 'a run with results and no columnKind'
  sed 's|"version": "2.1.0",$|&\n    "informationUri": "https://example.invalid/charter",|' "$good" |
    sed 's|"name": "charterc",|& "informationUri": "https://example.invalid/charter",|' >"$tmp/broken.sarif"
  refuse 'a placeholder informationUri'
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
