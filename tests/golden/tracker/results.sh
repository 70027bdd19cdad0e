# The results scorecard as text, as of 2024-07-01: rising (trend better 3
# periods; the least-squares line through 30, 40, 50, 60 on the last days
# of March to June read on 2024-12-31), flat (flat, forecast 50, misses
# 100), falling with direction down (better 2 periods, 30 -> 28 -> 20),
# two reports (a trend, worse 1 period, and no forecast), stale (last
# report on 2024-02-29: two monthly periods and 30 days later is
# 2024-05-29, before the as-of date), silent (the data development
# agenda) and a rate shown with its % sign, its change in points.
. ./_results.sh
./rs status --as-of 2024-07-01
