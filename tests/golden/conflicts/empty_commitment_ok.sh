sh ./_conflicts.sh empty_commitment_ok.charter
