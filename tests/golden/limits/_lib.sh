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
# summary FILE [OPTIONS]: how many findings of each check, and the exit
# status (for inputs with too many findings to list).
summary() {
  f=$1
  shift
  ( cd "$tmp" && "$CHARTERC" check --format json "$@" "$f" ) >"$tmp/out.json" 2>&1
  st=$?
  grep -o '"check": "[a-z_]*"' "$tmp/out.json" | sort | uniq -c
  echo "[exit $st]"
}
