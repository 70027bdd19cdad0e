# Without the ministry: the social tariff loses its lead, and the derived
# indicator tariff_share loses the only reporter of one of its inputs.
"$CHARTERC" impact ../../../examples/connectivity.charter --without ministry
