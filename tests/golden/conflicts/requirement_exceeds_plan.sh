sh ./_conflicts.sh requirement_exceeds_plan.charter
