" Charter agreements
autocmd BufRead,BufNewFile *.charter setfiletype charter
