" A stand-in for vim-lsp's lsp#register_server: records what is registered.
function! lsp#register_server(info) abort
  call add(g:registered, a:info)
endfunction
