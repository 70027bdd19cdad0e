sh ./_conflicts.sh empty_commitment.charter
