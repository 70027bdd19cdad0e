# The partner network of valid/shared_names.charter: node ids are KIND:ID,
# so the partner `funding` and the activity `funding` are two nodes.
"$CHARTERC" graph ../valid/shared_names.charter --kind network --format dot
