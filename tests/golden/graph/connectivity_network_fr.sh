# The partner network of the reference example as DOT with --lang fr: the
# title's and the arrows' words in French.
"$CHARTERC" graph ../../../examples/connectivity.charter --kind network --format dot --lang fr
