# Every gap and conflict check has its reference text: why it matters, how
# to fix it, and an example.
for name in $("$CHARTERC" explain --list); do
  text=$("$CHARTERC" explain "$name") || { echo "explain $name failed"; continue; }
  case $text in *"language error"*) continue ;; esac
  for part in "Why it matters:" "How to fix it:" "To keep it deliberately:" "Example:"; do
    case $text in *"$part"*) ;; *) echo "$name: no '$part'" ;; esac
  done
done
# No count here: adding a check must not change this case.
[ "$("$CHARTERC" explain --list | wc -l)" -gt 0 ] && echo "checked every check"
