" Tests for the Vim support of .piano files; run by test.sh, which see.
" Results go to the file named by $PIANO_VIM_TEST_OUT, one line per failure
" and a closing "N passed, N failed" line.

scriptencoding utf-8
let s:dir = expand('<sfile>:p:h')
let s:editors = fnamemodify(s:dir, ':h')
let s:passed = 0
let s:fencs_before = &g:fileencodings
let s:failed = []

function! s:Ok(cond, what) abort
  if a:cond
    let s:passed += 1
  else
    call add(s:failed, 'FAIL ' . a:what)
  endif
endfunction

function! s:NoError(what) abort
  call s:Ok(v:errmsg ==# '', a:what . ': no error (got "' . v:errmsg . '")')
  let v:errmsg = ''
endfunction

" Every syntax group name at a byte column: the innermost item and the stack.
function! s:Groups(lnum, col) abort
  let names = map(synstack(a:lnum, a:col), 'synIDattr(v:val, "name")')
  call add(names, synIDattr(synID(a:lnum, a:col, 1), 'name'))
  return names
endfunction

" ------------------------------------------------------------ loading
call s:NoError('loading the runtime files')
call s:Ok(exists('g:syntax_on'), 'syntax is on')

enew
edit `=tempname() . '.piano'`
call s:NoError('editing a new .piano file')
call s:Ok(&filetype ==# 'piano', 'a new *.piano file has filetype piano (got "' . &filetype . '")')
call s:Ok(get(b:, 'current_syntax', '') ==# 'piano', 'the piano syntax is loaded')
call s:Ok(&commentstring ==# '# %s', 'commentstring is "# %s" (got "' . &commentstring . '")')
call s:Ok(&comments ==# ':#', 'comments is ":#" (got "' . &comments . '")')
call s:Ok(&expandtab && &shiftwidth == 2 && &softtabstop == 2, 'expandtab, shiftwidth=2, softtabstop=2')
call s:Ok(exists('b:undo_ftplugin') && exists('b:undo_indent'), 'b:undo_ftplugin and b:undo_indent are set')
call s:Ok(&indentexpr =~# '^GetPianoIndent(', 'indentexpr is GetPianoIndent (got "' . &indentexpr . '")')
" The undo commands restore the global values.
set filetype=text
call s:NoError('switching the filetype away (b:undo_ftplugin, b:undo_indent)')
call s:Ok(&commentstring !=# '# %s' && &indentexpr ==# '', 'the undo commands reset the options')

for s:group in ['pianoComment', 'pianoTodo', 'pianoString', 'pianoLongText', 'pianoLongTextDelim',
      \ 'pianoEscape', 'pianoEscapeError', 'pianoItem', 'pianoKeyword', 'pianoIndicatorName',
      \ 'pianoMeasureName', 'pianoTemplateName', 'pianoTemplateRef', 'pianoCode', 'pianoNumber',
      \ 'pianoQuantity', 'pianoPercent', 'pianoAmount', 'pianoYear', 'pianoRangeSep',
      \ 'pianoInvalidNumber', 'pianoDate', 'pianoUnit', 'pianoBadUnit', 'pianoBoolean', 'pianoNull',
      \ 'pianoComparator', 'pianoTipologia', 'pianoTipo', 'pianoNature', 'pianoOption', 'pianoBrace',
      \ 'pianoFormula', 'pianoVariable', 'pianoFunction', 'pianoOperator', 'pianoParen',
      \ 'pianoSeparator', 'pianoFormulaError']
  call s:Ok(hlexists(s:group), 'hlexists("' . s:group . '")')
endfor

" ------------------------------------------------------------ the sample plan
let s:sample = s:editors . '/samples/sample.piano'
execute 'edit ' . fnameescape(s:sample)
call s:NoError('editing the sample')
call s:Ok(&filetype ==# 'piano', 'the sample has filetype piano')

" pattern (\zs marks the column) -> expected innermost group
let s:checks = [
      \ ['^\zspiano "', 'pianoItem'],
      \ ['^  \zsente ', 'pianoKeyword'],
      \ ['triennio \zs2024', 'pianoYear'],
      \ ['^ambito 1 "\zs', 'pianoString'],
      \ ['^\zsambito 1 "', 'pianoItem'],
      \ ['^ambito \zs1 "', 'pianoCode'],
      \ ['^  \zsambito 1$', 'pianoKeyword'],
      \ ['^misura \zsimprese_registrate', 'pianoMeasureName'],
      \ ['^modello \zsutilizzo_risorse', 'pianoTemplateName'],
      \ ['^    modello \zsutilizzo_risorse', 'pianoTemplateRef'],
      \ ['^obiettivo \zs01_01_OS01', 'pianoCode'],
      \ ['missione \zs011', 'pianoCode'],
      \ ['indicatore \zseventi', 'pianoIndicatorName'],
      \ ['indicatore \zsanzianità', 'pianoIndicatorName'],
      \ ['rientra il \zsprogetto', 'pianoLongText'],
      \ ['(nota \zs#1)', 'pianoLongText'],
      \ ['\zs# questa riga è testo', 'pianoLongText'],
      \ ['risorse \zs439.846,96 €', 'pianoAmount'],
      \ ['risorse 439.846,96 \zs€', 'pianoUnit'],
      \ ['<= € \zs45.000,00', 'pianoAmount'],
      \ ['>= \zs12,5%', 'pianoPercent'],
      \ ['>= \zs1.234.567', 'pianoNumber'],
      \ ['ritardo \zs63 gg', 'pianoQuantity'],
      \ ['ritardo 63 \zsgg', 'pianoUnit'],
      \ ['entro \zs31/03/2024', 'pianoDate'],
      \ ['entro \zs31.03.2025', 'pianoDate'],
      \ ['\zsentro 31/03/2024', 'pianoComparator'],
      \ ['target 2025 \zsn.d.', 'pianoNull'],
      \ ['target 2026 \zs--', 'pianoNull'],
      \ ['udm \zsn.$', 'pianoUnit'],
      \ ['udm \zssì/no', 'pianoUnit'],
      \ ['= \zssì$', 'pianoBoolean'],
      \ ['tipologia \zsqualità', 'pianoTipologia'],
      \ ['tipo \zsrealizzazione_fisica', 'pianoTipo'],
      \ ['2025 \zspersonale', 'pianoNature'],
      \ ['^    \zs2025 personale', 'pianoYear'],
      \ ['pesi \zsuguali', 'pianoOption'],
      \ ['comparto \zscamera', 'pianoComparto'],
      \ ['\zscomparto camera', 'pianoKeyword'],
      \ ['\zsresponsabile "', 'pianoKeyword'],
      \ ['\zsprerequisito$', 'pianoKeyword'],
      \ ['baseline \zs2023', 'pianoYear'],
      \ ['formula \zsmax(', 'pianoFunction'],
      \ ['formula max\zs(', 'pianoParen'],
      \ ['formula max(\zsqualità_percepita', 'pianoVariable'],
      \ ['qualità_percepita\zs; 0)', 'pianoSeparator'],
      \ ['\zs-abs(', 'pianoOperator'],
      \ ['\zsformula ore_formazione', 'pianoKeyword'],
      \ ['al \zs\\"PIAO', 'pianoEscape'],
      \ ['"pgt 20\zs%"', 'pianoString'],
      \ ['^\zs# Piano degli', 'pianoComment'],
      \ ]
for [s:pat, s:want] in s:checks
  call cursor(1, 1)
  let [s:l, s:c] = searchpos(s:pat, 'cW')
  if s:l == 0
    call s:Ok(0, 'sample: pattern not found: ' . s:pat)
    continue
  endif
  let s:got = synIDattr(synID(s:l, s:c, 1), 'name')
  call s:Ok(s:got ==# s:want, printf('sample %d:%d /%s/: expected %s, got %s', s:l, s:c, s:pat, s:want, s:got))
endfor

" Re-indenting the sample (indent after {, dedent on }, long text untouched)
" gives back the sample.
let s:before = getline(1, '$')
silent normal! gg=G
call s:NoError('re-indenting the sample')
let s:after = getline(1, '$')
let s:diff = filter(range(len(s:before)), 's:before[v:val] !=# s:after[v:val]')
call s:Ok(empty(s:diff), 'gg=G keeps the sample as it is'
      \ . (empty(s:diff) ? '' : printf(' (line %d becomes "%s")', s:diff[0] + 1, s:after[s:diff[0]])))
" A flattened copy is indented back.
silent %s/^\s\+\ze\%(}\|[a-z0-9]\)//e
silent normal! gg=G
let s:after = getline(1, '$')
" (long-text lines keep what they had: compare the others)
let s:diff = filter(range(len(s:before)), 's:before[v:val] !=# s:after[v:val]
      \ && index(s:Groups(v:val + 1, 1), "pianoLongText") < 0')
call s:Ok(empty(s:diff), 'gg=G re-indents a flattened sample'
      \ . (empty(s:diff) ? '' : printf(' (line %d becomes "%s")', s:diff[0] + 1, s:after[s:diff[0]])))
silent edit!

" ------------------------------------------------------------ the grammar tests
" The VS Code grammar tests (editors/vscode/tests/*.test.piano) hold
" assertions in scope names; the same assertions are checked here through
" this map from TextMate scopes to Vim groups ('' = not checked).
let s:map = {
      \ 'comment.line.number-sign.piano': 'pianoComment',
      \ 'punctuation.definition.comment.piano': 'pianoComment',
      \ 'string.quoted.double.piano': 'pianoString',
      \ 'string.quoted.triple.piano': 'pianoLongText|pianoLongTextDelim',
      \ 'punctuation.definition.string.begin.piano': 'pianoString|pianoLongTextDelim',
      \ 'punctuation.definition.string.end.piano': 'pianoString|pianoLongTextDelim',
      \ 'constant.character.escape.piano': 'pianoEscape',
      \ 'invalid.illegal.unknown-escape.piano': 'pianoEscapeError',
      \ 'storage.type.item.piano': 'pianoItem',
      \ 'support.type.property-name.piano': 'pianoKeyword',
      \ 'entity.name.function.indicatore.piano': 'pianoIndicatorName',
      \ 'entity.name.variable.misura.piano': 'pianoMeasureName',
      \ 'entity.name.type.modello.piano': 'pianoTemplateName',
      \ 'entity.other.inherited-class.modello.piano': 'pianoTemplateRef',
      \ 'constant.numeric.code.piano': 'pianoCode',
      \ 'constant.numeric.piano': 'pianoNumber',
      \ 'constant.numeric.quantity.piano': 'pianoQuantity',
      \ 'constant.numeric.percentage.piano': 'pianoPercent',
      \ 'constant.numeric.amount.piano': 'pianoAmount',
      \ 'constant.numeric.year.piano': 'pianoYear',
      \ 'constant.numeric.date.piano': 'pianoDate',
      \ 'punctuation.separator.range.piano': 'pianoRangeSep',
      \ 'invalid.illegal.number.piano': 'pianoInvalidNumber',
      \ 'keyword.other.unit.piano': 'pianoUnit',
      \ 'keyword.other.unit.percent.piano': 'pianoUnit',
      \ 'keyword.other.unit.currency.piano': 'pianoUnit',
      \ 'invalid.illegal.unit.piano': 'pianoBadUnit',
      \ 'constant.language.boolean.piano': 'pianoBoolean',
      \ 'constant.language.null.piano': 'pianoNull',
      \ 'keyword.operator.comparison.piano': 'pianoComparator',
      \ 'constant.language.tipologia.piano': 'pianoTipologia',
      \ 'constant.language.tipo.piano': 'pianoTipo',
      \ 'constant.language.nature.piano': 'pianoNature',
      \ 'constant.language.option.piano': 'pianoOption',
      \ 'constant.language.comparto.piano': 'pianoComparto',
      \ 'punctuation.section.block.begin.piano': 'pianoBrace',
      \ 'punctuation.section.block.end.piano': 'pianoBrace',
      \ 'meta.formula.piano': 'pianoFormula|pianoKeyword',
      \ 'variable.other.piano': 'pianoVariable',
      \ 'support.function.piano': 'pianoFunction',
      \ 'keyword.operator.arithmetic.piano': 'pianoOperator',
      \ 'punctuation.section.parens.begin.piano': 'pianoParen',
      \ 'punctuation.section.parens.end.piano': 'pianoParen',
      \ 'punctuation.separator.arguments.piano': 'pianoSeparator',
      \ 'invalid.illegal.formula.piano': 'pianoFormulaError',
      \ }

function! s:Mapped(scope) abort
  if !has_key(s:map, a:scope)
    call s:Ok(0, 'no Vim group is mapped to the scope ' . a:scope)
    return []
  endif
  return split(s:map[a:scope], '|')
endfunction

" Check one assertion: characters [from, to) of source line lnum.
function! s:Assert(file, lnum, alnum, from, to, required, excluded) abort
  let line = getline(a:lnum)
  " (like vscode-tmgrammar-test, carets past the end of the line check nothing)
  for ch in range(a:from, min([a:to, strchars(line)]) - 1)
    let col = byteidx(line, ch) + 1
    let groups = s:Groups(a:lnum, col)
    let where = printf('%s:%d (for line %d, char %d)', fnamemodify(a:file, ':t'), a:alnum, a:lnum, ch)
    for scope in a:required
      let want = s:Mapped(scope)
      if !empty(want)
        call s:Ok(!empty(filter(copy(want), 'index(groups, v:val) >= 0')),
              \ printf('%s: expected %s (for %s), got %s', where, join(want, '|'), scope, string(groups)))
      endif
    endfor
    for scope in a:excluded
      for bad in s:Mapped(scope)
        if bad ==# 'pianoKeyword' && scope ==# 'meta.formula.piano'
          continue
        endif
        call s:Ok(index(groups, bad) < 0,
              \ printf('%s: unexpected %s (for - %s), got %s', where, bad, scope, string(groups)))
      endfor
    endfor
  endfor
endfunction

for s:file in sort(glob(s:editors . '/vscode/tests/*.test.piano', 0, 1))
  execute 'edit ' . fnameescape(s:file)
  call s:NoError('editing ' . s:file)
  let s:src = 0
  for s:n in range(2, line('$'))
    let s:text = getline(s:n)
    let s:m = matchlist(s:text, '^#\(\s*\^[\^ ]*\)\(.*\)$')
    let s:arrow = matchlist(s:text, '^#\(\s*<\(\~*\)\(-\+\)\)\(.*\)$')
    if empty(s:m) && empty(s:arrow)
      let s:src = s:n
      continue
    endif
    let s:spec = empty(s:m) ? s:arrow[4] : s:m[2]
    let s:parts = split(s:spec, '\s-\s\|^\s*-\s', 1)
    let s:required = split(get(s:parts, 0, ''))
    let s:excluded = split(get(s:parts, 1, ''))
    if !empty(s:arrow)
      let s:from = len(s:arrow[2])
      call s:Assert(s:file, s:src, s:n, s:from, s:from + len(s:arrow[3]), s:required, s:excluded)
    else
      " Carets: column i of the assertion line is character i of the source line.
      let s:carets = '#' . s:m[1]
      let s:i = 0
      while s:i < len(s:carets)
        if s:carets[s:i] ==# '^'
          let s:j = s:i
          while s:j < len(s:carets) && s:carets[s:j] ==# '^'
            let s:j += 1
          endwhile
          call s:Assert(s:file, s:src, s:n, s:i, s:j, s:required, s:excluded)
          let s:i = s:j
        else
          let s:i += 1
        endif
      endwhile
    endif
  endfor
endfor

" ------------------------------------------------------------ encodings
" A Windows-1252 plan (€ is byte 0x80) is read as cp1252.
let s:cp = tempname() . '.piano'
call writefile(["risorse 12 \x80"], s:cp, 'b')
execute 'edit ' . fnameescape(s:cp)
call s:NoError('editing a Windows-1252 plan')
call s:Ok(&fileencoding ==# 'cp1252', 'a Windows-1252 plan is read as cp1252 (got "' . &fileencoding . '")')
call s:Ok(getline(1) ==# 'risorse 12 €', 'its byte 0x80 reads as € (got "' . getline(1) . '")')
call s:Ok(&g:fileencodings ==# s:fencs_before, 'fileencodings is restored after reading')

" ------------------------------------------------------------ report
let s:out = s:failed + [printf('%d passed, %d failed', s:passed, len(s:failed))]
call writefile(s:out, $PIANO_VIM_TEST_OUT)
if empty(s:failed)
  qa!
endif
cquit
