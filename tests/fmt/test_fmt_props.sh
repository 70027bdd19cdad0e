#!/usr/bin/env bash
# Properties of `charterc fmt` over every agreement we have: the examples
# and the test inputs (tests/**.charter). For each file x that parses:
#   1. fmt(fmt(x)) == fmt(x)                          (idempotent)
#   2. the comments of x are exactly those of fmt(x)  (none lost or altered)
#   3. `check --format json` gives the same findings for x and fmt(x),
#      compared on check, subject and message (lines may move). fmt(x) is
#      checked in place in a mirror of the folders (same relative paths),
#      so that its `use`s resolve the same way.
# A file with syntax errors must be refused: exit 1 and no output.
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

# The comments of a Charter file, one per line, trailing blanks removed:
# '#' to the end of the line, outside "..." and """...""" strings.
comments() {
    awk '
    BEGIN { state = 0 }     # 0 code, 1 "string", 2 """string"""
    {
        line = $0; n = length(line); i = 1
        while (i <= n) {
            c = substr(line, i, 1)
            if (state == 2) {
                if (substr(line, i, 3) == "\"\"\"") { state = 0; i += 3 } else i++
            } else if (state == 1) {
                if (c == "\\") i += 2
                else { if (c == "\"") state = 0; i++ }
            } else if (substr(line, i, 3) == "\"\"\"") { state = 2; i += 3 }
            else if (c == "\"") { state = 1; i++ }
            else if (c == "#") {
                t = substr(line, i); sub(/[ \t\r]+$/, "", t); print t; break
            } else i++
        }
        if (state == 1) state = 0    # an unterminated string ends at the line end
    }' "$1"
}

# check, subject and message of each finding of `check --format json`.
findings() {
    (cd "$(dirname "$1")" && "$CHARTERC" check --format json "$(basename "$1")" 2>/dev/null) |
        sed -nE 's/.*"check": "([^"]*)".*"subject": "(([^"\\]|\\.)*)", "message": "(([^"\\]|\\.)*)".*/\1 | \2 | \4/p' |
        sort
}

# The folders searched, mirrored under $work/mirror with their paths
# relative to the repository.
files=()
for dir in "$root/examples" "$root/tests"; do
    mkdir -p "$work/mirror${dir#"$root"}"
    cp -R "$dir/." "$work/mirror${dir#"$root"}/"
    while IFS= read -r f; do files+=("$f"); done < <(find "$dir" -name '*.charter' -type f | sort)
done

n=0
for f in "${files[@]}"; do
    rel=${f#"$root"/}
    "$CHARTERC" fmt - <"$f" >"$work/once" 2>"$work/err"
    st=$?
    if [ $st -eq 1 ]; then
        # Syntax errors: refused, nothing on standard output.
        if [ -s "$work/once" ]; then bad "$rel: syntax errors but fmt printed output"; else ok; fi
        continue
    fi
    if [ $st -ne 0 ]; then
        bad "$rel: fmt exited $st" "$(cat "$work/err")"
        continue
    fi
    n=$((n + 1))
    "$CHARTERC" fmt - <"$work/once" >"$work/twice" 2>&1
    if cmp -s "$work/once" "$work/twice"; then ok; else
        bad "$rel: fmt is not idempotent" "$(diff -u "$work/once" "$work/twice")"
    fi
    comments "$f" | sort >"$work/c1"
    comments "$work/once" | sort >"$work/c2"
    if cmp -s "$work/c1" "$work/c2"; then ok; else
        bad "$rel: comments differ after fmt" "$(diff -u "$work/c1" "$work/c2")"
    fi
    # Check the formatted text in its place in the mirror, so that its
    # `use`s (and cycles through it) resolve the same way; then put the
    # original back.
    m="$work/mirror${f#"$root"}"
    cp "$work/once" "$m"
    findings "$f" >"$work/f1"
    findings "$m" >"$work/f2"
    cp "$f" "$m"
    if cmp -s "$work/f1" "$work/f2"; then ok; else
        bad "$rel: check findings differ after fmt" "$(diff -u "$work/f1" "$work/f2")"
    fi
done
echo "fmt properties over $n formatted files"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
