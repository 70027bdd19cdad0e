sh ./_conflicts.sh contradictory_requirements.charter
