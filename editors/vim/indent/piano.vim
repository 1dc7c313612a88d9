" Vim indent file for .piano performance plans: indent after {, dedent on }.
" Lines inside a long text """...""" keep the indentation they have.

if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal autoindent nosmartindent nocindent
setlocal indentexpr=GetPianoIndent(v:lnum)
setlocal indentkeys=0},!^F,o,O

let b:undo_indent = 'setlocal autoindent< smartindent< cindent< indentexpr< indentkeys<'

if exists('*GetPianoIndent')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" Is line lnum (at its first column) inside a long text?
function! s:InLongText(lnum) abort
  if !exists('g:syntax_on') || !exists('b:current_syntax') || b:current_syntax !=# 'piano'
    return 0
  endif
  for id in synstack(a:lnum, 1)
    if synIDattr(id, 'name') ==# 'pianoLongText'
      return 1
    endif
  endfor
  return 0
endfunction

" The line without strings and comments.
function! s:Code(lnum) abort
  let line = getline(a:lnum)
  let line = substitute(line, '"""\%([^"]\|"\%(""\)\@!\)*"""', '', 'g')
  let line = substitute(line, '"\%(\\.\|[^"\\]\)*"\=', '', 'g')
  return substitute(line, '#.*$', '', '')
endfunction

function! GetPianoIndent(lnum) abort
  if s:InLongText(a:lnum)
    return -1
  endif
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  let code = s:Code(prev)
  let opens = len(substitute(code, '[^{]', '', 'g'))
  let closes = len(substitute(code, '[^}]', '', 'g'))
  " A } that starts the previous line has already dedented it.
  if code =~# '^\s*}'
    let closes -= 1
  endif
  let ind = indent(prev) + shiftwidth() * (opens - closes)
  if getline(a:lnum) =~# '^\s*}'
    let ind -= shiftwidth()
  endif
  return ind < 0 ? 0 : ind
endfunction

let &cpo = s:cpo_save
unlet s:cpo_save
