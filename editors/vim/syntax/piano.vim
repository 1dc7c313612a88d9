" Vim syntax file
" Language:   piano (performance plans of Italian public administrations)
" Filenames:  *.piano
" The token classes follow the TextMate grammar in editors/vscode/syntaxes/.

scriptencoding utf-8

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match
" Names hold letters (Unicode too: qualità), digits and _.
syn iskeyword @,48-57,_,192-255

" When several items match at one position the last one defined wins (a
" keyword beats any match), so generic patterns come first.

" ---------------------------------------------------------------- values
" A code starts with a digit: 011, 01_01, 01_01_OS01 (1 after ambito).
syn match   pianoCode          /\<\d\k*/
" A dot only separates thousands: 2.5 and 1.23 are errors.
syn match   pianoInvalidNumber /-\=\<\d\+\%([.,]\d\+\)\+/
syn match   pianoNumber        /-\=\<\%(\d\{1,3}\%(\.\d\{3}\)\+\|\d\+\)\%(,\d\+\)\=\%(\k\|[.,]\d\)\@!/
" A number followed by a unit.
syn match   pianoQuantity      /-\=\<\%(\d\{1,3}\%(\.\d\{3}\)\+\|\d\+\)\%(,\d\+\)\=\ze\s\+\%(gg\|ore\|anni\|punti\)\>/
syn match   pianoPercent       /-\=\<\%(\d\{1,3}\%(\.\d\{3}\)\+\|\d\+\)\%(,\d\+\)\=\ze\s*%/
syn match   pianoAmount        /-\=\<\%(\d\{1,3}\%(\.\d\{3}\)\+\|\d\+\)\%(,\d\+\)\=\ze\s*€/
syn match   pianoAmount        /\%(€\s*\)\@<=-\=\<\%(\d\{1,3}\%(\.\d\{3}\)\+\|\d\+\)\%(,\d\+\)\=\%(\k\|[.,]\d\)\@!/
" 31/12/2024 or 31.12.2024 (never a number: thousands have three digits).
syn match   pianoDate          /\<\d\{1,2}\([/.]\)\d\{1,2}\1\d\{4}\>\%([.,/]\d\)\@!/
" Years: after anno, target and triennio, and at the start of a line of a
" risorse { } block.
syn match   pianoYear          /\d\+\>/ contained
syn match   pianoYearRange     /\d\+\s*-\s*\d\+\>/ contained contains=pianoYear,pianoRangeSep
syn match   pianoRangeSep      /-/ contained
syn match   pianoYear          /\<\d\{4}\ze\s\+\%(personale\|funzionamento\|interventi\|ammortamenti\)\>/

" Units of measure: n. % € gg ore anni punti data sì/no.
syn match   pianoUnit          /\<n\.\%(d\.\)\@!/
syn match   pianoUnit          /\<\%(gg\|ore\|anni\|punti\|data\)\>/
syn match   pianoUnit          /[%€]/
syn match   pianoUnit          /\<s[iì]\/no\>/
syn match   pianoBoolean       /\<\%(sì\|si\|no\)\>\/\@!/
syn match   pianoNull          /\<n\.d\./
syn match   pianoNull          /\%(^\|[^-]\)\@<=--\%([-0-9]\)\@!/

syn match   pianoComparator    />=\|<=\|[=<>]/
syn match   pianoComparator    /\<entro\>/

syn keyword pianoTipologia     efficienza efficacia volume qualità salute_economica
syn keyword pianoTipo          realizzazione_fisica realizzazione_finanziaria risultato impatto altro
syn keyword pianoNature        personale funzionamento interventi ammortamenti
syn keyword pianoOption        interne uguali esclusi zero
syn keyword pianoComparto      camera ente_locale regione stato universita università comune provincia

" ---------------------------------------------------------------- fields
syn keyword pianoKeyword       ente approvato descrizione finanziamento risorse area ufficio
syn keyword pianoKeyword       stakeholder fonte nota peso pesi algoritmo tipologia tipo kpi
syn keyword pianoKeyword       massimo ritardo dati_mancanti comparto responsabile prerequisito
syn keyword pianoKeyword       anno target baseline nextgroup=pianoYear skipwhite
syn keyword pianoKeyword       triennio nextgroup=pianoYearRange skipwhite
syn keyword pianoKeyword       missione programma nextgroup=pianoCode skipwhite
syn keyword pianoKeyword       udm nextgroup=pianoBadUnit skipwhite
syn match   pianoBadUnit       /entro\>/ contained
" ambito, strategico and modello are fields when they refer to something...
syn match   pianoKeyword       /\<\%(ambito\|strategico\)\>/ nextgroup=pianoCode skipwhite
syn match   pianoKeyword       /\<modello\>/ nextgroup=pianoTemplateRef skipwhite
syn match   pianoTemplateRef   /\k\+/ contained

" ---------------------------------------------------------------- items
" ...and items when they declare it with a title.
syn match   pianoItem          /\<\%(ambito\|strategico\)\>\ze\s\+\d\k*\s*"/ nextgroup=pianoCode skipwhite
syn match   pianoItem          /\<modello\>\ze\s\+\k\+\s*"/ nextgroup=pianoTemplateName skipwhite
syn match   pianoTemplateName  /\k\+/ contained
syn keyword pianoItem          piano punteggio
syn keyword pianoItem          obiettivo nextgroup=pianoCode skipwhite
syn keyword pianoItem          indicatore nextgroup=pianoIndicatorName skipwhite
syn keyword pianoItem          misura nextgroup=pianoMeasureName skipwhite
syn match   pianoIndicatorName /\k\+/ contained
syn match   pianoMeasureName   /\k\+/ contained

syn match   pianoBrace         /[{}]/

" ---------------------------------------------------------------- formulas
syn region  pianoFormula       matchgroup=pianoKeyword start=/\<formula\>/ end=/\ze#\|$/ oneline
      \ contains=pianoFormulaError,pianoVariable,pianoFunction,pianoOperator,pianoParen,
      \ pianoSeparator,pianoInvalidNumber,pianoNumber,pianoPercent,pianoAmount,pianoQuantity,
      \ pianoDate,pianoUnit
syn match   pianoFormulaError  /[^[:space:]]/ contained
syn match   pianoVariable      /\k\+/ contained
syn match   pianoFunction      /\<\%(min\|max\|abs\)\>\ze\s*(/ contained
syn match   pianoOperator      /[-+*/]/ contained
syn match   pianoParen         /[()]/ contained
syn match   pianoSeparator     /;/ contained
" Re-declared inside formulas so that they beat pianoVariable.
syn match   pianoInvalidNumber /\<\d\+\%([.,]\d\+\)\+/ contained
syn match   pianoNumber        /\<\%(\d\{1,3}\%(\.\d\{3}\)\+\|\d\+\)\%(,\d\+\)\=\%(\k\|[.,]\d\)\@!/ contained

" ---------------------------------------------------------------- text
syn match   pianoEscapeError   /\\.\=/ contained
syn match   pianoEscape        /\\["\\]/ contained
syn region  pianoString        start=/"/ skip=/\\./ end=/"\|$/ oneline contains=pianoEscapeError,pianoEscape,@Spell
syn region  pianoLongText      matchgroup=pianoLongTextDelim start=/"""/ end=/"""/ contains=@Spell

syn keyword pianoTodo          TODO FIXME XXX contained
syn match   pianoComment       /#.*$/ contains=pianoTodo,@Spell

syn sync fromstart

" ---------------------------------------------------------------- colours
hi def link pianoComment       Comment
hi def link pianoTodo          Todo
hi def link pianoString        String
hi def link pianoLongText      String
hi def link pianoLongTextDelim String
hi def link pianoEscape        SpecialChar
hi def link pianoEscapeError   Error
hi def link pianoItem          Structure
hi def link pianoKeyword       Keyword
hi def link pianoIndicatorName Function
hi def link pianoMeasureName   Identifier
hi def link pianoTemplateName  Typedef
hi def link pianoTemplateRef   Typedef
hi def link pianoCode          Constant
hi def link pianoNumber        Number
hi def link pianoQuantity      Number
hi def link pianoPercent       Number
hi def link pianoAmount        Number
hi def link pianoYear          Number
hi def link pianoRangeSep      Delimiter
hi def link pianoInvalidNumber Error
hi def link pianoDate          Constant
hi def link pianoUnit          Type
hi def link pianoBadUnit       Error
hi def link pianoBoolean       Boolean
hi def link pianoComparto      Constant
hi def link pianoNull          Constant
hi def link pianoComparator    Operator
hi def link pianoTipologia     Constant
hi def link pianoTipo          Constant
hi def link pianoNature        Constant
hi def link pianoOption        Constant
hi def link pianoBrace         Delimiter
hi def link pianoVariable      Identifier
hi def link pianoFunction      Function
hi def link pianoOperator      Operator
hi def link pianoParen         Delimiter
hi def link pianoSeparator     Delimiter
hi def link pianoFormulaError  Error

let b:current_syntax = 'piano'

let &cpo = s:cpo_save
unlet s:cpo_save
