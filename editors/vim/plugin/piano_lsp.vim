" `piano lsp` for vim-lsp (https://github.com/prabirshrestha/vim-lsp): registered when
" vim-lsp starts, harmless without it. `let g:piano_no_lsp = 1` in the vimrc turns it off.
" (ALE finds its linter in ale_linters/piano/piano.vim.)

if exists('g:loaded_piano_lsp')
  finish
endif
let g:loaded_piano_lsp = 1

augroup piano_vim_lsp
  autocmd!
  autocmd User lsp_setup if !get(g:, 'piano_no_lsp', 0)
        \ | call lsp#register_server({
        \     'name': 'piano',
        \     'cmd': {server_info -> ['piano', 'lsp']},
        \     'allowlist': ['piano'],
        \   })
        \ | endif
augroup END
