# What breaks if GlobalTel leaves the connectivity partnership: the goal
# first_time_users loses the lead of rural_towers and the only reporter of
# new_users, and the operator takes its money and hours with it.
"$CHARTERC" impact ../../../examples/connectivity.charter --without globaltel
