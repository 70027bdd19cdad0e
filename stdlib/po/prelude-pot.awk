# prelude-pot.awk - the titles of the standard library's declarations
# (stdlib/std/prelude.charter) as entries of the catalogue of fixed text,
# appended to charterc.pot by `make pot`.  Each entry's context is the one
# an agreement's own declaration of that kind and name has ("sector
# nonprofit"), which texts_std_translate() (compiler/model/texts.c) asks
# gettext for.
/^(unit|sector|level|backbone_function|phase|topic) [A-Za-z_][A-Za-z_0-9]* "/ {
    kind = $1
    sub(/_/, " ", kind)
    title = $0
    sub(/^[^"]*"/, "", title)
    sub(/".*/, "", title)
    printf "\n#. TRANSLATORS: the name of a %s the standard library declares.\n", kind
    printf "#: stdlib/std/prelude.charter\n"
    printf "msgctxt \"%s %s\"\nmsgid \"%s\"\nmsgstr \"\"\n", kind, $2, title
}
