sh ./_conflicts.sh duplicate_partner.charter
