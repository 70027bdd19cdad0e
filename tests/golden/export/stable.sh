# The export does not depend on the order of declarations and statements,
# nor on layout: the same agreement written otherwise gives the same bytes.
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cp _parent.charter "$t/"
# Reverse the order of the top-level declarations (blocks separated by a
# blank line) and of the statements inside each block.
awk 'BEGIN { RS = ""; ORS = "\n\n" } { blocks[NR] = $0 } END { for (i = NR; i >= 1; i--) print blocks[i] }' \
    full.charter >"$t/reordered.charter"
sed -i 's/target 200 by 2026-12-31/target 500 by 2025-06-30 ;  target 200 by 2026-12-31/; 0,/target 500 by 2025-06-30$/{/^  target 500 by 2025-06-30$/d}' "$t/reordered.charter"
sed -i 's/partners mill, anglers/partners anglers,   mill/; s/backbone vision_strategy, shared_measurement, funding/backbone funding, vision_strategy, shared_measurement/' "$t/reordered.charter"
cmp -s full.charter "$t/reordered.charter" && echo "the reordered copy is not different"
"$CHARTERC" export full.charter >"$t/a.json"; echo "[exit $?]"
(cd "$t" && "$CHARTERC" export reordered.charter) | sed 's/"reordered.charter"/"full.charter"/' >"$t/b.json"
cmp "$t/a.json" "$t/b.json" && echo "same export"
