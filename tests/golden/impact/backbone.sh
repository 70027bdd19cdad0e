# Without the backbone partner (also the project lead): the lead, the backbone
# and the report's recipient go.  Its hours were committed but not budgeted.
"$CHARTERC" impact ../gaps/lead_missing_ok.charter --without basin_office
