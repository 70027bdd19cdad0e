sh ./_conflicts.sh contradictory_requirements_ok.charter
