#!/usr/bin/env bash
# Tests of the language server, `charterc lsp`: session.py drives it over
# pipes with scripted sessions (lifecycle and exit status, diagnostics with
# UTF-16 ranges, hover, definition, references across a used file, the
# outline, formatting, malformed input) and checks every answer;
# nvim_session.lua does the same through Neovim's own LSP client, headless,
# when Neovim is installed (`make deps-test`), and is skipped otherwise.
# The workspace both use is tests/lsp/ws/.
#
# The last line is "N passed, N failed" (", N skipped" when a part was
# skipped); the exit status is 1 on a failure.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
charterc=${CHARTERC:-$root/build/bin/charterc}
case $charterc in /*) ;; *) charterc=$root/$charterc ;; esac

passed=0 failed=0 skipped=0
out=$(python3 "$here/session.py" "$charterc" "$here/ws" 2>&1)
echo "$out" | sed '$d'
last=$(echo "$out" | tail -n 1)
p=$(echo "$last" | sed -n -E 's/^([0-9]+) passed, ([0-9]+) failed$/\1/p')
f=$(echo "$last" | sed -n -E 's/^([0-9]+) passed, ([0-9]+) failed$/\2/p')
if [[ -n $p && -n $f ]]; then
    passed=$((passed + p)) failed=$((failed + f))
else
    echo "FAIL session.py did not finish: $last"
    failed=$((failed + 1))
fi

if command -v nvim >/dev/null 2>&1; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    cp -r "$here/ws" "$work/ws"
    nv=$(cd "$work/ws" && CHARTERC="$charterc" timeout 60 nvim --headless --clean -n \
         -c "luafile $here/nvim_session.lua" 2>&1)
    echo "$nv" | grep -E '^(ok|FAIL) ' || true
    np=$(echo "$nv" | grep -c '^ok ')
    nf=$(echo "$nv" | grep -c '^FAIL ')
    if echo "$nv" | grep -q '^nvim session done'; then
        passed=$((passed + np)) failed=$((failed + nf))
    else
        echo "FAIL the Neovim session did not finish:"
        echo "$nv" | tail -n 20
        failed=$((failed + nf + 1))
    fi
else
    echo "skip lsp_neovim: nvim is not installed (make deps-test)"
    skipped=$((skipped + 1))
fi

line="$passed passed, $failed failed"
[[ $skipped -eq 0 ]] || line="$line, $skipped skipped"
echo "$line"
[[ $failed -eq 0 ]]
