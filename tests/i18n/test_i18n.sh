#!/bin/bash
# Tests of the translations of an agreement's text beyond the golden cases
# (tests/golden/i18n): every template `charterc i18n` writes passes
# `msgfmt --check`, and so do the example's shipped translations; the
# example's translations are complete (check --lang gives no translation
# finding); `charterc i18n --update` gives what `msgmerge --previous` gives
# on the same files (the same entries, translations, flags, previous
# msgids and obsolete entries); the template is the same bytes every time.
# Needs gettext's msgfmt, msgmerge and msgcat (`make deps-test`); without
# them those parts are skipped.  Ends with "N passed, N failed".
. "$(dirname "$0")/../doc/harness.sh"
here=$top/tests/i18n
inputs=("$top"/examples/*.charter "$top"/tests/golden/i18n/_readers.charter)

have_gettext=1
for tool in msgfmt msgmerge msgcat; do
  command -v $tool >/dev/null 2>&1 || have_gettext=0
done

for ex in "${inputs[@]}"; do
  name=$(basename "$ex" .charter)
  "$CHARTERC" i18n "$ex" -o "$tmp/$name.pot" || { bad "i18n $name"; continue; }
  "$CHARTERC" i18n "$ex" -o "$tmp/$name.again.pot"
  check "$name: the template is deterministic" cmp -s "$tmp/$name.pot" "$tmp/$name.again.pot"
  if [ $have_gettext = 1 ]; then
    # (A template keeps the placeholders of its header, as xgettext's do:
    # msgfmt warns about them and passes it.)
    check "$name: msgfmt --check on its template" msgfmt --check -o /dev/null "$tmp/$name.pot" 2>/dev/null
  fi
done

for po in "$top"/examples/*.po; do
  if [ $have_gettext = 1 ]; then
    check "msgfmt --check on $(basename "$po")" msgfmt --check -o /dev/null "$po"
  fi
  lang=${po%.po}
  lang=${lang##*.}
  agreement=${po%."$lang".po}.charter
  out=$("$CHARTERC" check --strict --lang "$lang" "$agreement" 2>&1 | grep -v '^charterc: note: the .* catalogue of fixed text')
  check "$(basename "$po") is complete: $out" test -z "$out"
done
[ $have_gettext = 1 ] || skip "msgfmt and msgmerge checks" "gettext's tools are not installed"

# The merge against msgmerge's: texts changed a little (msgmerge's fuzzy
# match finds them; a text rewritten whole it would not, see pot.h), one
# added and one removed, and an entry already fuzzy.
if [ $have_gettext = 1 ]; then
  m=$tmp/merge
  mkdir -p "$m"
  cp "$top/tests/golden/i18n/_readers.charter" "$m/readers.charter"
  sed 's/^msgctxt "agreement readers scope"/#, fuzzy\n&/' \
    "$top/tests/golden/i18n/_readers.fr.po" >"$m/readers.fr.po"
  cp "$m/readers.fr.po" "$m/old.po"
  sed -i -e 's/"Children read at grade level"/"Children read at their grade level"/' \
    -e 's/"More readers"/"More young readers"/' \
    -e 's/"A partner may withdraw by written notice."/"A partner may withdraw by a written notice."/' \
    -e '/^clause termination/,$d' "$m/readers.charter"
  printf 'goal writers "Children write stories" {\n  by 2027-12-31\n}\n' >>"$m/readers.charter"
  "$CHARTERC" i18n "$m/readers.charter" -o "$m/new.pot"
  msgmerge --quiet --previous "$m/old.po" "$m/new.pot" -o "$m/gnu.po"
  "$CHARTERC" i18n "$m/readers.charter" --update 2>/dev/null
  check "i18n --update writes a valid PO file" msgfmt --check -o /dev/null "$m/readers.fr.po"
  msgcat --no-wrap "$m/readers.fr.po" -o "$m/ours.txt"
  msgcat --no-wrap "$m/gnu.po" -o "$m/gnu.txt"
  python3 "$here/po_entries.py" "$m/ours.txt" >"$m/ours.entries"
  python3 "$here/po_entries.py" "$m/gnu.txt" >"$m/gnu.entries"
  if diff -u "$m/gnu.entries" "$m/ours.entries"; then ok; else bad "i18n --update differs from msgmerge"; fi
  check "the merge keeps the removed texts obsolete" grep -q "True)$" "$m/ours.entries"
  check "the merge has entries to compare" test "$(wc -l <"$m/ours.entries")" -ge 10
  # Updating again changes nothing.
  cp "$m/readers.fr.po" "$m/once.po"
  "$CHARTERC" i18n "$m/readers.charter" --update 2>/dev/null
  check "i18n --update twice changes nothing" cmp -s "$m/once.po" "$m/readers.fr.po"
fi
finish
