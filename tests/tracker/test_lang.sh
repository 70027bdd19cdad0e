# test_lang.sh - the tracker in other languages (--lang on status,
# report, due and calendar).
#
# English is today's output, with or without catalogues; an unknown
# language and a missing catalogue are exit 2 and write nothing; the
# caller's LANG, LC_ALL and LANGUAGE change nothing; JSON, the ledger and
# the calendar's properties stay as they are; and no English fixed text is
# left in the French or Spanish dashboard: every word of the English
# dashboard that is not the agreement's own text (its source and data) is
# absent from the translated one, but for the few words both languages
# share. The agreement's own text comes from the translations the tracker
# carries (FILE.LANG.po beside the agreement when it was made).
. "$(dirname "$0")/harness.sh"
cp "$here/states.charter" "$here/states-observations.csv" "$here/states-events.csv" .
"$CHARTERC" tracker states.charter -o st >/dev/null 2>&1
./st import states-observations.csv >/dev/null
./st import states-events.csv >/dev/null
cp -r states-data ledger-before
locale=$BUILD/locale
unset CHARTER_LOCALEDIR LANGUAGE LANG
day=--as-of=2024-07-01

# English: the same with --lang en, and without any catalogue.
./st status $day >en.txt
./st report $day -o en.html >/dev/null
CHARTER_LOCALEDIR=/nonexistent ./st status $day --lang en >en2.txt
same "--lang en is the default" en.txt en2.txt
CHARTER_LOCALEDIR=/nonexistent ./st report $day --lang en -o en2.html >/dev/null
same "--lang en: the same dashboard" en.html en2.html

# Refusals: exit 2, one message, nothing written.
for c in status report due calendar; do
  expect "$c --lang xx" 2 out.txt ./st $c --lang xx
  has "$c --lang xx: message" out.txt "unknown language 'xx'"
done
expect "report --lang fx" 2 out.txt ./st report $day --lang fx -o fx.html
has "--lang fx: did you mean" out.txt "did you mean 'fr'?"
if [ -e fx.html ]; then bad "--lang fx: no dashboard written"; else ok; fi
CHARTER_LOCALEDIR=$tmp/none expect "no catalogue: exit 2" 2 out.txt ./st report $day --lang fr -o none.html
has "no catalogue: says which" out.txt "the French catalogue is missing"
has "no catalogue: says how" out.txt "CHARTER_LOCALEDIR"
if [ -e none.html ]; then bad "no catalogue: nothing written"; else ok; fi

export CHARTER_LOCALEDIR=$locale
for l in fr es; do
  ./st status $day --lang $l >$l.txt
  ./st report $day --lang $l -o $l.html >/dev/null
  # The caller's locale settings change nothing.
  LANG=de_DE.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=de:it ./st status $day --lang $l >$l-env.txt
  same "$l: independent of LANG, LC_ALL, LANGUAGE" $l.txt $l-env.txt
  # JSON is for programs: the same in every language.
  ./st status $day --format json >en.json
  ./st status $day --format json --lang $l >$l.json
  same "$l: JSON unchanged" en.json $l.json
  has "$l: html lang" $l.html "<html lang=\"$l\">"
done
LANGUAGE=fr LC_ALL=C.UTF-8 ./st status $day >env.txt
same "no --lang: English whatever LANGUAGE says" en.txt env.txt
has "fr status" fr.txt "Tableau de bord au"
has "es status" es.txt "Cuadro de mando al"

# No English fixed text left: the words of a page's text (tags, entities
# and the style sheet removed; a UTF-8 letter's bytes belong to its word,
# so "más" is one word), less the agreement's own words.
words() {
  sed -e 's/<style>.*<\/style>//' -e 's/<[^>]*>/ /g' -e 's/&[#a-z0-9]*;/ /g' "$1" |
    tr -cs 'A-Za-z\200-\377' '\n' | sort -u
}
cat states.charter states-observations.csv states-events.csv | tr -cs 'A-Za-z\200-\377' '\n' | sort -u >own.txt
# Words French or Spanish writes as English does ("observations" in French,
# "no" and "total" in Spanish), and the programs' names.  The months are
# left out: the long dates are date_long()'s, whose language is date.h's
# (through ICU), not the catalogue's.
printf '%s\n' Date date plan version Source points correction observations no total \
  charter runtime charterc January February March April May June July August \
  September October November December |
  sort -u >shared.txt
words en.html | comm -23 - own.txt | comm -23 - shared.txt >en-words.txt
n=$(wc -l <en-words.txt)
if [ "$n" -gt 60 ]; then ok; else bad "too few English words to compare ($n)" en-words.txt; fi
for l in fr es; do
  words $l.html | comm -12 - en-words.txt >left.txt
  if [ -s left.txt ]; then bad "$l dashboard: English left" left.txt; else ok; fi
done

# due and the calendar.
./st due $day --within '1 year' --lang fr >due.txt
has "due fr" due.txt "Échéances au"
has "due fr: kinds" due.txt "rapport"
SOURCE_DATE_EPOCH=0 ./st calendar --lang es -o cal.ics 2>/dev/null
has "calendar es: summary" cal.ics "SUMMARY:Vencimiento del hito"
has "calendar es: categories stay" cal.ics "CATEGORIES:MILESTONE"
SOURCE_DATE_EPOCH=0 ./st calendar -o cal-en.ics 2>/dev/null
if [ "$(grep -c '^BEGIN:VEVENT' cal.ics)" = "$(grep -c '^BEGIN:VEVENT' cal-en.ics)" ]; then ok
else bad "calendar es: the same events"; fi

# Haitian Creole: its own words where the catalogue has them, French
# where it has not.
./st status $day --lang ht >ht.txt
has "ht: its own word" ht.txt "Endikatè"
has "ht: French otherwise" ht.txt "prévu aujourd’hui"

# The agreement's own text: the tracker carries the translations that lay
# beside the agreement when it was made (FILE.LANG.po), and uses the one
# of --lang, as `charterc doc --lang` does.
mkdir leo && cp "$top/examples/leogane_health.charter" "$top/examples/leogane_health.fr.po" \
  "$top/examples/leogane_health.ht.po" leo/
"$CHARTERC" tracker leo/leogane_health.charter -o leo-trk >/dev/null 2>&1
leo() { ./leo-trk status --as-of 2012-01-01 "$@" 2>/dev/null; }
./leo-trk info >leo-info.txt
has "info lists the translations carried" leo-info.txt "languages  fr (leo/leogane_health.fr.po), ht (leo/leogane_health.ht.po)"
leo >leo-en.txt
leo --lang fr >leo-fr.txt
leo --lang ht >leo-ht.txt
leo --lang es >leo-es.txt
has "agreement's text: English without --lang" leo-en.txt "Families reach a working clinic"
has "agreement's text: French from leogane_health.fr.po" leo-fr.txt "Les familles ont accès à un centre de santé"
hasnt "agreement's text: no English goal left in French" leo-fr.txt "Families reach a working clinic"
has "agreement's text: Haitian Creole from leogane_health.ht.po" leo-ht.txt "Fanmi yo jwenn yon klinik"
has "agreement's text: as written without leogane_health.es.po" leo-es.txt "Families reach a working clinic"
has "agreement's text: the fixed text in Spanish all the same" leo-es.txt "Indicadores"
leo --lang fr --format json >leo-fr.json
leo --format json >leo-en.json
same "JSON: for programs, the same in every language" leo-en.json leo-fr.json
# Carried, not read from the disk: the tracker does not change when the
# file beside it does, and one made without translations has none.
rm leo/leogane_health.fr.po
leo --lang fr >leo-fr2.txt
same "the translation is carried in the tracker" leo-fr.txt leo-fr2.txt
"$CHARTERC" tracker leo/leogane_health.charter -o leo-bare >/dev/null 2>&1
./leo-bare status --as-of 2012-01-01 --lang fr >leo-bare.txt 2>/dev/null
has "without FILE.fr.po: the text as written" leo-bare.txt "Families reach a working clinic"
has "without FILE.fr.po: the fixed text in French" leo-bare.txt "Indicateurs"
# A translation gettext cannot read: the tracker says where, and does not
# write a half-translated page; other languages still work.
printf 'msgid "x"\nmsgstr "y\n' >leo/leogane_health.fr.po
"$CHARTERC" tracker leo/leogane_health.charter -o leo-badpo >/dev/null 2>&1
expect "a malformed translation: exit 2" 2 leo-bad.txt ./leo-badpo status --as-of 2012-01-01 --lang fr
has "a malformed translation: its file and line" leo-bad.txt "leogane_health.fr.po:3:1: error"
has "a malformed translation: says so" leo-bad.txt "cannot be read"
./leo-badpo report --as-of 2012-01-01 --lang fr -o leo-bad.html >/dev/null 2>&1
if [ -e leo-bad.html ]; then bad "a malformed translation: no dashboard written"; else ok; fi
./leo-badpo status --as-of 2012-01-01 --lang ht >leo-ht2.txt 2>/dev/null
same "a malformed French file leaves Haitian Creole alone" leo-ht.txt leo-ht2.txt

# Reading in any language leaves the ledger as it was.
if diff -r ledger-before states-data >/dev/null; then ok; else bad "the ledger changed"; fi
finish
