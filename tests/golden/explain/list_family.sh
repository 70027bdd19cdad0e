# `explain --list FAMILY` prints the checks of one family (the golden
# scripts ask for them this way instead of keeping a list, see
# tests/golden/conflicts/_conflicts.sh): the three families together list
# every check once, and `explain NAME` names the family the check is listed
# in.
for family in language gap conflict; do
  for name in $("$CHARTERC" explain --list $family); do
    head=$("$CHARTERC" explain "$name" | head -n 1)
    case $head in "$name ($family"*) ;; *) echo "$name is listed as a $family: $head" ;; esac
  done
done
joined=$(for family in language gap conflict; do "$CHARTERC" explain --list $family; done | sort)
[ "$joined" = "$("$CHARTERC" explain --list | sort -u)" ] && echo "language, gap and conflict list every check once"
"$CHARTERC" explain --list gap | grep -qx agenda_missing && echo "agenda_missing is a gap"
"$CHARTERC" explain --list conflict | grep -qx agenda_missing || echo "and not a conflict"
