# What is due within three months of 30 June 2022 in the connectivity
# example.
. ./_connectivity.sh
ledger
./conn due --as-of 2022-06-30 --within 3months
