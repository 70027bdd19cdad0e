# Shared by the cases of this suite (sourced, not a case): a scratch
# folder removed on exit, the start of a small agreement, and two ways to
# run charterc check in the scratch folder.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head_agreement() {
  printf 'agreement a "A" {\n  term 2025-01-01 to 2026-12-31\n}\n'
}
# run FILE [OPTIONS]: the messages and the exit status.
run() {
  f=$1
  shift
  ( cd "$tmp" && "$CHARTERC" check "$@" "$f" ) 2>&1
  echo "[exit $?]"
}
# accepted FILE [OPTIONS]: for an input at a limit, which must be read
# like any other: the number of errors (0: nothing refused; the warnings
# of the checks are left out, they are not about limits) and the status.
accepted() {
  f=$1
  shift
  ( cd "$tmp" && "$CHARTERC" check --format json "$@" "$f" ) >"$tmp/out.json" 2>&1
  st=$?
  grep -o '"summary": { "errors": [0-9]*' "$tmp/out.json" | sed 's/.*: /errors: /'
  echo "[exit $st]"
}
