# The sheet of a partner that joins late and leaves early: its membership,
# its contacts, the partnership's shared target shown as shared, and a
# reporting deadline for each period while it is a member.
"$CHARTERC" doc _provisions.charter --partner food_bank
"$CHARTERC" doc _provisions.charter --partner county
