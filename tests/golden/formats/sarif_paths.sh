# SARIF names each file by a URI reference (RFC 3986), never by its raw
# path: a space, '%', ',' and non-ASCII bytes are percent-encoded; a
# relative path whose first segment holds a ':' starts with "./" (else
# "a:b.charter" reads as the scheme "a"); an absolute path is a file:///
# URI, canonical when it has ".." (its directory, random here, is shown as
# TMP); standard input has no URI: it is entry 0 of run.artifacts, named
# by index. Shown: each artifact location once, and the artifacts.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
mkdir "$d/sub"
cp _draft.charter "$d/a b%,é.charter"
cp _draft.charter "$d/a:b.charter"
cd "$d" || exit 2
"$CHARTERC" check --format sarif 'a b%,é.charter' a:b.charter ./sub/../a:b.charter \
  "$d/sub/../a b%,é.charter" - < a:b.charter > out.sarif
status=$?
grep -o -E '"artifactLocation": \{ "(uri|index)": [^}]*\}' out.sarif | uniq |
  sed -E 's|"file://[^"]*/([^/"]*)"|"file://TMP/\1"|'
grep -A1 '"artifacts"' out.sarif
exit $status
