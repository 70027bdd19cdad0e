# The Haitian example in French: every text of the agreement from
# examples/leogane_health.fr.po (titles, parties, goals, clauses, ...).
"$CHARTERC" doc --lang fr ../../../examples/leogane_health.charter --format md
