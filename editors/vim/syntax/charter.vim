" Vim syntax file
" Language:    Charter (cross-sector partnership agreements, *.charter)
" Maintainer:  the Charter project
"
" Charter reserves only five words (requires, formula, and, or, not).
" Statement names are ordinary identifiers, so they are highlighted only
" where a statement starts: at the beginning of a line, or after `{` or `;`.
" Declaration kinds are highlighted at the start of a line outside any
" block; value words (up, sum, quarterly, ...) wherever they stand.
"
" Options:
"   let g:charter_highlight_prelude = 0   " do not highlight the names the
"                                         " prelude declares (people, USD,
"                                         " government, local, scoping, ...)

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" Builds `\<\%(w1\|w2\|...\)\>`.
function! s:Words(words) abort
  return '\<\%(' . join(a:words, '\|') . '\)\>'
endfunction

" Where a statement may start: line start, or after `{` or `;`.
let s:stmt_start = '\%(\%(^\|[{;]\)\s*\)\@80<='

" Top-level declaration kinds (docs/language.md and the prelude's kinds).
let s:declarations = [
      \ 'agreement', 'agenda', 'partner', 'tension', 'goal', 'indicator',
      \ 'activity', 'milestone', 'communication', 'governance', 'dimension',
      \ 'topic', 'clause',
      \ 'unit', 'sector', 'level', 'backbone_function', 'phase']

" Statement names of every declaration kind.
let s:statements = [
      \ 'version', 'term', 'lead', 'scope', 'amendment', 'withdrawal',
      \ 'nested_in',
      \ 'vision', 'problem', 'principle',
      \ 'sector', 'level', 'signatory', 'contact', 'role', 'email', 'phone',
      \ 'joins', 'leaves', 'backbone', 'coordinator', 'commits',
      \ 'interest', 'resolution',
      \ 'measured_by', 'by',
      \ 'unit', 'direction', 'baseline', 'target', 'frequency', 'reported_by',
      \ 'source', 'values', 'combine', 'disaggregated_by', 'personal_data', 'signed',
      \ 'contributes_to', 'season', 'totals', 'report_within', 'denominator',
      \ 'partners', 'supports', 'addresses', 'coordinates_with', 'period',
      \ 'budget',
      \ 'due', 'owner', 'after', 'deliverable', 'phase',
      \ 'decisions', 'escalation', 'data_sharing', 'min_cell',
      \ 'binding', 'covers', 'text']

" Statements that declare an id of their own (need, incentive, meeting, ...).
let s:declaring_statements = ['need', 'incentive', 'meeting', 'report', 'review']

" Enumerated values.
let s:values = [
      \ 'up', 'down', 'consensus', 'majority', 'cumulative', 'per_period',
      \ 'sum', 'mean', 'min', 'max', 'latest',
      \ 'monthly', 'quarterly', 'yearly', 'all', 'yes', 'no', 'more', 'less',
      \ 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
      \ 'last', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
      \ 'august', 'september', 'october', 'november', 'december']

" Words that join the parts of a statement.
let s:connectives = [
      \ 'every', 'with', 'by', 'to', 'from', 'on', 'as', 'wants', 'between',
      \ 'notice', 'title', 'worth', 'subject_to', 'for', 'at']

let s:duration_units = [
      \ 'day', 'days', 'week', 'weeks', 'month', 'months', 'quarter',
      \ 'quarters', 'year', 'years']

" Names declared by std/prelude.charter.
let s:prelude = [
      \ 'people', 'households', 'organisations', 'schools', 'students',
      \ 'percent', 'USD', 'EUR', 'GBP', 'hours', 'count', 'km', 'tonnes',
      \ 'government', 'private', 'nonprofit', 'philanthropy', 'academic',
      \ 'community', 'multilateral',
      \ 'local', 'regional', 'national', 'global',
      \ 'vision_strategy', 'aligned_activities', 'shared_measurement',
      \ 'public_will', 'policy', 'funding',
      \ 'scoping', 'recruitment', 'pause', 'signing', 'execution', 'scaling',
      \ 'ratio', 'change', 'growth']

" --- Comments and strings -------------------------------------------------
syn keyword charterTodo contained TODO FIXME XXX NOTE
syn match   charterComment "#.*$" contains=charterTodo,@Spell

syn match   charterEscape      contained +\\["\\nt]+
syn match   charterEscapeError contained +\\[^"\\nt]+
syn region  charterString start=+"+ skip=+\\\\\|\\"+ end=+"+ oneline contains=charterEscape,charterEscapeError,@Spell
" Defined after charterString so that `"""` starts a block, not "" + ".
syn region  charterTripleString start=+"""+ skip=+\\\\\|\\"+ end=+"""+
      \ contains=charterEscape,charterEscapeError,@Spell fold

" --- Literals ---------------------------------------------------------------
" Before the numbers, so that the `-` of `-3` is part of the number.
syn match   charterOperator  "->\|[<>]=\=\|[=!]=\|[-+*/]"
syn match   charterNumber  "-\=\<\d[0-9_]*\%(\.\d[0-9_]*\)\=\>"
syn match   charterPercent "-\=\<\d[0-9_]*\%(\.\d[0-9_]*\)\=%"
syn match   charterDate    "\<\d\{4}-\d\d-\d\d\>"

" --- Words ----------------------------------------------------------------
execute 'syn match charterDurationUnit "' . s:Words(s:duration_units) . '"'
execute 'syn match charterValue "' . s:Words(s:values) . '"'
execute 'syn match charterConnective "' . s:Words(s:connectives) . '"'
if get(g:, 'charter_highlight_prelude', 1)
  execute 'syn match charterPrelude "' . s:Words(s:prelude) . '"'
endif

" The only reserved words.
syn keyword charterReserved requires formula
syn keyword charterLogical  and or not

" `ns.x`: the part after the dot is a name, never a keyword.
syn match   charterQualified "\<\h\w*\%(\.\h\w*\)\+"
" A call: the `(` follows the name directly.
syn match   charterFunction  "\<\h\w*\ze("


" --- Statements (inside blocks) ---------------------------------------------
execute 'syn match charterStatement contained "' . s:stmt_start
      \ . s:Words(s:statements) . '"'
execute 'syn match charterStatementDecl contained "' . s:stmt_start
      \ . s:Words(s:declaring_statements) . '" nextgroup=charterDeclName skipwhite'
execute 'syn match charterAllow "' . s:stmt_start
      \ . '\<allow\>" nextgroup=charterCheckName skipwhite'
syn match   charterCheckName contained "\h\w*"

" --- Declarations (top level) -------------------------------------------------
execute 'syn match charterDeclaration "^\s*\zs' . s:Words(s:declarations)
      \ . '" nextgroup=charterDeclName skipwhite'
syn match   charterDeclName contained "\h\w*"
syn match   charterInclude "^\s*\zs\<use\>"

" extern function NAME(TYPE, ...) -> TYPE from "LIBRARY"
syn region  charterExtern matchgroup=charterDeclaration
      \ start="^\s*\zs\<extern\>" end="$" keepend
      \ contains=charterFunctionKw,charterType,charterFunction,charterString,charterOperator,charterConnective,charterComment
syn keyword charterFunctionKw contained function
syn keyword charterType       contained number integer date series

" --- Blocks -----------------------------------------------------------------
syn cluster charterInBlock contains=charterComment,charterString,charterTripleString
syn cluster charterInBlock add=charterNumber,charterPercent,charterDate,charterDurationUnit
syn cluster charterInBlock add=charterValue,charterConnective,charterPrelude
syn cluster charterInBlock add=charterReserved,charterLogical,charterQualified,charterFunction
syn cluster charterInBlock add=charterOperator,charterStatement,charterStatementDecl
syn cluster charterInBlock add=charterAllow,charterBlock
syn region  charterBlock matchgroup=charterBrace start="{" end="}"
      \ contains=@charterInBlock fold
syn match   charterBraceError "}"

syn sync fromstart

hi def link charterTodo          Todo
hi def link charterComment       Comment
hi def link charterString        String
hi def link charterTripleString  String
hi def link charterEscape        SpecialChar
hi def link charterEscapeError   Error
hi def link charterNumber        Number
hi def link charterPercent       Number
hi def link charterDate          Constant
hi def link charterDurationUnit  Type
hi def link charterValue         Constant
hi def link charterConnective    Keyword
hi def link charterPrelude       Constant
hi def link charterReserved      Keyword
hi def link charterLogical       Operator
hi def link charterFunction      Function
hi def link charterOperator      Operator
hi def link charterStatement     Statement
hi def link charterStatementDecl Statement
hi def link charterAllow         PreProc
hi def link charterCheckName     PreProc
hi def link charterDeclaration   Structure
hi def link charterDeclName      Identifier
hi def link charterInclude       Include
hi def link charterFunctionKw    Structure
hi def link charterType          Type
hi def link charterBraceError    Error

let b:current_syntax = 'charter'

let &cpo = s:cpo_save
unlet s:cpo_save
