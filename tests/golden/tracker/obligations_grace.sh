# Grace periods at their edge.  'enrolled' is monthly with the default 30
# days: March (deadline 2024-04-30) is coming on 30 April and missing on
# 1 May.  'visits' is quarterly with `report_within 14 days`: the second
# quarter (deadline 2024-07-14) is coming on 14 July and missing on 15 July.
. ./_obligations.sh
for d in 2024-04-30 2024-05-01; do
  ./ob due --as-of "$d" --within 1 --partner city
done
for d in 2024-07-14 2024-07-15; do
  ./ob due --as-of "$d" --within 1 --partner pantry
done
