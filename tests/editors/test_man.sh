#!/usr/bin/env bash
# Tests of the man pages (docs/man/): each is lint-free for mandoc
# (`mandoc -Tlint`: a date, well-formed macros), and charterc(1) says what
# the programs accept: check_man.py compares the synopsis and the options
# of every command of charterc, and of every command of a tracker built
# from examples/connectivity.charter, with the command's --help, and tries
# every option the page names on the program itself. A part whose tool is
# missing (mandoc, python3; `make deps-test` installs mandoc) is skipped
# with a line "skip NAME: reason" and counted.
# The last line is "N passed, N failed" (", N skipped" when a part was
# skipped); the exit status is 1 on a failure.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
CHARTERC=${CHARTERC:-$root/${BUILD:-build}/bin/charterc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0 skipped=0
pass() { passed=$((passed + 1)); printf 'ok   %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf 'FAIL %s\n%s\n' "$1" "$2" | sed '2,$s/^/     /'; }
skip() { skipped=$((skipped + 1)); printf 'skip %s: %s\n' "$1" "$2"; }

pages=("$root"/docs/man/*.[1-9])
if command -v mandoc >/dev/null 2>&1; then
    for page in "${pages[@]}"; do
        name="man: mandoc -Tlint ${page#"$root"/}"
        if out=$(mandoc -Tlint -W all "$page" 2>&1) && [[ -z $out ]]; then
            pass "$name"
        else
            fail "$name" "$out"
        fi
    done
else
    skip "man pages lint" "mandoc not installed"
fi

if command -v python3 >/dev/null 2>&1; then
    (cd "$work" && "$CHARTERC" tracker "$root/examples/connectivity.charter" -o t >/dev/null 2>&1)
    name="man: charterc(1) agrees with every command's --help and options"
    if out=$(cd "$work" && python3 "$here/check_man.py" "$root/docs/man/charterc.1" "$CHARTERC" ./t 2>&1); then
        pass "$name"
    else
        fail "$name" "$out"
    fi
else
    skip "man synopses" "python3 not installed"
fi

if ((skipped)); then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
((failed == 0))
