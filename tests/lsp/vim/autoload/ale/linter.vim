" A stand-in for ALE's ale#linter#Define: records what is defined.
function! ale#linter#Define(filetype, linter) abort
  call add(g:linters, [a:filetype, a:linter])
endfunction
