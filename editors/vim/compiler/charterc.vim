" Vim compiler file
" Compiler:    charterc check (Charter agreements)
" Maintainer:  the Charter project
"
" charterc prints diagnostics in the GCC layout:
"
"   file.charter:57:6: warning: goal 'skilled_users' has no indicator [goal_unmeasured]
"      57 | goal skilled_users "..." {
"         |      ^~~~~~~~~~~~~
"   file.charter:57:6: note: add `measured_by INDICATOR`, or `allow ...`
"
" Errors and warnings become quickfix entries of type E and W, notes entries
" of type I; the quoted source line and the caret line are skipped.  Other
" lines (a file that cannot be read, bad usage) are kept as plain text.

if exists('current_compiler')
  finish
endif
let current_compiler = 'charterc'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

CompilerSet makeprg=charterc\ check\ %

" The raw 'errorformat' entries, before escaping for :set.
let s:efm = [
      \ '%-G%\s%#%\d%\+ |%.%#',
      \ '%-G%\s%#|%.%#',
      \ '%E%f:%l:%c: error: %m',
      \ '%W%f:%l:%c: warning: %m',
      \ '%I%f:%l:%c: note: %m',
      \ '%E%f:%l: error: %m',
      \ '%W%f:%l: warning: %m',
      \ '%I%f:%l: note: %m',
      \ ]
execute 'CompilerSet errorformat=' . escape(join(s:efm, ','), ' \|"')
unlet s:efm

let &cpo = s:cpo_save
unlet s:cpo_save
