/* parser.y - the Charter grammar: a pure parser over the reentrant
 * scanner, byte-span locations, recovery at the end of a statement and at
 * `}`.  Statement meaning is left to the resolver (see ast.h). */
%code top {
#define _POSIX_C_SOURCE 200809L
}
%code requires {
#include "ast.h"
#include "source.h"
typedef void *yyscan_t;
struct ScanCtx;
/* A token's value: its text (IDENT, CALLNAME, STRING), its number
 * (NUMBER, PERCENT, TIME: minutes) or its date (days since 1970-01-01).
 * Its kind follows from the token, its span is the token's location and
 * its bad mark is kept aside (scan_bad), so a semantic value is 8 bytes:
 * bison copies one on every shift and reduction, and a wider one (an Arg,
 * 24 bytes) was read back whole just after an action wrote part of it, a
 * stall that cost a third of the parser's time (docs/performance.md). */
typedef union TokVal {
    const char *text;
    double num;
    int32_t date;
} TokVal;
/* A list still being parsed: its items are v[at .. at + n) of its stack
 * (ScanCtx's stmts or args). */
typedef struct OpenList { int at, n; } OpenList;
/* Locations are byte spans: a rule spans from its first symbol's start to
 * its last symbol's end; an empty rule sits at the end of what precedes. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                   \
    do {                                                              \
        if (N) {                                                      \
            (Cur).file = YYRHSLOC(Rhs, 1).file;                       \
            (Cur).lo = YYRHSLOC(Rhs, 1).lo;                           \
            (Cur).hi = YYRHSLOC(Rhs, N).hi;                           \
        } else {                                                      \
            (Cur).file = YYRHSLOC(Rhs, 0).file;                       \
            (Cur).lo = (Cur).hi = YYRHSLOC(Rhs, 0).hi;                \
        }                                                             \
    } while (0)
}
%code {
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

int cylex(CYSTYPE *lval, CYLTYPE *lloc, yyscan_t scanner);

/* Only reached for bison's own failures (memory exhausted); syntax errors
 * go through yyreport_syntax_error. */
static void cyerror(Span *loc, yyscan_t scanner, ScanCtx *sc, const char *msg)
{
    (void)scanner;
    scan_error(sc, CHECK_LIMIT, *loc, "%s", msg);
    sc->ast->syntax_errors = true;
}

/* A statement whose head word `head` is at head_at; one without a block
 * is AST_LEAF_SIZE bytes (ast.h). */
static Stmt *mkstmt(ScanCtx *sc, StmtKind k, Span span, bool block, const char *head,
                    Span head_at)
{
    Stmt *s = arena_alloc(sc->arena, block ? sizeof *s : AST_LEAF_SIZE);
    s->has_block = block;
    s->kind = k;
    s->span = span;
    s->head = head;
    s->head_len = head_at.hi - head_at.lo;
    return s;
}

static Expr *mkexpr(ScanCtx *sc, ExprKind k, Span span)
{
    Expr *e = arena_alloc(sc->arena, sizeof *e);
    e->kind = k;
    e->span = span;
    return e;
}

/* A number of an expression, with its spelling (`at`: the number's token;
 * `drop`: the bytes of it after the number, 1 for the % of a percentage). */
static Expr *mknum(ScanCtx *sc, ExprKind k, Span span, Span at, uint32_t drop, double num)
{
    Expr *e = mkexpr(sc, k, span);
    e->num = num;
    e->lit = arena_strndup(sc->arena, sc->src->text + at.lo, at.hi - at.lo - drop);
    return e;
}

static Expr *binary(ScanCtx *sc, ExprOp op, Expr *l, Expr *r, Span span)
{
    Expr *e = mkexpr(sc, EX_BINARY, span);
    e->op = op;
    e->l = l;
    e->r = r;
    return e;
}

/* A list opens at the top of its stack. */
#define LIST_OPEN(stack) ((OpenList){(stack).n, 0})

/* Room for one more item on a stack (the statements' or the arguments'). */
#define STACK_ROOM(stack)                                                   \
    do {                                                                    \
        if ((stack).n == (stack).cap) {                                     \
            int cap_ = (stack).cap ? (stack).cap * 2 : 256;                 \
            void *v_ = realloc((stack).v, (size_t)cap_ * sizeof *(stack).v); \
            if (!v_) {                                                      \
                fputs("charterc: out of memory\n", stderr);                 \
                exit(2);                                                    \
            }                                                               \
            (stack).v = v_;                                                 \
            (stack).cap = cap_;                                             \
        }                                                                   \
    } while (0)

/* Appends to l, the innermost list being parsed on its stack.  Anything
 * above l's items was left by a list that error recovery abandoned: it is
 * dropped. */
static OpenList stmt_push(ScanCtx *sc, OpenList l, Stmt *st)
{
    sc->stmts.n = l.at + l.n;
    STACK_ROOM(sc->stmts);
    sc->stmts.v[sc->stmts.n++] = st;
    l.n++;
    return l;
}

static OpenList arg_push(ScanCtx *sc, OpenList l, Arg a)
{
    sc->args.n = l.at + l.n;
    STACK_ROOM(sc->args);
    sc->args.v[sc->args.n++] = a;
    l.n++;
    return l;
}

/* Ends l: its items leave the stack for an array of their exact size in
 * the arena. */
static ArgList args_close(ScanCtx *sc, OpenList l)
{
    ArgList v = {0};
    if (l.n) {
        v.v = arena_alloc(sc->arena, (size_t)l.n * sizeof *v.v);
        memcpy(v.v, sc->args.v + l.at, (size_t)l.n * sizeof *v.v);
        v.n = l.n;
    }
    sc->args.n = l.at;
    return v;
}

static StmtList stmts_close(ScanCtx *sc, OpenList l)
{
    StmtList v = {0};
    if (l.n) {
        v.v = arena_alloc(sc->arena, (size_t)l.n * sizeof *v.v);
        memcpy(v.v, sc->stmts.v + l.at, (size_t)l.n * sizeof *v.v);
        v.n = l.n;
    }
    sc->stmts.n = l.at;
    return v;
}

/* A statement without a block: its head, at `head_at`, and its arguments,
 * which end at args_at.hi (where the head ends when there are none). */
static Stmt *leaf(ScanCtx *sc, TokVal head, Span head_at, OpenList args, Span args_at)
{
    Stmt *st = mkstmt(sc, ST_GENERIC, (Span){head_at.file, head_at.lo, args_at.hi}, false,
                      head.text, head_at);
    st->args = args_close(sc, args);
    return st;
}
/* A statement with a block: its head at `head_at`, its arguments, its
 * `{` at `brace` and the statements of its block; `span` is the whole. */
static Stmt *with_block(ScanCtx *sc, TokVal head, Span head_at, OpenList args, Span brace,
                        OpenList body, Span span)
{
    Stmt *st = mkstmt(sc, ST_GENERIC, span, true, head.text, head_at);
    /* The block's statements have closed their own arguments: this one's
     * are on top again. */
    st->block_list = stmts_close(sc, body);
    st->args = args_close(sc, args);
    st->block_lo = brace.lo;    /* to span.hi, the statement's end */
    return st;
}
static Arg punct(ArgKind k, Span span)
{
    return (Arg){.kind = k, .span = span};
}

/* The argument a token of kind k makes, with its value v, at s. */
static Arg tok_arg(ScanCtx *sc, ArgKind k, TokVal v, Span s)
{
    Arg a = {.kind = k, .span = s, .bad = sc->bad.n > 0 && scan_is_bad(sc, s.lo)};
    if (k == ARG_IDENT || k == ARG_STRING)
        a.text = v.text;
    else if (k == ARG_DATE)
        a.date = v.date;
    else
        a.num = v.num;
    return a;
}

/* A negative number or percentage: the '-' at m, the number after it. */
static Arg negative(ScanCtx *sc, ArgKind k, TokVal v, Span m, Span num)
{
    Arg a = tok_arg(sc, k, v, num);
    a.num = -a.num;
    a.span.lo = m.lo;
    return a;
}
}

%define api.pure full
%define api.prefix {cy}
%define api.location.type {Span}
%define parse.error custom
%define parse.lac full
%locations
%param {yyscan_t scanner}
%parse-param {struct ScanCtx *sc}
%expect 0

%initial-action { @$ = (Span){sc->file, 0, 0}; }

%union {
    TokVal tok;
    Stmt *stmt;
    Expr *expr;
    OpenList list;
    ExprList *exprs;        /* a pointer: the values stay 8 bytes (TokVal) */
}

%token <tok> IDENT "name" CALLNAME "function name" STRING "string"
%token <tok> NUMBER "number" PERCENT "percentage" DATE "date" TIME "time of day"
%token NEWLINE "end of line" ARROW "'->'"
%token REQUIRES "'requires'" FORMULA "'formula'"
%token AND "'and'" OR "'or'" NOT "'not'"
%token LE "'<='" GE "'>='" EQ "'=='" NE "'!='"

%type <list> body lines
%type <stmt> stmt
%type <list> args
%type <expr> expr primary
%type <exprs> exprs

%left OR
%left AND
%precedence NOT
%nonassoc '<' '>' LE GE EQ NE
%left '+' '-'
%left '*' '/'
%precedence UMINUS

%%

file:
    body                { sc->ast->top = stmts_close(sc, $1); }
    ;

/* A body is lines ended by a separator, then perhaps one last statement
 * before the `}` or the end of the file.  A line is a statement, nothing,
 * or what error recovery skipped.  Each is spelt out with its separator
 * (no `sep` or `opt_stmt` of their own): a dense agreement has a
 * statement every 30 bytes, and each rule less is a reduction less for
 * every one of them. */
body:
    lines               { $$ = $1; }
  | lines stmt          { $$ = stmt_push(sc, $1, $2); }
  | lines IDENT args    { $$ = stmt_push(sc, $1, leaf(sc, $2, @2, $3, @3)); }
  | lines error         { $$ = $1; sc->ast->syntax_errors = true; }
    ;

/* A statement without a block is spelt out here with its separator, not
 * reduced to a `stmt` of its own: that reduction would need the
 * separator as its lookahead, and bison's LAC checks every such
 * lookahead before reducing (one check per statement, 3 % of checking
 * the dense agreement).  Shifted first, the separator ends the line in a
 * state with one reduction, which needs no lookahead. */
lines:
    %empty              { $$ = LIST_OPEN(sc->stmts); }
  | lines NEWLINE       { $$ = $1; }
  | lines ';'           { $$ = $1; }
  | lines IDENT args NEWLINE { $$ = stmt_push(sc, $1, leaf(sc, $2, @2, $3, @3)); }
  | lines IDENT args ';' { $$ = stmt_push(sc, $1, leaf(sc, $2, @2, $3, @3)); }
  | lines stmt NEWLINE  { $$ = stmt_push(sc, $1, $2); }
  | lines stmt ';'      { $$ = stmt_push(sc, $1, $2); }
  | lines error NEWLINE { $$ = $1; sc->ast->syntax_errors = true; }
  | lines error ';'     { $$ = $1; sc->ast->syntax_errors = true; }
    ;

/* A statement with a block, or an expression's.  A block's last line is
 * spelt out as body's is, here too: a `body` before the `}` would be
 * reduced on the `}` as lookahead (a LAC check per block). */
stmt:
    IDENT args '{' lines '}' { $$ = with_block(sc, $1, @1, $2, @3, $4, @$); }
  | IDENT args '{' lines stmt '}' {
                            $$ = with_block(sc, $1, @1, $2, @3, stmt_push(sc, $4, $5), @$);
                        }
  | IDENT args '{' lines IDENT args '}' {
                            $$ = with_block(sc, $1, @1, $2, @3,
                                            stmt_push(sc, $4, leaf(sc, $5, @5, $6, @6)), @$);
                        }
  | IDENT args '{' lines error '}' {
                            sc->ast->syntax_errors = true;
                            $$ = with_block(sc, $1, @1, $2, @3, $4, @$);
                        }
  | REQUIRES expr       {
                            $$ = mkstmt(sc, ST_REQUIRES, @$, false, "requires", @1);
                            $$->expr = $2;
                        }
  | FORMULA expr        {
                            $$ = mkstmt(sc, ST_FORMULA, @$, false, "formula", @1);
                            $$->expr = $2;
                        }
    ;

/* Each argument is pushed by the rule that reads it: an `arg` rule of
 * its own would cost a second reduction per token, and a dense agreement
 * has two arguments per statement. */
args:
    %empty              { $$ = LIST_OPEN(sc->args); }
  | args IDENT          { $$ = arg_push(sc, $1, tok_arg(sc, ARG_IDENT, $2, @2)); }
  | args CALLNAME       { $$ = arg_push(sc, $1, tok_arg(sc, ARG_IDENT, $2, @2)); }
  | args STRING         { $$ = arg_push(sc, $1, tok_arg(sc, ARG_STRING, $2, @2)); }
  | args NUMBER         { $$ = arg_push(sc, $1, tok_arg(sc, ARG_NUMBER, $2, @2)); }
  | args PERCENT        { $$ = arg_push(sc, $1, tok_arg(sc, ARG_PERCENT, $2, @2)); }
  | args DATE           { $$ = arg_push(sc, $1, tok_arg(sc, ARG_DATE, $2, @2)); }
  | args TIME           { $$ = arg_push(sc, $1, tok_arg(sc, ARG_TIME, $2, @2)); }
  | args '-' NUMBER     { $$ = arg_push(sc, $1, negative(sc, ARG_NUMBER, $3, @2, @3)); }
  | args '-' PERCENT    { $$ = arg_push(sc, $1, negative(sc, ARG_PERCENT, $3, @2, @3)); }
  | args ','            { $$ = arg_push(sc, $1, punct(ARG_COMMA, @2)); }
  | args ARROW          { $$ = arg_push(sc, $1, punct(ARG_ARROW, @2)); }
  | args '(' args ')'   {
                            Arg g = punct(ARG_GROUP, (Span){@2.file, @2.lo, @4.hi});
                            g.group = arena_alloc(sc->arena, sizeof *g.group);
                            *g.group = args_close(sc, $3);
                            $$ = arg_push(sc, $1, g);
                        }
    ;

expr:
    expr OR expr        { $$ = binary(sc, OP_OR, $1, $3, @$); }
  | expr AND expr       { $$ = binary(sc, OP_AND, $1, $3, @$); }
  | NOT expr            { $$ = mkexpr(sc, EX_NOT, @$); $$->l = $2; }
  | expr '<' expr       { $$ = binary(sc, OP_LT, $1, $3, @$); }
  | expr '>' expr       { $$ = binary(sc, OP_GT, $1, $3, @$); }
  | expr LE expr        { $$ = binary(sc, OP_LE, $1, $3, @$); }
  | expr GE expr        { $$ = binary(sc, OP_GE, $1, $3, @$); }
  | expr EQ expr        { $$ = binary(sc, OP_EQ, $1, $3, @$); }
  | expr NE expr        { $$ = binary(sc, OP_NE, $1, $3, @$); }
  | expr '+' expr       { $$ = binary(sc, OP_ADD, $1, $3, @$); }
  | expr '-' expr       { $$ = binary(sc, OP_SUB, $1, $3, @$); }
  | expr '*' expr       { $$ = binary(sc, OP_MUL, $1, $3, @$); }
  | expr '/' expr       { $$ = binary(sc, OP_DIV, $1, $3, @$); }
  | '-' expr %prec UMINUS { $$ = mkexpr(sc, EX_NEG, @$); $$->l = $2; }
  | primary
    ;

primary:
    NUMBER              { $$ = mknum(sc, EX_NUMBER, @$, @1, 0, $1.num); }
  | NUMBER IDENT        {
                            $$ = mknum(sc, EX_QUANTITY, @$, @1, 0, $1.num);
                            $$->name = $2.text;
                            $$->name_span = @2;
                        }
  | PERCENT             { $$ = mknum(sc, EX_PERCENT, @$, @1, 1, $1.num); }
  | IDENT               {
                            $$ = mkexpr(sc, EX_NAME, @$);
                            $$->name = $1.text;
                            $$->name_span = @1;
                        }
  | CALLNAME '(' exprs ')' {
                            $$ = mkexpr(sc, EX_CALL, @$);
                            $$->name = $1.text;
                            $$->name_span = @1;
                            $$->args = *$3;
                        }
  | CALLNAME '(' ')'    {
                            $$ = mkexpr(sc, EX_CALL, @$);
                            $$->name = $1.text;
                            $$->name_span = @1;
                        }
  | '(' expr ')'        { $$ = $2; $$->paren = true; }
    ;

exprs:
    expr                { $$ = arena_alloc(sc->arena, sizeof *$$); VEC_PUSH(sc->arena, *$$, $1); }
  | exprs ',' expr      { $$ = $1; VEC_PUSH(sc->arena, *$$, $3); }
    ;

%%

/* "the block of partner 'growers'", "the governance block". */
static const char *block_name(ScanCtx *sc, const char *head, const char *name)
{
    if (head && name)
        return arena_printf(sc->arena, "the block of %s '%s'", head, name);
    return head ? arena_printf(sc->arena, "the %s block", head) : "the block";
}

/* One block not closed, reported where it opens, which is where the
 * reader must look, with the end of the file, where the parser noticed,
 * as a related location, and what the layout shows about where it was
 * meant to end.  When a `}` at the block's margin closed a block inside it
 * instead, that inner block is the one reported. */
static void report_block(ScanCtx *sc, const OpenBlock *b, Span eof)
{
    bool lost = b->lost_close.file != NO_FILE;
    const char *what = lost ? block_name(sc, b->lost_head, b->lost_name)
                            : block_name(sc, b->head, b->name);
    Diagnostic *g = scan_error(sc, CHECK_SYNTAX, lost ? b->lost_brace : b->brace,
                               "%s opened here is not closed", what);
    if (!g)
        return;
    diag_related(sc->diag, g, eof, "the end of the file is reached inside it");
    if (lost) {
        int line, col;
        src_linecol(sc->diag->sm, b->lost_close, &line, &col);
        diag_related(sc->diag, g, b->lost_close, "this `}`, at the margin of %s, closes it",
                     b->head && b->name ? arena_printf(sc->arena, "%s '%s'", b->head, b->name)
                                        : block_name(sc, b->head, b->name));
        diag_hint(sc->diag, g, "add `}` before the one on line %d", line);
    } else if (b->outdent_head) {
        diag_related(sc->diag, g, b->outdent, "`%s` is at the block's margin: the block "
                     "should end before it", b->outdent_head);
        diag_hint(sc->diag, g, "add `}` before `%s`", b->outdent_head);
    } else
        diag_hint(sc->diag, g, "add `}` where the block ends");
}

/* The file ends inside blocks: each `}` missing is one error.  A block
 * that a statement at its margin shows was meant to end is one; so is the
 * innermost, inside which the file ends.  The outer blocks around the
 * innermost that nothing shows were meant to end are not: their `}` is
 * missing only because the inner one's is. */
static void report_unclosed(ScanCtx *sc, Span eof)
{
    for (int i = 0; i < sc->open.n; i++)
        if (sc->open.v[i].outdent_head || sc->open.v[i].lost_close.file != NO_FILE ||
            i == sc->open.n - 1)
            report_block(sc, &sc->open.v[i], eof);
}

/* "expected X or Y, found 'z'": the names come from the token aliases. */
static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, ScanCtx *sc)
{
    (void)scanner;
    sc->ast->syntax_errors = true;
    if (sc->stop)
        return 0;
    if (yypcontext_token(ctx) == YYSYMBOL_YYEOF && sc->open.n > 0) {
        report_unclosed(sc, *yypcontext_location(ctx));
        return 0;
    }
    enum { MAX = 8 };
    yysymbol_kind_t exp[MAX];
    int n = yypcontext_expected_tokens(ctx, exp, MAX);
    Buf b;
    buf_init(&b);
    if (n > 0) {
        buf_puts(&b, "expected ");
        for (int i = 0; i < n; i++) {
            if (i)
                buf_puts(&b, i == n - 1 ? " or " : ", ");
            const char *name = yysymbol_name(exp[i]);
            if (name[0] == '"') {
                buf_put(&b, name + 1, strlen(name) - 2);
            } else {
                buf_puts(&b, name);
            }
        }
        buf_puts(&b, ", ");
    }
    yysymbol_kind_t tok = yypcontext_token(ctx);
    const Span *loc = yypcontext_location(ctx);
    buf_puts(&b, n > 0 ? "found " : "unexpected ");
    if (tok == YYSYMBOL_YYEOF)
        buf_puts(&b, "the end of the file");
    else if (tok == YYSYMBOL_NEWLINE)
        buf_puts(&b, "the end of the line");
    else {
        size_t len = loc->hi > loc->lo ? loc->hi - loc->lo : 0;
        if (len > 40)
            len = 40;
        buf_printf(&b, "'%.*s'", (int)len, sc->src->text + loc->lo);
    }
    scan_error(sc, CHECK_SYNTAX, *loc, "%s", buf_cstr(&b));
    buf_free(&b);
    return 0;
}
