#!/usr/bin/env bash
# Properties of `charterc fmt` over every agreement we have: the examples
# and the test inputs (tests/**.charter). For each file x that parses:
#   1. fmt(fmt(x)) == fmt(x)                          (idempotent)
#   2. the comments of x are exactly those of fmt(x)  (none lost or altered)
#   3. `check --format json` gives the same findings for x and fmt(x),
#      compared on check, subject and message (lines may move). fmt(x) is
#      checked in a mirror of the folders where every file that parses is
#      formatted (same relative paths), so that its `use`s resolve the
#      same way.
# A file with syntax errors must be refused: exit 1 and no output.
# Comments and findings are compared by one awk run each over all the
# files, not a few programs per file: the test starts five programs per
# file instead of twenty.
# Ends with "N passed, N failed".

set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CHARTERC=${CHARTERC:-$root/${BUILD:-build}/bin/charterc}
export NO_COLOR=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); printf 'FAIL %s\n' "$1"; [ -z "${2:-}" ] || printf '%s\n' "$2" | head -n 30 | sed 's/^/     /'; }

if [ ! -x "$CHARTERC" ]; then
    echo "FAIL no compiler at $CHARTERC (run make first)"
    echo "0 passed, 1 failed"
    exit 1
fi

# The files, and the mirror: $work/mirror/examples, $work/mirror/tests.
files=()
for dir in "$root/examples" "$root/tests"; do
    mkdir -p "$work/mirror${dir#"$root"}"
    cp -R "$dir/." "$work/mirror${dir#"$root"}/"
    while IFS= read -r f; do files+=("$f"); done < <(find "$dir" -name '*.charter' -type f | sort)
done

# 1. fmt(x) replaces x in the mirror; fmt(fmt(x)) must be the same text.
# parsed holds the index of each file that parses.
parsed=()
for i in "${!files[@]}"; do
    f=${files[$i]}
    rel=${f#"$root"/}
    m="$work/mirror${f#"$root"}"
    "$CHARTERC" fmt - <"$f" >"$m" 2>"$work/err"
    st=$?
    if [ $st -eq 1 ]; then
        # Syntax errors: refused, nothing on standard output.
        if [ -s "$m" ]; then bad "$rel: syntax errors but fmt printed output"; else ok; fi
        cp "$f" "$m"
        continue
    fi
    if [ $st -ne 0 ]; then
        bad "$rel: fmt exited $st" "$(cat "$work/err")"
        cp "$f" "$m"
        continue
    fi
    parsed+=("$i")
    "$CHARTERC" fmt - <"$m" >"$work/twice" 2>&1
    if cmp -s "$m" "$work/twice"; then ok; else
        bad "$rel: fmt is not idempotent" "$(diff -u "$m" "$work/twice")"
    fi
done

# verdicts WHAT: reads the lines "ok" or "bad REL<TAB>DETAIL" that an awk
# run prints, one per file, and counts them.
verdicts() {
    local what=$1 verdict rel detail
    while IFS=$'\t' read -r verdict rel detail; do
        if [ "$verdict" = ok ]; then ok; else bad "$rel: $what" "$(printf '%b' "$detail")"; fi
    done
}

# The end of an awk program that compares files in pairs, x then what fmt
# made of it (named one after the other on its command line; RELS names
# the x's), as multisets of the strings item(line) returns for their
# lines ("" for none); start() is called before each file. It prints one
# verdict a pair.
compare_pairs='
function count(file, into,   line, x) {
    start()
    while ((getline line < file) > 0) { x = item(line); if (x != "") into[x]++ }
    close(file)
}
BEGIN {
    n = split(RELS, rel, " ")
    for (p = 1; p <= n; p++) {
        count(ARGV[2 * p - 1], a)
        count(ARGV[2 * p], b)
        d = ""
        for (k in a) if (a[k] != b[k] + 0) d = d sprintf("%d in x, %d in fmt(x): %s\\n", a[k], b[k], k)
        for (k in b) if (!(k in a)) d = d sprintf("0 in x, %d in fmt(x): %s\\n", b[k], k)
        gsub(/\t/, " ", d)
        if (d == "") print "ok"; else printf "bad\t%s\t%s\n", rel[p], d
        for (k in a) delete a[k]
        for (k in b) delete b[k]
    }
    exit
}
'

rels=""
pairs=()
jsons=()
for i in "${parsed[@]}"; do
    f=${files[$i]}
    rels="$rels ${f#"$root"/}"
    pairs+=("$f" "$work/mirror${f#"$root"}")
done

# 2. The comments: '#' to the end of the line, outside "..." and
# """...""" strings, trailing blanks removed.
verdicts "comments differ after fmt" < <(awk -v RELS="$rels" '
function start() { state = 0 }   # 0 code, 1 "string", 2 """string"""
function item(line,   n, i, c, t) {
    n = length(line); i = 1; t = ""
    while (i <= n) {
        c = substr(line, i, 1)
        if (state == 2) {
            if (substr(line, i, 3) == "\"\"\"") { state = 0; i += 3 } else i++
        } else if (state == 1) {
            if (c == "\\") i += 2
            else { if (c == "\"") state = 0; i++ }
        } else if (substr(line, i, 3) == "\"\"\"") { state = 2; i += 3 }
        else if (c == "\"") { state = 1; i++ }
        else if (c == "#") { t = substr(line, i); sub(/[ \t\r]+$/, "", t); break }
        else i++
    }
    if (state == 1) state = 0    # an unterminated string ends at the line end
    return t
}'"$compare_pairs" "${pairs[@]}")

# 3. The findings of x and of fmt(x), each checked in its own folder.
for k in "${!pairs[@]}"; do
    p=${pairs[$k]}
    cd "${p%/*}" || exit 2
    "$CHARTERC" check --format json "${p##*/}" >"$work/$k.json" 2>"$work/$k.err"
    st=$?
    if [ $st -gt 2 ]; then
        # check exits 0, 1 or 2; anything else is a crash or a kill (a
        # sanitizer build short of memory on a loaded machine), which the
        # comparison below would misreport as lost findings.  Say so, and
        # run it once more: a second crash fails the comparison.
        echo "note: check of $p ended with status $st; once more: $(head -c 300 "$work/$k.err")"
        "$CHARTERC" check --format json "${p##*/}" >"$work/$k.json" 2>"$work/$k.err"
    fi
    jsons+=("$work/$k.json")
done
cd "$root" || exit 2
# check, subject and message of each finding of `check --format json`.
verdicts "check findings differ after fmt" < <(awk -v RELS="$rels" '
function start() { }
function field(line, name,   s) {
    if (!match(line, "\"" name "\": \"([^\"\\\\]|\\\\.)*\"")) return ""
    s = substr(line, RSTART, RLENGTH)
    return substr(s, length(name) + 6, length(s) - length(name) - 6)
}
function item(line,   c) {
    c = field(line, "check")
    return c == "" ? "" : c " | " field(line, "subject") " | " field(line, "message")
}'"$compare_pairs" "${jsons[@]}")

echo "fmt properties over ${#parsed[@]} formatted files"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
