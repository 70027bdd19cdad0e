" Vim filetype plugin
" Language:    Charter (*.charter)
" Maintainer:  the Charter project
"
" Options:
"   let g:charter_no_compiler = 1   " do not select the charterc compiler,
"                                   " i.e. leave 'makeprg' alone

if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

let s:cpo_save = &cpo
set cpo&vim

" `#` comments; `gq` continues them.
setlocal comments=:# commentstring=#\ %s
setlocal formatoptions-=t formatoptions+=croql

" The canonical layout of `charterc fmt`: two spaces per block level.
setlocal expandtab shiftwidth=2 softtabstop=2

" `use "std/x"` and `gf` on a path without its extension.
setlocal suffixesadd=.charter

let b:undo_ftplugin = 'setlocal comments< commentstring< formatoptions<'
      \ . ' expandtab< shiftwidth< softtabstop< suffixesadd<'

" :make runs `charterc check` on the file and fills the quickfix list.
if !get(g:, 'charter_no_compiler', 0)
  compiler charterc
  let b:undo_ftplugin .= ' | setlocal makeprg< errorformat<'
endif

let &cpo = s:cpo_save
unlet s:cpo_save
