#!/bin/bash
# `make install` with PREFIX and DESTDIR; the installed charterc finds its
# standard library relative to itself, also after the tree is moved, and
# CHARTER_PATH overrides it.
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { if eval "$2"; then echo "ok   $1"; pass=$((pass + 1)); else echo "FAIL $1"; fail=$((fail + 1)); fi; }

# A PREFIX compiles its locale folder into lang.o, so installing from the
# build tree under test would relink the programs the other tests are
# running at the same moment. Install from a copy of it instead: only
# lang.o is compiled again there, and the programs relinked.
build="${BUILD:-build}"
case $build in /*) ;; *) build="$top/$build" ;; esac
mkdir "$tmp/build"
for x in .deps-ok bin compiler grammar runtime stdlib locale lang-paths \
         libcharter-core.a libcharter-passes.a libcharterrt.a; do
  if [ -e "$build/$x" ]; then cp -a "$build/$x" "$tmp/build/"; fi
done
make -C "$top" --no-print-directory -s install PREFIX=/opt/charter DESTDIR="$tmp/stage" BUILD="$tmp/build" >"$tmp/log" 2>&1
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
