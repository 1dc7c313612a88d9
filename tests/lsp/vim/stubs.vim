" With stand-ins for vim-lsp and ALE (autoload/ beside this file), load the editors/vim
" runtime as Vim does, fire vim-lsp's setup event, load the ALE linter as ALE does, and write
" what was registered to $PIANO_OUT. Run by tests/lsp/vim.rs.
let g:registered = []
let g:linters = []
execute 'set runtimepath^=' . fnameescape(expand('<sfile>:p:h'))
execute 'set runtimepath^=' . fnameescape($PIANO_VIM_DIR)
runtime! plugin/*.vim
doautocmd User lsp_setup
runtime! ale_linters/piano/*.vim
let s:server = g:registered[0]
let s:ale = g:linters[0][1]
let s:out = [
      \ 'vim-lsp name=' . s:server.name,
      \ 'vim-lsp cmd=' . join(s:server.cmd({}), ' '),
      \ 'vim-lsp allowlist=' . join(s:server.allowlist, ' '),
      \ 'ale filetype=' . g:linters[0][0],
      \ 'ale lsp=' . s:ale.lsp,
      \ 'ale command=' . s:ale.command,
      \ 'ale executable=' . s:ale.executable,
      \ ]
call writefile(s:out, $PIANO_OUT)
qall!
