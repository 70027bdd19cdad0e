" Vim indent file
" Language:    Charter (*.charter)
" Maintainer:  the Charter project
"
" One 'shiftwidth' per open `{` or `(`; a line that starts with `}` or `)`
" goes back one level; a statement continued after a trailing `,` is
" indented one level more than its first line. Lines inside a `"""` string
" keep the indentation they have.

if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal indentexpr=GetCharterIndent(v:lnum)
setlocal indentkeys=0{,0},0),!^F,o,O
setlocal autoindent nosmartindent nocindent

let b:undo_indent = 'setlocal indentexpr< indentkeys< autoindent< smartindent< cindent<'

if exists('*GetCharterIndent')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" Is (lnum, col) inside a string or comment? Needs syntax highlighting;
" without it nothing is.
function! s:InTextOrComment(lnum, col) abort
  let name = synIDattr(synID(a:lnum, a:col, 0), 'name')
  return name =~# '^charter\%(String\|TripleString\|Comment\|Escape\|Todo\)'
endfunction

" The line's code: strings and comments blanked out.
function! s:Code(lnum) abort
  let line = getline(a:lnum)
  if exists('g:syntax_on') && exists('b:current_syntax')
    let chars = split(line, '\zs')
    let col = 1
    let out = ''
    for ch in chars
      let out .= s:InTextOrComment(a:lnum, col) ? ' ' : ch
      let col += len(ch)
    endfor
    return out
  endif
  " Without syntax: drop simple strings and a trailing comment.
  let line = substitute(line, '"\%([^"\\]\|\\.\)*"', '""', 'g')
  return substitute(line, '#.*$', '', '')
endfunction

function! s:Count(text, pattern) abort
  return len(substitute(a:text, '[^' . a:pattern . ']', '', 'g'))
endfunction

" A statement that goes on after this line: it ends with `,`.
function! s:Continues(lnum) abort
  return a:lnum > 0 && s:Code(a:lnum) =~# ',\s*$'
endfunction

" The first line of the statement that `lnum` belongs to.
function! s:StatementStart(lnum) abort
  let lnum = a:lnum
  let prev = prevnonblank(lnum - 1)
  while prev > 0 && s:Continues(prev)
    let lnum = prev
    let prev = prevnonblank(lnum - 1)
  endwhile
  return lnum
endfunction

function! GetCharterIndent(lnum) abort
  if exists('g:syntax_on') && exists('b:current_syntax')
        \ && synIDattr(synID(a:lnum, 1, 0), 'name') ==# 'charterTripleString'
    if getline(a:lnum) !~# '^\s*"""'
      return -1
    endif
    " The closing `"""` lines up with the statement that opened the string.
    let open = a:lnum - 1
    while open > 1 && synIDattr(synID(open, 1, 0), 'name') ==# 'charterTripleString'
      let open -= 1
    endwhile
    return indent(open)
  endif
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  let code = s:Code(prev)
  let start = s:StatementStart(prev)
  let ind = indent(start)
  " Brackets opened and not closed since the statement began.
  let opened = 0
  for l in range(start, prev)
    let c = s:Code(l)
    let opened += s:Count(c, '{(') - s:Count(c, '})')
  endfor
  " A line that starts with a closer was already taken back by the closer.
  if getline(start) =~# '^\s*[})]'
    let opened += 1
  endif
  if opened > 0
    let ind += opened * shiftwidth()
  elseif code =~# ',\s*$'
    let ind += shiftwidth()
  endif
  if getline(a:lnum) =~# '^\s*[})]'
    let ind -= shiftwidth()
  endif
  return max([ind, 0])
endfunction

let &cpo = s:cpo_save
unlet s:cpo_save
