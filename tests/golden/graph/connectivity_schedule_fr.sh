# The schedule of the reference example with --lang fr: the picture's own
# words and dates in French, the agreement's titles and ids as they are.
"$CHARTERC" graph ../../../examples/connectivity.charter --kind schedule --lang fr
