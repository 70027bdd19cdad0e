# Sourced by the cases of this suite: a folder of its own with the
# agreement as readers.charter and its French translation beside it, and
# `only`, which keeps the findings of the translation checks (with their
# notes) out of everything `check` says about the small agreement.
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cp _readers.charter "$t/readers.charter"
cp _readers.fr.po "$t/readers.fr.po"
cd "$t" || exit 2
only() { awk '/: (warning|error): /{ show = /\[translation_/ } show'; }
