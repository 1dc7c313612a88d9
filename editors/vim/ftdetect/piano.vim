" Vim filetype detection for .piano performance plans.
" Plans may be UTF-8 or Windows-1252 (what Excel saves): for *.piano files only,
" try cp1252 instead of latin1 after UTF-8, so that byte 0x80 reads as €.
autocmd BufRead,BufNewFile *.piano setfiletype piano
autocmd BufReadPre *.piano
      \ let s:piano_fencs = &fileencodings |
      \ set fileencodings=ucs-bom,utf-8,cp1252
autocmd BufReadPost *.piano
      \ if exists('s:piano_fencs') |
      \   let &fileencodings = s:piano_fencs |
      \   unlet s:piano_fencs |
      \ endif
