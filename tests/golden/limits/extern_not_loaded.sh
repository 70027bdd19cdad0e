# `check`, `doc`, `graph`, `export`, `fmt` and building a tracker never
# load an extern library: a library whose constructor leaves a mark is
# named by the agreement, and no mark appears.  (The tracker loads it only
# with --allow-extern: tests/tracker/test_tracker.sh.)
. ./_lib.sh
cd "$tmp" || exit 2
printf '#include <stdio.h>\n__attribute__((constructor)) static void mark(void) { FILE *f = fopen("LOADED", "w"); if (f) fclose(f); }\ndouble evil(double x) { return x; }\n' >evil.c
cc -shared -fPIC -o libevil.so evil.c || { echo "no C compiler"; exit 2; }
{ head_agreement
  printf 'extern function evil(number) -> number from "libevil.so"\n'
  printf 'indicator i "I" {\n  unit people\n  direction up\n}\n'
  printf 'indicator j "J" {\n  unit people\n  formula evil(i)\n}\n'; } >a.charter
for cmd in "check" "doc" "graph" "export" "fmt --check" "tracker -o tr"; do
  # shellcheck disable=SC2086
  "$CHARTERC" $cmd a.charter >/dev/null 2>&1
  if [ -e LOADED ]; then echo "$cmd: LOADED the library"; rm -f LOADED; else echo "$cmd: not loaded"; fi
done
