sh ./_conflicts.sh overcommitted_partner.charter
