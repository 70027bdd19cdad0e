# What the ministry has due within a year of 30 June 2022 in the
# connectivity example.
. ./_connectivity.sh
ledger
./conn due --as-of 2022-06-30 --partner ministry --within '1 year'
