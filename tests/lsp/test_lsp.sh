#!/usr/bin/env bash
# Tests of the language server, `charterc lsp`: session.py drives it over
# pipes with scripted sessions (lifecycle and exit status, diagnostics with
# UTF-16 ranges, hover, definition, references across a used file, the
# outline, formatting, completion, highlight, code actions) and checks
# every answer; tokens.py decodes the semantic tokens of a document and
# checks each; robust.py sends malformed streams and checks that each is
# answered with an error and that the session goes on; crash.py makes
# handlers crash (a testing aid) and checks that the session goes on, but
# not in a sanitizer build, where it is skipped; vscode_session.js
# drives it through VS Code's protocol libraries (from npm, in
# build/editors-node) and nvim_session.lua through Neovim's own LSP client,
# headless, and nvim_config.lua the configuration users copy
# (editors/neovim/charter.lua); the Node and the Neovim parts are each
# skipped when their client is not installed (`make deps-test`).
# The workspace they all use is tests/lsp/ws/.
#
# The last line is "N passed, N failed" (", N skipped" when a part was
# skipped); the exit status is 1 on a failure.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
charterc=${CHARTERC:-$root/build/bin/charterc}
case $charterc in /*) ;; *) charterc=$root/$charterc ;; esac

passed=0 failed=0 skipped=0
# Adds the counts of a part's output, whose last line is "N passed, N failed".
count() {
    local out=$1 name=$2 last p f
    echo "$out" | sed '$d'
    last=$(echo "$out" | tail -n 1)
    p=$(echo "$last" | sed -n -E 's/^([0-9]+) passed, ([0-9]+) failed$/\1/p')
    f=$(echo "$last" | sed -n -E 's/^([0-9]+) passed, ([0-9]+) failed$/\2/p')
    if [[ -n $p && -n $f ]]; then
        passed=$((passed + p)) failed=$((failed + f))
    else
        echo "FAIL $name did not finish: $last"
        failed=$((failed + 1))
    fi
}
count "$(python3 "$here/session.py" "$charterc" "$here/ws" 2>&1)" session.py
count "$(python3 "$here/tokens.py" "$charterc" "$here/ws" 2>&1)" tokens.py
count "$(python3 "$here/robust.py" "$charterc" "$here/ws" 2>&1)" robust.py
# A crash in one request keeps the session, except under AddressSanitizer,
# where a crash must end the process with its report (docs/lsp.md): an
# instrumented charterc names the sanitizer's start-up function.
if LC_ALL=C grep -q -a __asan_init "$charterc"; then
    echo "skip lsp_crash: a sanitizer build ends the process on a crash (no recovery to test)"
    skipped=$((skipped + 1))
else
    count "$(python3 "$here/crash.py" "$charterc" "$here/ws" 2>&1)" crash.py
fi

# The Node client: VS Code's protocol libraries from build/editors-node.
# count_client DONE NAME OUTPUT: a real client's session printed OUTPUT;
# its lines "ok ..." and "FAIL ..." are counted, and it must have printed
# a line starting DONE (else one more failure, with its last lines).
count_client() {
    local done=$1 name=$2 out=$3 np nf
    echo "$out" | grep -E '^(ok|FAIL) ' || true
    np=$(echo "$out" | grep -c '^ok ')
    nf=$(echo "$out" | grep -c '^FAIL ')
    if echo "$out" | grep -q "^$done"; then
        passed=$((passed + np)) failed=$((failed + nf))
    else
        echo "FAIL $name did not finish:"
        echo "$out" | tail -n 20
        failed=$((failed + nf + 1))
    fi
}

node_modules=$root/build/editors-node/node_modules
if command -v node >/dev/null 2>&1 && [[ -d $node_modules/vscode-languageserver-protocol ]] &&
   [[ -d $node_modules/vscode-jsonrpc ]]; then
    count_client "vscode session done" "the VS Code protocol session" \
        "$(NODE_PATH="$node_modules" timeout 60 node "$here/vscode_session.js" "$charterc" "$here/ws" 2>&1)"
else
    echo "skip lsp_vscode: node, vscode-jsonrpc or vscode-languageserver-protocol not available (make deps-test installs them into build/editors-node)"
    skipped=$((skipped + 1))
fi

# A Neovim part: nvim, headless, in a fresh copy of the workspace, with
# the given commands; its lines counted as count_client does, and it must
# print DONE.
nvim_part() {
    local done=$1 name=$2
    shift 2
    rm -rf "$work/ws"
    cp -r "$here/ws" "$work/ws"
    count_client "$done" "$name" "$(cd "$work/ws" && PATH="$(dirname "$charterc"):$PATH" \
        CHARTERC="$charterc" timeout 60 nvim --headless --clean -n "$@" 2>&1)"
}

if command -v nvim >/dev/null 2>&1; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    nvim_part "nvim session done" "the Neovim session" -c "luafile $here/nvim_session.lua"
    # The configuration users copy, editors/neovim/charter.lua, starting
    # `charterc lsp` from PATH.
    nvim_part "nvim config done" "the Neovim configuration" \
        -c "luafile $root/editors/neovim/charter.lua" -c "luafile $here/nvim_config.lua"
else
    echo "skip lsp_neovim: nvim is not installed (make deps-test)"
    skipped=$((skipped + 1))
fi

line="$passed passed, $failed failed"
[[ $skipped -eq 0 ]] || line="$line, $skipped skipped"
echo "$line"
[[ $failed -eq 0 ]]
