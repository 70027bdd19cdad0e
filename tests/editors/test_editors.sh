#!/usr/bin/env bash
# Tests of the editor and CI kit: the VS Code extension's JSON files, the
# keyword coverage of the Vim syntax and the TextMate grammar, the Vim
# compiler plugin (quickfix), filetype plugin, syntax and indent, the VS
# Code folding code, the bash completion, the man pages and the pre-commit
# hooks. A part whose tool is missing (vim, node, groff, ...) is skipped
# with a line "skip NAME: reason" and counted; `make deps-test` installs
# the tools, and the npm packages vscode-textmate and vscode-oniguruma
# into build/editors-node.
#
# usage: bash tests/editors/test_editors.sh [KEYWORDS]
#   KEYWORDS: a file of words, one per line, that both grammars must know.
#   Default: the list tests/editors/gen_keywords.sh generates from the
#   scanner (grammar/lexer.l), the resolver's tables (compiler/front/compile.c,
#   compiler/front/resolve*.c, ...) and the prelude. Lines starting with # are skipped.
#
# Expected outputs (compared with diff -u): qf.expected, sample.vim.expected,
# sample.tm.expected, folding.expected. To regenerate one after a deliberate
# change, run with UPDATE=1 and review `git diff`.
#
# The last line is "N passed, N failed" (", N skipped" when a part was
# skipped); the exit status is 1 on a failure.

set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
keywords=${1:-}
keywords_gen=''
if [[ -z $keywords ]]; then
    # The language's words, generated from the sources that define them.
    keywords=$work/keywords.txt
    keywords_gen=$(sh "$here/gen_keywords.sh" "$keywords" 2>&1) || keywords_gen="FAILED: $keywords_gen"
fi

passed=0
failed=0
skipped=0
pass() { passed=$((passed + 1)); printf 'ok   %s\n' "$1"; }
fail() {
    failed=$((failed + 1))
    printf 'FAIL %s\n' "$1"
    if [[ -n ${2:-} ]]; then printf '%s\n' "$2" | sed 's/^/     /'; fi
}
skip() { skipped=$((skipped + 1)); printf 'skip %s: %s\n' "$1" "$2"; }
have() { command -v "$1" >/dev/null 2>&1; }

# compare NAME EXPECTED ACTUAL: one test; with UPDATE=1, rewrite EXPECTED
# when it is one of the .expected files.
compare() {
    if [[ ${UPDATE:-} == 1 && $2 == *.expected ]]; then
        cp "$3" "$2"
        printf 'upd  %s (%s)\n' "$1" "${2#"$root"/}"
    fi
    if diff -u "$2" "$3" >"$work/diff"; then
        pass "$1"
    else
        fail "$1" "$(head -n 60 "$work/diff")"
    fi
}

vscode=$root/editors/vscode
grammar=$vscode/syntaxes/charter.tmLanguage.json
vimdir=$root/editors/vim
vimsyntax=$vimdir/syntax/charter.vim
sample=$here/sample.charter

python_ok=0
have python3 && python3 -c 'import json' 2>/dev/null && python_ok=1
node_ok=0
have node && node_ok=1

# ---------------------------------------------------------------------------
# (a) The VS Code extension's JSON files parse, and fit together.

json_parse() {
    if have jq; then
        jq empty "$1"
    elif ((python_ok)); then
        python3 -m json.tool "$1" >/dev/null
    elif ((node_ok)); then
        node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$1"
    else
        return 3
    fi
}

for f in "$grammar" "$vscode/package.json" "$vscode/language-configuration.json"; do
    name="json: ${f#"$root"/} parses"
    json_parse "$f" >"$work/out" 2>&1
    case $? in
        0) pass "$name" ;;
        3) skip "json ${f##*/}" "no python3, jq or node" ;;
        *) fail "$name" "$(cat "$work/out")" ;;
    esac
done

# The manifest's contributions, checked with python3 (or node).
manifest_check='
const fs = require("fs"), path = require("path");
const dir = process.argv[1];
const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
const pkg = read("package.json"), conf = read("language-configuration.json");
const problems = [];
const c = pkg.contributes || {};
const lang = (c.languages || []).find((l) => l.id === "charter");
if (!lang) problems.push("no language charter");
else {
  if (!(lang.extensions || []).includes(".charter")) problems.push("language charter lacks .charter");
  if (!lang.configuration || !fs.existsSync(path.join(dir, lang.configuration)))
    problems.push("language configuration file missing");
}
const gr = (c.grammars || []).find((g) => g.language === "charter");
if (!gr) problems.push("no grammar for charter");
else if (gr.scopeName !== "source.charter") problems.push("grammar scopeName is not source.charter");
else if (read(gr.path).scopeName !== "source.charter") problems.push("grammar file scopeName differs");
if (!c.configurationDefaults || !c.configurationDefaults["[charter]"]) problems.push("no [charter] configuration defaults");
if (pkg.main && !fs.existsSync(path.join(dir, pkg.main))) problems.push("main " + pkg.main + " missing");
if (!conf.comments || conf.comments.lineComment !== "#") problems.push("line comment is not #");
const pairs = (conf.brackets || []).map((b) => b.join(""));
for (const b of ["{}", "()"]) if (!pairs.includes(b)) problems.push("bracket " + b + " missing");
const auto = (conf.autoClosingPairs || []).map((p) => (p.open || p[0]) + (p.close || p[1]));
for (const b of ["{}", "()", "\"\""]) if (!auto.includes(b)) problems.push("auto-closing " + b + " missing");
const pm = (c.problemMatchers || []).find((m) => m.name === "charterc");
if (!pm) problems.push("no charterc problem matcher");
else {
  const re = new RegExp(pm.pattern.regexp);
  const line = "a.charter:57:6: warning: goal \u0027g\u0027 has no indicator [goal_unmeasured]";
  const m = re.exec(line);
  if (!m || m[pm.pattern.file] !== "a.charter" || m[pm.pattern.line] !== "57" ||
      m[pm.pattern.column] !== "6" || m[pm.pattern.severity] !== "warning" ||
      m[pm.pattern.message] !== "goal \u0027g\u0027 has no indicator" ||
      m[pm.pattern.code] !== "goal_unmeasured")
    problems.push("problem matcher does not read " + line);
  if (re.test("   57 | goal g \"x\" {")) problems.push("problem matcher reads a source line");
}
if (problems.length) { console.log(problems.join("\n")); process.exit(1); }
'
if ((node_ok)); then
    if out=$(node -e "$manifest_check" "$vscode" 2>&1); then
        pass "vscode: package.json contributes language, grammar, configuration, problem matcher"
    else
        fail "vscode: package.json contributes language, grammar, configuration, problem matcher" "$out"
    fi
else
    skip "vscode manifest" "no node"
fi

# Every regular expression of the grammar compiles (as a JavaScript RegExp:
# the grammar keeps to the syntax Oniguruma and JavaScript share).
regex_check='
const g = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const bad = [];
let n = 0;
(function walk(x) {
  if (Array.isArray(x)) return x.forEach(walk);
  if (x && typeof x === "object") {
    for (const k of ["match", "begin", "end"]) {
      if (typeof x[k] === "string") {
        n++;
        try { new RegExp(x[k]); } catch (e) { bad.push(k + ": " + x[k] + ": " + e.message); }
      }
    }
    Object.values(x).forEach(walk);
  }
})(g);
if (bad.length || n === 0) { console.log(bad.join("\n") || "no regex found"); process.exit(1); }
'
if ((node_ok)); then
    if out=$(node -e "$regex_check" "$grammar" 2>&1); then
        pass "vscode: every grammar regex compiles"
    else
        fail "vscode: every grammar regex compiles" "$out"
    fi
else
    skip "vscode grammar regexes" "no node"
fi

# ---------------------------------------------------------------------------
# (b) Every keyword appears in both the TextMate grammar and the Vim syntax,
# as a whole word of a pattern (not in a comment).

# The regular expressions of the grammar, one per line.
grammar_regexes() {
    if have jq; then
        jq -r '.. | objects | (.match?, .begin?, .end?) | strings' "$grammar"
    elif ((python_ok)); then
        python3 - "$grammar" <<'EOF'
import json, sys
def walk(x):
    if isinstance(x, dict):
        for k in ("match", "begin", "end"):
            if isinstance(x.get(k), str):
                print(x[k])
        for v in x.values():
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(json.load(open(sys.argv[1])))
EOF
    elif ((node_ok)); then
        node -e '
const g = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
(function walk(x) {
  if (Array.isArray(x)) return x.forEach(walk);
  if (x && typeof x === "object") {
    for (const k of ["match", "begin", "end"]) if (typeof x[k] === "string") console.log(x[k]);
    Object.values(x).forEach(walk);
  }
})(g);' "$grammar"
    else
        return 3
    fi
}

words_of() { tr -c 'A-Za-z0-9_' '\n' | grep -v '^$' | sort -u; }

if [[ $keywords_gen == FAILED:* ]]; then
    fail "keywords: tests/editors/gen_keywords.sh could not list the language's words" "$keywords_gen"
elif [[ ! -r $keywords ]]; then
    fail "keywords: cannot read $keywords"
elif ! grammar_regexes >"$work/regexes" 2>"$work/err"; then
    skip "keywords" "no python3, jq or node to read the grammar"
else
    # Escapes (\b, \s, ...) would glue to the words: blank them first.
    sed -E 's/\\./ /g' "$work/regexes" | words_of >"$work/tm_words"
    grep -v '^[[:space:]]*"' "$vimsyntax" \
        | sed -E 's/\\z[se]/ /g; s/\\%[[(]/ /g; s/\\@[0-9]*<?[=!]/ /g; s/\\\{[^}]*\}/ /g; s/\\./ /g' \
        | words_of >"$work/vim_words"
    if [[ -n ${1:-} ]]; then kwname=${keywords#"$root"/}; else kwname="the generated list (gen_keywords.sh)"; fi
    # Each word (# to the end of the line and blanks left out) that one
    # of the grammars lacks, as "WORD: missing in tmLanguage vim"; one
    # test per word.
    missing=$(awk 'FILENAME == ARGV[1] { tm[$0] = 1; next }
                   FILENAME == ARGV[2] { vim[$0] = 1; next }
                   { sub(/#.*/, ""); gsub(/[[:space:]]/, ""); if ($0 == "") next; n++
                     where = ($0 in tm ? "" : " tmLanguage") ($0 in vim ? "" : " vim")
                     if (where != "") print $0 ": missing in" where }
                   END { print n + 0 }' "$work/tm_words" "$work/vim_words" "$keywords")
    n=${missing##*$'\n'}
    [[ $missing == *$'\n'* ]] && missing=${missing%$'\n'*}$'\n' || missing=''
    nmissing=$(printf '%s' "$missing" | grep -c .)
    passed=$((passed + n - nmissing))
    failed=$((failed + nmissing))
    if [[ -n $missing ]]; then
        printf 'FAIL keywords: some of the %d words of %s are not covered\n' "$n" "$kwname"
        printf '%s' "$missing" | sed 's/^/     /'
    elif ((n == 0)); then
        fail "keywords: $kwname lists no word"
    else
        printf 'ok   keywords: all %d words of %s in both grammars\n' "$n" "$kwname"
    fi
fi

# ---------------------------------------------------------------------------
# (c) Vim: the compiler plugin fills the quickfix list; the filetype plugin,
# the syntax and the indent file.

# The Vim tests need a Vim with +eval, +syntax and +quickfix (Debian's
# vim-nox, which `make deps-test` installs); without one they are skipped.
find_vim() {
    local v
    for v in vim vim.nox vim.basic vim.tiny; do
        if have "$v" && "$v" --version 2>/dev/null | grep -q '+eval' &&
            "$v" --version | grep -q '+syntax' && "$v" --version | grep -q '+quickfix'; then
            VIM=$v
            return 0
        fi
    done
    return 1
}
VIM=''
find_vim
vim_ok=0
[[ -n $VIM ]] && vim_ok=1

if ((!vim_ok)); then
    skip "vim plugin" "no Vim with +eval, +syntax and +quickfix (make deps-test installs vim-nox)"
else
    runvim() { # runvim SCRIPT: run a Vim script with only our runtime files
        (cd "$here" && "$VIM" -Nu NONE -i NONE -n -es --cmd "set rtp^=$vimdir" -S "$1" </dev/null) \
            >"$work/vim.log" 2>&1
    }

    cat >"$work/qf.vim" <<EOF
compiler charterc
cgetfile diagnostics.txt
let lines = []
for e in getqflist()
  call add(lines, printf('%s|%d|%d|%s|%s', bufname(e.bufnr), e.lnum, e.col, e.type, e.text))
endfor
call writefile(lines, '$work/qf.out')
qa!
EOF
    if runvim "$work/qf.vim" && [[ -f $work/qf.out ]]; then
        compare "vim: compiler charterc reads diagnostics.txt into the quickfix list" \
            "$here/qf.expected" "$work/qf.out"
    else
        fail "vim: compiler charterc reads diagnostics.txt into the quickfix list" "$(cat "$work/vim.log")"
    fi

    cat >"$work/ft.vim" <<EOF
syntax on
filetype plugin indent on
let v:errmsg = ''
edit sample.charter
let lines = [
  \ 'filetype=' . &filetype,
  \ 'syntax=' . get(b:, 'current_syntax', ''),
  \ 'commentstring=' . &commentstring,
  \ 'shiftwidth=' . &shiftwidth,
  \ 'softtabstop=' . &softtabstop,
  \ 'expandtab=' . &expandtab,
  \ 'indentexpr=' . &indentexpr,
  \ 'makeprg=' . &makeprg,
  \ 'compiler=' . get(b:, 'current_compiler', ''),
  \ 'errmsg=' . v:errmsg,
  \ ]
call writefile(lines, '$work/ft.out')
qa!
EOF
    cat >"$work/ft.expected" <<'EOF'
filetype=charter
syntax=charter
commentstring=# %s
shiftwidth=2
softtabstop=2
expandtab=1
indentexpr=GetCharterIndent(v:lnum)
makeprg=charterc check %
compiler=charterc
errmsg=
EOF
    if runvim "$work/ft.vim" && [[ -f $work/ft.out ]]; then
        compare "vim: *.charter gets filetype charter, its settings and the charterc compiler" \
            "$work/ft.expected" "$work/ft.out"
    else
        fail "vim: filetype plugin" "$(cat "$work/vim.log")"
    fi

    # The highlight group of each piece of sample.charter, line by line:
    # `text<group>`, runs of one group merged, blanks and block interiors bare.
    cat >"$work/syn.vim" <<EOF
syntax on
filetype on
edit sample.charter
let out = []
for l in range(1, line('\$'))
  let text = getline(l)
  let parts = []
  let c = 1
  while c <= len(text)
    let name = synIDattr(synID(l, c, 1), 'name')
    let start = c
    while c <= len(text) && synIDattr(synID(l, c, 1), 'name') ==# name
      let c += 1
    endwhile
    let piece = trim(strpart(text, start - 1, c - start))
    if piece !=# ''
      let bare = name ==# '' || name ==# 'charterBlock' || name ==# 'charterExtern'
      call add(parts, bare ? piece : piece . '<' . name . '>')
    endif
  endwhile
  call add(out, l . ': ' . join(parts, ' '))
endfor
call writefile(out, '$work/syn.out')
qa!
EOF
    if runvim "$work/syn.vim" && [[ -f $work/syn.out ]]; then
        compare "vim: syntax of sample.charter" "$here/sample.vim.expected" "$work/syn.out"
    else
        fail "vim: syntax of sample.charter" "$(cat "$work/vim.log")"
    fi

    # Take the indentation away (except inside """ strings), then `gg=G`
    # must give sample.charter back.
    cat >"$work/indent.vim" <<EOF
syntax on
filetype plugin indent on
edit sample.charter
for l in range(1, line('\$'))
  if synIDattr(synID(l, 1, 0), 'name') !=# 'charterTripleString' || getline(l) =~# '^\s*"""'
    call setline(l, substitute(getline(l), '^\s\+', '', ''))
  endif
endfor
normal! gg=G
call writefile(getline(1, '\$'), '$work/indent.out')
qa!
EOF
    if runvim "$work/indent.vim" && [[ -f $work/indent.out ]]; then
        compare "vim: indent file re-indents sample.charter" "$sample" "$work/indent.out"
    else
        fail "vim: indent file re-indents sample.charter" "$(cat "$work/vim.log")"
    fi

    # No error highlighting (stray `}`, unknown escape) in the agreements
    # of examples/.
    cat >"$work/err.vim" <<EOF
syntax on
filetype on
let bad = []
for f in glob('$root/examples/*.charter', 0, 1)
  execute 'edit ' . fnameescape(f)
  for l in range(1, line('\$'))
    for c in range(1, len(getline(l)))
      if synIDattr(synID(l, c, 1), 'name') =~# 'Error'
        call add(bad, fnamemodify(f, ':t') . ':' . l . ':' . c . ': ' . getline(l))
        break
      endif
    endfor
  endfor
endfor
call writefile(bad, '$work/err.out')
qa!
EOF
    if ! compgen -G "$root/examples/*.charter" >/dev/null; then
        skip "vim highlight of the examples" "no examples/*.charter"
    elif runvim "$work/err.vim" && [[ -f $work/err.out ]]; then
        if [[ -s $work/err.out ]]; then
            fail "vim: examples/*.charter highlight without errors" "$(cat "$work/err.out")"
        else
            pass "vim: examples/*.charter highlight without errors"
        fi
    else
        fail "vim: examples/*.charter highlight without errors" "$(cat "$work/vim.log")"
    fi
fi

# ---------------------------------------------------------------------------
# With the real compiler (CHARTERC, or build/bin/charterc): `:make` in Vim
# and the VS Code problem matcher read every diagnostic it prints, and
# nothing else.

charterc=${CHARTERC:-$root/build/bin/charterc}
if [[ ! -x $charterc ]]; then
    skip "editors with the real compiler" "charterc not built ($charterc)"
else
    (cd "$here" && "$charterc" check --color=never sample.charter) >"$work/real.txt" 2>&1
    ndiag=$(grep -cE '^[^ ].*:[0-9]+:[0-9]+: (error|warning|note): ' "$work/real.txt")
    if ((vim_ok)); then
        mkdir -p "$work/realbin"
        ln -sf "$charterc" "$work/realbin/charterc"
        cat >"$work/make.vim" <<EOF
syntax on
filetype plugin on
edit sample.charter
silent make
let qf = getqflist()
call writefile([len(filter(copy(qf), 'v:val.valid')), len(filter(copy(qf), '!v:val.valid'))], '$work/make.out')
qa!
EOF
        if (PATH="$work/realbin:$PATH" runvim "$work/make.vim") && [[ -f $work/make.out ]]; then
            printf '%s\n' "$ndiag" 0 >"$work/make.expected"
            compare "vim: :make fills the quickfix list with the $ndiag diagnostics of charterc, nothing else" \
                "$work/make.expected" "$work/make.out"
        else
            fail "vim: :make with charterc" "$(cat "$work/vim.log")"
        fi
    fi
    # Entry by entry: the quickfix list that the compiler plugin's
    # 'errorformat' makes of real `charterc check` output (the sample and
    # the flawed agreements: errors, warnings, notes, related locations)
    # holds exactly each diagnostic line's file, line, column, type and
    # message, and nothing of the source excerpts and carets.
    if ((vim_ok)); then
        : >"$work/real_all.txt"
        for f in "$here/sample.charter" "$root"/tests/flawed/*.charter; do
            [[ -f $f ]] || continue
            (cd "$here" && "$charterc" check --color=never "$f") >>"$work/real_all.txt" 2>&1
        done
        # file|line|col|type|message, the file made absolute as Vim shows it
        sed -nE 's/^([^ ][^:]*):([0-9]+):([0-9]+): (error|warning|note): (.*)$/\1|\2|\3|\4|\5/p' \
            "$work/real_all.txt" |
            sed -E 's/\|error\|/|E|/; s/\|warning\|/|W|/; s/\|note\|/|I|/' |
            sed -E "s#^([^/])#$here/\\1#" >"$work/qf_real.expected"
        cat >"$work/qf_real.vim" <<EOF
compiler charterc
cgetfile $work/real_all.txt
let lines = []
for e in getqflist()
  if e.valid
    call add(lines, printf('%s|%d|%d|%s|%s', fnamemodify(bufname(e.bufnr), ':p'), e.lnum, e.col, e.type, e.text))
  else
    call add(lines, 'NOT READ: ' . e.text)
  endif
endfor
call writefile(lines, '$work/qf_real.out')
qa!
EOF
        if runvim "$work/qf_real.vim" && [[ -f $work/qf_real.out ]]; then
            # Vim resolves "dir/../"; so does the expectation.
            sed -i -E ':a; s#/[^/|]+/\.\./#/#; ta' "$work/qf_real.expected" "$work/qf_real.out"
            nreal=$(wc -l <"$work/qf_real.expected")
            if ((nreal < 10)); then
                fail "vim: errorformat on real charterc output (only $nreal diagnostics found)"
            else
                compare "vim: errorformat reads each of the $nreal diagnostics of real charterc output exactly" \
                    "$work/qf_real.expected" "$work/qf_real.out"
            fi
        else
            fail "vim: errorformat on real charterc output" "$(cat "$work/vim.log")"
        fi
    fi
    if ((node_ok)); then
        matcher='
const fs = require("fs");
const pkg = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const pm = pkg.contributes.problemMatchers.find((m) => m.name === "charterc");
const re = new RegExp(pm.pattern.regexp);
const gcc = /^[^ ].*:[0-9]+:[0-9]+: (error|warning|note): /;
const bad = [];
let n = 0;
for (const line of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
  if (line === "") continue;
  const m = re.exec(line);
  if (gcc.test(line)) {
    n++;
    if (!m) bad.push("not read: " + line);
  } else if (m) bad.push("read: " + line);
}
if (bad.length) { console.log(bad.join("\n")); process.exit(1); }
console.log(n);
'
        if out=$(node -e "$matcher" "$vscode/package.json" "$work/real.txt" 2>&1) && [[ $out == "$ndiag" ]]; then
            pass "vscode: the \$charterc problem matcher reads the $ndiag diagnostics of charterc, nothing else"
        else
            fail "vscode: the \$charterc problem matcher reads charterc's diagnostics" "$out"
        fi
    else
        skip "vscode problem matcher" "no node"
    fi
fi

# ---------------------------------------------------------------------------
# (d) VS Code: folding ranges, and (with vscode-textmate) the grammar's scopes.

if ((node_ok)); then
    cat >"$work/fold.charter" <<'EOF'
# a comment
# of two lines
# region Partners
partner p "P {" {
  incentive i "x" { interest a wants more }
  incentive j "y" {
    interest b wants less # }
  }
}
# endregion
x "}"
EOF
    node -e '
const { charterFoldingRanges } = require(process.argv[1]);
const fs = require("fs");
for (const f of process.argv.slice(2)) {
  console.log(require("path").basename(f));
  for (const r of charterFoldingRanges(fs.readFileSync(f, "utf8")))
    console.log("  " + (r.start + 1) + "-" + (r.end + 1) + (r.kind ? " " + r.kind : ""));
}' "$vscode/extension.js" "$sample" "$work/fold.charter" >"$work/fold.out" 2>&1
    compare "vscode: folding ranges (braces, \"\"\" strings, comments, regions)" \
        "$here/folding.expected" "$work/fold.out"
else
    skip "vscode folding ranges" "no node"
fi

if ((node_ok)); then
    NODE_PATH="$root/build/editors-node/node_modules${NODE_PATH:+:$NODE_PATH}" \
        node "$here/tm_tokens.js" "$grammar" "$sample" >"$work/tm.out" 2>"$work/tm.err"
    case $? in
        0) compare "vscode: grammar scopes of sample.charter" "$here/sample.tm.expected" "$work/tm.out" ;;
        3) skip "vscode grammar scopes" "vscode-textmate and vscode-oniguruma not in build/editors-node" ;;
        *) fail "vscode: grammar scopes of sample.charter" "$(cat "$work/tm.err")" ;;
    esac
    # No `invalid` scope (stray `}`, unknown escape) in examples/*.charter.
    if [[ -s $work/tm.out ]] && compgen -G "$root/examples/*.charter" >/dev/null; then
        if NODE_PATH="$root/build/editors-node/node_modules${NODE_PATH:+:$NODE_PATH}" \
            node "$here/tm_tokens.js" "$grammar" "$root"/examples/*.charter >"$work/tm.ex" 2>&1; then
            bad=$(grep 'invalid' "$work/tm.ex")
        else
            bad=$(cat "$work/tm.ex")
        fi
        if [[ -z $bad ]]; then
            pass "vscode: examples/*.charter scope without invalid tokens"
        else
            fail "vscode: examples/*.charter scope without invalid tokens" "$bad"
        fi
    fi
else
    skip "vscode grammar scopes" "no node"
fi

# ---------------------------------------------------------------------------
# (e) Bash completion.

mkdir -p "$work/comp/sub" "$work/fakebin"
touch "$work/comp/a.charter" "$work/comp/notes.txt" "$work/comp/sub/b.charter"
printf 'partner globaltel "G" {\n}\n  partner ministry "M" {\n}\n' >"$work/comp/p.charter"
cat >"$work/fakebin/charterc" <<'EOF'
#!/bin/sh
[ "$1 $2" = "explain --list" ] && printf 'goal_unmeasured\ngoal_unsupported\nsyntax\n'
exit 0
EOF
chmod +x "$work/fakebin/charterc"

# complete WORD...: the completions offered for the last WORD (an empty
# last word completes a new one); `=` is its own word, as bash splits it.
complete_words() {
    (
        cd "$work/comp" || exit 2
        # shellcheck source=/dev/null
        source "$root/editors/bash/charterc"
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_WORDBREAKS=$' \t\n"\'><=;|&(:'
        _charterc
        printf '%s\n' "${COMPREPLY[@]}" | grep -v '^$' | sort | tr '\n' ' '
    )
}

check_completion() { # check_completion EXPECTED WORD...
    local expected=$1
    shift
    local got
    got=$(complete_words "$@" 2>&1)
    got=${got% }
    if [[ $got == "$expected" ]]; then
        pass "bash: ${*/#"$work"\/fakebin\//}<TAB>"
    else
        fail "bash: ${*/#"$work"\/fakebin\//}<TAB>" "expected: $expected"$'\n'"got:      $got"
    fi
}

if [[ -n ${BASH_VERSINFO:-} ]] && ((BASH_VERSINFO[0] >= 4)); then
    check_completion 'build check diff doc explain export fmt graph i18n impact lsp new tracker' charterc ''
    check_completion 'check' charterc ch
    check_completion '--color= --help --version' charterc --
    check_completion '--color= --format --help --lang --max-indicators --max-share --min-sectors --strict' charterc check --
    check_completion 'github json sarif text' charterc check --format ''
    check_completion 'always auto never' charterc check --color = ''
    check_completion 'always' charterc check --color = al
    check_completion 'a.charter p.charter sub' charterc check ''
    check_completion 'a.charter p.charter sub' charterc --color = never fmt --check ''
    check_completion '--check --color= --diff --help' charterc fmt --
    check_completion 'docx html md' charterc doc a.charter --format ''
    check_completion 'globaltel ministry' charterc doc p.charter --partner ''
    check_completion 'network schedule' charterc graph a.charter --kind ''
    check_completion 'dot svg' charterc graph a.charter --format ''
    check_completion 'sub' charterc build a.charter -o ''
    check_completion 'docx json md text' charterc diff --format ''
    check_completion 'any material' charterc diff a.charter a.charter --fail-on ''
    check_completion '--against --color= --fail-on --format --help --output' charterc diff --
    check_completion 'json' charterc export a.charter --format ''
    check_completion 'globaltel' charterc impact p.charter --without g
    check_completion 'goal_unmeasured goal_unsupported' "$work/fakebin/charterc" explain goal
    check_completion '--color= --help --list' charterc explain --
    check_completion 'gap' "$work/fakebin/charterc" explain --list g
    check_completion 'conflict gap language' "$work/fakebin/charterc" explain --list ''
    check_completion '' charterc new ''
    check_completion '' charterc check --max-indicators ''
else
    skip "bash completion" "needs bash 4"
fi

# ---------------------------------------------------------------------------
# (f) Man pages: render without a warning, and name every command and option.

if have groff; then
    for page in "$root/docs/man/charterc.1" "$root/docs/man/charter.5"; do
        name="man: ${page#"$root"/} renders without warnings"
        if out=$(groff -man -Tutf8 -ww "$page" 2>&1 >/dev/null) && [[ -z $out ]]; then
            pass "$name"
        else
            fail "$name" "$out"
        fi
    done
else
    skip "man pages render" "groff not installed"
fi

# Every subcommand and option that the completion offers is in charterc(1).
page=$(sed 's/\\-/-/g' "$root/docs/man/charterc.1")
missing=''
# shellcheck source=/dev/null disable=SC2154
commands=$(source "$root/editors/bash/charterc" && echo "$_charterc_commands")
for cmd in $commands; do
    grep -q "^\.SS \"charterc $cmd" <<<"$page" || missing+="command $cmd"$'\n'
    # shellcheck source=/dev/null
    for opt in $(source "$root/editors/bash/charterc" && _charterc_options "$cmd"); do
        opt=${opt%=}
        grep -qF -- "$opt" <<<"$page" || missing+="$cmd $opt"$'\n'
    done
done
for word in CHARTER_PATH NO_COLOR TERM 'EXIT STATUS' '../share/charter/stdlib'; do
    grep -qF -- "$word" <<<"$page" || missing+="$word"$'\n'
done
if [[ -z $missing ]]; then
    pass "man: charterc(1) documents every command, option and environment variable"
else
    fail "man: charterc(1) documents every command, option and environment variable" "$missing"
fi

# ---------------------------------------------------------------------------
# (g) pre-commit hooks and the example workflow.

if ((python_ok)) && python3 -c 'import yaml' 2>/dev/null; then
    if out=$(python3 - "$root" <<'EOF' 2>&1
import re, sys, yaml
root = sys.argv[1]
hooks = {h["id"]: h for h in yaml.safe_load(open(root + "/.pre-commit-hooks.yaml"))}
want = {"charter-check": "charterc check", "charter-fmt": "charterc fmt --check"}
for hid, entry in want.items():
    h = hooks.get(hid)
    assert h, "no hook " + hid
    assert h["entry"] == entry, hid + " entry is " + h["entry"]
    assert h["language"] == "system", hid + " language is " + h["language"]
    assert re.search(h["files"], "x/y.charter") and not re.search(h["files"], "y.charter.bak"), hid + " files"
wf = yaml.safe_load(open(root + "/examples/ci/charter.yml"))
steps = wf["jobs"]["charter"]["steps"]
text = open(root + "/examples/ci/charter.yml").read()
assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps), "no SARIF upload"
assert any(s.get("uses", "").startswith("actions/github-script") for s in steps), "no PR comment"
for needle in ["make && make install PREFIX=", "charterc check --format sarif",
               "charterc diff --against", "--format md"]:
    assert needle in text, "workflow lacks " + needle
EOF
    ); then
        pass "ci: .pre-commit-hooks.yaml and examples/ci/charter.yml"
    else
        fail "ci: .pre-commit-hooks.yaml and examples/ci/charter.yml" "$out"
    fi
else
    skip "ci YAML files" "no python3 with PyYAML"
fi

if ((skipped)); then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
((failed == 0))
