# The formal agreement of valid/shared_names.charter, whose partners,
# needs, activities, indicators and milestones share names across kinds.
"$CHARTERC" doc ../valid/shared_names.charter
