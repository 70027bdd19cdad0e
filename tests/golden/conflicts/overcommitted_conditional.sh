sh ./_conflicts.sh overcommitted_conditional.charter
