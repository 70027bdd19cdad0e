# The same as one HTML page: each partner's anchor is `partner-ID`, and no
# other declaration has one, so names shared across kinds never make two
# equal ids.
"$CHARTERC" doc ../valid/shared_names.charter --format html
