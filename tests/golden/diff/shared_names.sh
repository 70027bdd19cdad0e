# Declarations are matched by kind and id: in valid/shared_names.charter,
# the activity `summer_meals` ends later, the milestone `summer_meals` falls
# due later and the need `funding` goes; the need, indicator and milestone
# of the activity's name, and the partner, activity and milestone called
# `funding`, are unchanged.
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cp ../valid/shared_names.charter ../valid/_shared_names_national.charter "$t"/
sed -e 's/period 2026-05-01 to 2027-09-30/period 2026-05-01 to 2027-10-31/' \
    -e 's/due 2026-09-30/due 2026-10-31/' \
    -e '/need funding/d' -e '/addresses funding/d' \
    "$t/shared_names.charter" >"$t/new.charter"
cd "$t" || exit 2
"$CHARTERC" diff shared_names.charter new.charter
