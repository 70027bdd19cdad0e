#!/usr/bin/env bash
# Tests of the example GitHub workflow, examples/ci/charter.yml:
# check_workflow.py reads it with PyYAML (the SARIF upload at v4, allowed
# to fail and placed after the comparison and its comment; the packages
# `make` needs; one heading per file in the comment, made by running the
# workflow's own scripts with git); actionlint, GitHub's own rules for
# workflows, lints it. A part whose tool is missing (python3 with PyYAML,
# git, actionlint; `make deps-test` installs them, actionlint from Debian
# or, with network, its release binary in build/tools) is skipped with a
# line "skip NAME: reason" and counted.
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
wf=$root/examples/ci/charter.yml

if ! python3 -c 'import yaml' 2>/dev/null; then
    skip "workflow checks" "no python3 with PyYAML"
elif ! command -v git >/dev/null 2>&1; then
    skip "workflow checks" "git not installed"
else
    name="ci: the workflow uploads at v4 after the comment, installs what make needs, one heading per file"
    if out=$(python3 "$here/check_workflow.py" "$root" "$CHARTERC" "$work" 2>&1); then
        pass "$name"
    else
        fail "$name" "$out"
    fi
fi

actionlint=$(command -v actionlint || echo "$root/build/tools/actionlint")
if [[ -x $actionlint ]]; then
    if out=$("$actionlint" -no-color "$wf" 2>&1); then
        pass "ci: actionlint examples/ci/charter.yml"
    else
        fail "ci: actionlint examples/ci/charter.yml" "$out"
    fi
else
    skip "workflow lint" "actionlint not installed (not in this Debian release, no network for its release binary)"
fi

if ((skipped)); then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
((failed == 0))
