#!/bin/bash
# `make install` with PREFIX and DESTDIR; the installed charterc finds its
# standard library relative to itself, also after the tree is moved, and
# CHARTER_PATH overrides it.
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { if eval "$2"; then echo "ok   $1"; pass=$((pass + 1)); else echo "FAIL $1"; fail=$((fail + 1)); fi; }

make -C "$top" --no-print-directory -s install PREFIX=/opt/charter DESTDIR="$tmp/stage" BUILD="${BUILD:-build}" >"$tmp/log" 2>&1
ok "make install succeeds" '[ $? -eq 0 ] || { cat "$tmp/log"; false; }'
root="$tmp/stage/opt/charter"
ok "bin/charterc installed" '[ -x "$root/bin/charterc" ]'
ok "prelude installed" '[ -f "$root/share/charter/stdlib/std/prelude.charter" ]'
ok "man pages installed" '[ -f "$root/share/man/man1/charterc.1" ] && [ -f "$root/share/man/man5/charter.5" ]'
ok "installed charterc checks an example" '"$root/bin/charterc" check "$top/examples/connectivity.charter" 2>"$tmp/err"'
mv "$root" "$tmp/moved"
ok "moved tree still finds its stdlib" '"$tmp/moved/bin/charterc" check "$top/examples/connectivity.charter" 2>/dev/null'
CHARTER_PATH="$tmp/none" "$tmp/moved/bin/charterc" check "$top/examples/connectivity.charter" 2>"$tmp/err"
st=$?
ok "CHARTER_PATH overrides (missing prelude: exit 2)" '[ $st -eq 2 ] && grep -q "cannot read the prelude" "$tmp/err"'
CHARTER_PATH="$top/stdlib" "$tmp/moved/bin/charterc" check "$top/examples/connectivity.charter"
ok "CHARTER_PATH pointing at a stdlib works" '[ $? -eq 0 ]'
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
