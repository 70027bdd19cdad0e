# Sourced by the files_*.sh cases: a temporary folder, made the current
# one, holding messy.charter (not formatted), clean.charter (formatted) and
# broken.charter (a syntax error), with messy.orig and broken.orig, copies
# to compare with.
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
printf 'unit a "A"\npartner p "P" {\n    sector private\n}\n' >"$t/messy.charter"
printf 'unit a "A"\n\npartner p "P" {\n  sector private\n}\n' >"$t/clean.charter"
printf 'partner p "P" {\n    sector private )\n}\n' >"$t/broken.charter"
cp "$t/messy.charter" "$t/messy.orig"
cp "$t/broken.charter" "$t/broken.orig"
cd "$t" || exit 2
