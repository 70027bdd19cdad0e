# The copy for signature: no identifier, no Annex A, nothing addressed to
# the facilitator.
"$CHARTERC" doc _provisions.charter --for-signature
echo "[exit $?]"
