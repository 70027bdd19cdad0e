sh ./_conflicts.sh overcommitted_partner_ok.charter
