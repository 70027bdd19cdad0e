sh ./_conflicts.sh duplicate_partner_ok.charter
