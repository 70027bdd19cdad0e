/* fmt.c - the canonical layout of a Charter file.  See fmt.h.
 *
 * How a layout is chosen, and why it never changes the meaning:
 * - Tokens are copied from the source through their spans; only the
 *   whitespace between them is rewritten.
 * - A line break inside a statement is kept only where the source had one,
 *   i.e. after `,`, after `(` or inside parentheses, where the scanner
 *   ignores it; a break before `,` or `)` (only possible inside
 *   parentheses) is joined.  Comments between the tokens of a statement
 *   stay where they were, and force a break after them.
 * - Statements written on one line with `;` are split one per line, except
 *   a statement ending with `,`: a newline after `,` would join the next
 *   statement to it, so it keeps its `;`.
 * - A block is printed on one line (`{ female, male }`) when the source had
 *   it on one line with at most one statement and no comment; otherwise one
 *   statement per line.  Both forms are stable under reformatting.
 * The command (cmd_fmt.c) parses the result again and compares the trees
 * with fmt_same_tree() before it writes anything. */
#include "fmt.h"

#include <math.h>
#include <string.h>

typedef struct Fmt {
    const char *src;
    size_t len;
    const Comment *cm;
    int ncm;
    Buf *out;
} Fmt;

/* ---- source helpers ------------------------------------------------- */

static bool has_newline(const Fmt *f, uint32_t lo, uint32_t hi)
{
    return hi > lo && memchr(f->src + lo, '\n', hi - lo) != NULL;
}

/* A blank line between two items: two line ends in the gap. */
static bool blank_between(const Fmt *f, uint32_t lo, uint32_t hi)
{
    int n = 0;
    for (uint32_t i = lo; i < hi; i++)
        if (f->src[i] == '\n' && ++n == 2)
            return true;
    return false;
}

/* Index of the first comment that starts at or after `off`. */
static int comment_at(const Fmt *f, uint32_t off)
{
    int lo = 0, hi = f->ncm;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (f->cm[mid].span.lo < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool comments_in(const Fmt *f, uint32_t lo, uint32_t hi)
{
    int i = comment_at(f, lo);
    return i < f->ncm && f->cm[i].span.lo < hi;
}

/* The text of a comment without trailing blanks (and a CR). */
static void put_comment(Fmt *f, const Comment *c)
{
    uint32_t hi = c->span.hi;
    while (hi > c->span.lo && (f->src[hi - 1] == ' ' || f->src[hi - 1] == '\t' ||
                               f->src[hi - 1] == '\r'))
        hi--;
    buf_put(f->out, f->src + c->span.lo, hi - c->span.lo);
}

static void put_indent(Fmt *f, int n)
{
    for (int i = 0; i < n; i++)
        buf_putc(f->out, ' ');
}

static bool out_ends_with_space(const Fmt *f)
{
    return f->out->len > 0 &&
           (f->out->data[f->out->len - 1] == ' ' || f->out->data[f->out->len - 1] == '\n');
}

/* What separates two tokens of one statement, the first ending at `a`
 * and the next starting at `b`: the comments between them, and a line
 * break (indented to `cont`) where the source had one; otherwise one
 * space or none.  `join` asks to drop a source line break that has no
 * comment (before `,` and `)`, where it can only be inside parentheses). */
static void gap(Fmt *f, uint32_t a, uint32_t b, bool space, int cont, bool join)
{
    uint32_t pos = a;
    bool broke = false;
    for (int i = comment_at(f, a); i < f->ncm && f->cm[i].span.lo < b; i++) {
        const Comment *c = &f->cm[i];
        if (has_newline(f, pos, c->span.lo)) {
            buf_putc(f->out, '\n');
            put_indent(f, cont);
        } else if (!out_ends_with_space(f)) {
            buf_putc(f->out, ' ');
        }
        put_comment(f, c);
        pos = c->span.hi;
        broke = true;   /* a comment runs to the end of the line */
    }
    if (broke || (!join && has_newline(f, pos, b))) {
        buf_putc(f->out, '\n');
        put_indent(f, cont);
    } else if (space) {
        buf_putc(f->out, ' ');
    }
}

/* ---- arguments -------------------------------------------------------- */

static void put_span(Fmt *f, Span s)
{
    buf_put(f->out, f->src + s.lo, s.hi - s.lo);
}

/* `- 3` (a negative number written with a space) prints as `-3`. */
static void put_arg_token(Fmt *f, const Arg *a)
{
    const char *p = f->src + a->span.lo;
    size_t n = a->span.hi - a->span.lo;
    if ((a->kind == ARG_NUMBER || a->kind == ARG_PERCENT) && n > 1 && p[0] == '-' &&
        !memchr(p, '#', n)) {
        buf_putc(f->out, '-');
        for (size_t i = 1; i < n; i++)
            if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
                buf_putc(f->out, p[i]);
        return;
    }
    buf_put(f->out, p, n);
}

static void put_args(Fmt *f, const ArgList *args, uint32_t *pos, bool first_space, int cont);

static void put_arg(Fmt *f, const Arg *a, uint32_t *pos, int cont)
{
    if (a->kind != ARG_GROUP) {
        put_arg_token(f, a);
        *pos = a->span.hi;
        return;
    }
    buf_putc(f->out, '(');
    *pos = a->span.lo + 1;
    put_args(f, a->group, pos, false, cont);
    gap(f, *pos, a->span.hi - 1, false, cont, true);
    buf_putc(f->out, ')');
    *pos = a->span.hi;
}

/* Arguments after the token that ended at *pos.  `first_space`: whether
 * the first argument is preceded by a space (not right after `(`). */
static void put_args(Fmt *f, const ArgList *args, uint32_t *pos, bool first_space, int cont)
{
    const Arg *prev = NULL;
    for (int i = 0; i < args->n; i++) {
        const Arg *a = &args->v[i];
        bool space = prev ? true : first_space;
        if (a->kind == ARG_COMMA)
            space = false;
        /* A call-like `name(...)`: keep the `(` against the name, as the
         * scanner tells a function name by it. */
        if (a->kind == ARG_GROUP && prev && prev->kind == ARG_IDENT && prev->span.hi == a->span.lo)
            space = false;
        gap(f, *pos, a->span.lo, space, cont, a->kind == ARG_COMMA);
        put_arg(f, a, pos, cont);
        prev = a;
    }
}

/* ---- expressions: reprinted from their tokens ---------------------------- */

typedef enum TokKind { TK_NONE, TK_NAME, TK_WORDOP, TK_NUM, TK_OP, TK_LP, TK_RP, TK_COMMA, TK_OTHER } TokKind;

typedef struct Tok {
    TokKind kind;
    uint32_t lo, hi;
} Tok;

static bool is_idstart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static uint32_t scan_digits(const Fmt *f, uint32_t i, uint32_t end)
{
    /* {DIGITS} = [0-9]+(_[0-9]+)* */
    while (i < end && is_digit(f->src[i]))
        i++;
    while (i + 1 < end && f->src[i] == '_' && is_digit(f->src[i + 1])) {
        i++;
        while (i < end && is_digit(f->src[i]))
            i++;
    }
    return i;
}

/* The next token at or after `i`, skipping blanks and comments, the way
 * grammar/lexer.l reads an expression. */
static Tok next_tok(const Fmt *f, uint32_t i, uint32_t end)
{
    const char *s = f->src;
    for (;;) {
        while (i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
            i++;
        if (i < end && s[i] == '#') {
            while (i < end && s[i] != '\n')
                i++;
            continue;
        }
        break;
    }
    Tok t = {TK_NONE, i, i};
    if (i >= end)
        return t;
    char c = s[i];
    if (is_idstart(c)) {
        uint32_t j = i + 1;
        while (j < end && (is_idstart(s[j]) || is_digit(s[j])))
            j++;
        if (j + 1 < end && s[j] == '.' && is_idstart(s[j + 1])) {
            j++;
            while (j < end && (is_idstart(s[j]) || is_digit(s[j])))
                j++;
        }
        t.kind = TK_NAME;
        t.hi = j;
        size_t n = j - i;
        if ((n == 3 && memcmp(s + i, "and", 3) == 0) || (n == 2 && memcmp(s + i, "or", 2) == 0) ||
            (n == 3 && memcmp(s + i, "not", 3) == 0))
            t.kind = TK_WORDOP;
        return t;
    }
    if (is_digit(c)) {
        uint32_t j = scan_digits(f, i, end);
        if (j + 1 < end && s[j] == '.' && is_digit(s[j + 1]))
            j = scan_digits(f, j + 1, end);
        if (j < end && (s[j] == 'e' || s[j] == 'E')) {
            uint32_t k = j + 1;
            if (k < end && (s[k] == '+' || s[k] == '-'))
                k++;
            if (k < end && is_digit(s[k])) {
                while (k < end && is_digit(s[k]))
                    k++;
                j = k;
            }
        }
        if (j < end && s[j] == '%')
            j++;
        t.kind = TK_NUM;
        t.hi = j;
        return t;
    }
    t.hi = i + 1;
    switch (c) {
    case '(': t.kind = TK_LP; return t;
    case ')': t.kind = TK_RP; return t;
    case ',': t.kind = TK_COMMA; return t;
    case '<': case '>': case '=': case '!':
        if (i + 1 < end && s[i + 1] == '=')
            t.hi = i + 2;
        t.kind = TK_OP;
        return t;
    case '-':
        if (i + 1 < end && s[i + 1] == '>')
            t.hi = i + 2;
        t.kind = TK_OP;
        return t;
    case '+': case '*': case '/':
        t.kind = TK_OP;
        return t;
    default:
        t.kind = TK_OTHER;
        return t;
    }
}

static bool is_unary_minus(const Fmt *f, Tok prev, Tok t)
{
    if (t.kind != TK_OP || t.hi - t.lo != 1 || f->src[t.lo] != '-')
        return false;
    return prev.kind == TK_NONE || prev.kind == TK_OP || prev.kind == TK_WORDOP ||
           prev.kind == TK_LP || prev.kind == TK_COMMA;
}

/* The expression of `requires` / `formula`: every token from after the
 * head to the end of the statement, with spaces around operators. */
static void put_expr(Fmt *f, const Stmt *st, uint32_t *pos, int cont)
{
    uint32_t end = st->span.hi;
    Tok prev = {TK_NONE, 0, 0};
    bool prev_unary = false;
    for (;;) {
        Tok t = next_tok(f, *pos, end);
        if (t.kind == TK_NONE)
            break;
        bool space = true;
        if (t.kind == TK_RP || t.kind == TK_COMMA || prev.kind == TK_LP || prev_unary)
            space = false;
        else if (t.kind == TK_LP && (prev.kind == TK_NAME || prev.kind == TK_WORDOP) &&
                 prev.hi == t.lo)
            space = false;      /* a call: the scanner needs the `(` against the name */
        gap(f, *pos, t.lo, space, cont, t.kind == TK_RP || t.kind == TK_COMMA);
        buf_put(f->out, f->src + t.lo, t.hi - t.lo);
        *pos = t.hi;
        prev_unary = is_unary_minus(f, prev, t);
        prev = t;
    }
}

/* ---- statements and bodies ----------------------------------------------- */

static void put_body(Fmt *f, const StmtList *body, int indent, uint32_t lo, uint32_t hi, bool top);

static bool ends_with_comma(const Stmt *st)
{
    return st->kind == ST_GENERIC && !st->has_block && st->args.n > 0 &&
           st->args.v[st->args.n - 1].kind == ARG_COMMA;
}

static void put_stmt(Fmt *f, const Stmt *st, int indent)
{
    put_span(f, ast_head_span(st));
    uint32_t pos = ast_head_span(st).hi;
    /* A list statement (`female, male, other` in a dimension) continues
     * at its own indentation; others four columns further. */
    bool list = st->args.n > 0 && st->args.v[0].kind == ARG_COMMA;
    int cont = list ? indent : indent + 4;
    if (st->kind == ST_GENERIC)
        put_args(f, &st->args, &pos, true, cont);
    else
        put_expr(f, st, &pos, cont);
    if (!st->has_block)
        return;
    uint32_t lo = st->block_lo + 1, hi = st->span.hi - 1;
    gap(f, pos, st->block_lo, true, cont, false);
    buf_putc(f->out, '{');
    bool comments = comments_in(f, lo, hi);
    if (ast_block(st)->n == 0 && !comments) {
        buf_putc(f->out, '}');
    } else if (ast_block(st)->n == 1 && !comments && !has_newline(f, st->block_lo, st->span.hi)) {
        buf_putc(f->out, ' ');
        put_stmt(f, ast_block(st)->v[0], indent + 2);
        buf_puts(f->out, " }");
    } else {
        put_body(f, ast_block(st), indent + 2, lo, hi, false);
        buf_putc(f->out, '\n');
        put_indent(f, indent);
        buf_putc(f->out, '}');
    }
}

/* A statement printed on its own, to know whether it spans several lines
 * before the blank line in front of it is decided. */
typedef struct Rendered {
    Buf text;
    bool multiline;
} Rendered;

static void render(Fmt *f, const Stmt *st, int indent, Rendered *r)
{
    Buf *saved = f->out;
    buf_init(&r->text);
    f->out = &r->text;
    put_stmt(f, st, indent);
    f->out = saved;
    r->multiline = r->text.len > 0 && memchr(r->text.data, '\n', r->text.len) != NULL;
}

/* The statements of a body and the comments between them (those inside a
 * statement are printed with it).  `lo`..`hi` is the body's source range:
 * the whole file, or the inside of a block's braces. */
static void put_body(Fmt *f, const StmtList *body, int indent, uint32_t lo, uint32_t hi, bool top)
{
    uint32_t pos = lo;          /* source end of the last item printed */
    bool first = true;
    /* At the top level: a declaration that spans several lines, with the
     * comments just above it, is set off by a blank line. */
    bool prev_multi = false;    /* the last top-level statement printed */
    bool after_stmt = false;    /* the last item printed was a statement */
    int ci = comment_at(f, lo);
    for (int i = 0; i <= body->n; i++) {
        uint32_t next_lo = i < body->n ? body->v[i]->span.lo : hi;
        Rendered r = {0};
        bool have_r = false;
        if (i < body->n) {
            render(f, body->v[i], indent, &r);
            have_r = true;
        }
        while (ci < f->ncm && f->cm[ci].span.lo < next_lo) {
            const Comment *c = &f->cm[ci];
            if ((!top || !first) && !has_newline(f, pos, c->span.lo)) {
                buf_putc(f->out, ' ');      /* a trailing comment */
            } else {
                bool blank;
                if (first)
                    blank = false;
                else if (top && after_stmt)
                    blank = prev_multi || (have_r && r.multiline) || blank_between(f, pos, c->span.lo);
                else
                    blank = blank_between(f, pos, c->span.lo);
                if (!(top && first))
                    buf_putc(f->out, '\n');
                if (blank)
                    buf_putc(f->out, '\n');
                put_indent(f, indent);
                after_stmt = false;
            }
            put_comment(f, c);
            pos = c->span.hi;
            first = false;
            ci++;
        }
        if (i == body->n)
            break;
        const Stmt *st = body->v[i];
        bool blank;
        if (first)
            blank = false;
        else if (top && after_stmt)
            blank = prev_multi || r.multiline || blank_between(f, pos, st->span.lo);
        else
            blank = blank_between(f, pos, st->span.lo);
        if (!(top && first))
            buf_putc(f->out, '\n');
        if (blank)
            buf_putc(f->out, '\n');
        put_indent(f, indent);
        buf_put(f->out, r.text.data, r.text.len);
        buf_free(&r.text);
        if (ends_with_comma(st) && i + 1 < body->n)
            buf_putc(f->out, ';');
        pos = st->span.hi;
        first = false;
        after_stmt = true;
        prev_multi = r.multiline;
        ci = comment_at(f, pos);
    }
    if (top && !first)
        buf_putc(f->out, '\n');
}

void fmt_ast(const SrcFile *src, const Ast *ast, Buf *out)
{
    Fmt f = {src->text, src->len, ast->comments.v, ast->comments.n, out};
    put_body(&f, &ast->top, 0, 0, (uint32_t)src->len, true);
}

/* ---- comparing trees ------------------------------------------------------ */

static bool same_str(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static bool same_num(double a, double b)
{
    return a == b || (isnan(a) && isnan(b));
}

static bool same_args(const ArgList *a, const ArgList *b)
{
    if (a->n != b->n)
        return false;
    for (int i = 0; i < a->n; i++) {
        const Arg *x = &a->v[i], *y = &b->v[i];
        if (x->kind != y->kind || x->bad != y->bad)
            return false;
        /* An argument holds the one value of its kind (ast.h). */
        switch ((ArgKind)x->kind) {
        case ARG_IDENT:
        case ARG_STRING:
            if (!same_str(x->text, y->text))
                return false;
            break;
        case ARG_NUMBER:
        case ARG_PERCENT:
        case ARG_TIME:
            if (!same_num(x->num, y->num))
                return false;
            break;
        case ARG_DATE:
            if (x->date != y->date)
                return false;
            break;
        case ARG_GROUP:
            if (!same_args(x->group, y->group))
                return false;
            break;
        case ARG_COMMA:
        case ARG_ARROW:
            break;
        }
    }
    return true;
}

static bool same_expr(const Expr *a, const Expr *b)
{
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind || !same_num(a->num, b->num) || !same_str(a->name, b->name) ||
        a->args.n != b->args.n)
        return false;
    if (a->kind == EX_BINARY && a->op != b->op)
        return false;
    if (!same_expr(a->l, b->l) || !same_expr(a->r, b->r))
        return false;
    for (int i = 0; i < a->args.n; i++)
        if (!same_expr(a->args.v[i], b->args.v[i]))
            return false;
    return true;
}

static bool same_stmts(const StmtList *a, const StmtList *b)
{
    if (a->n != b->n)
        return false;
    for (int i = 0; i < a->n; i++) {
        const Stmt *x = a->v[i], *y = b->v[i];
        if (x->kind != y->kind || !same_str(x->head, y->head) || x->has_block != y->has_block ||
            !same_args(&x->args, &y->args) ||
            (x->kind != ST_GENERIC && !same_expr(x->expr, y->expr)) ||
            !same_stmts(ast_block(x), ast_block(y)))
            return false;
    }
    return true;
}

static void comment_text(const SrcFile *s, const Comment *c, const char **p, size_t *n)
{
    uint32_t hi = c->span.hi;
    while (hi > c->span.lo && (s->text[hi - 1] == ' ' || s->text[hi - 1] == '\t' ||
                               s->text[hi - 1] == '\r'))
        hi--;
    *p = s->text + c->span.lo;
    *n = hi - c->span.lo;
}

bool fmt_same_tree(const SrcFile *sa, const Ast *a, const SrcFile *sb, const Ast *b)
{
    if (!same_stmts(&a->top, &b->top) || a->comments.n != b->comments.n)
        return false;
    for (int i = 0; i < a->comments.n; i++) {
        const char *p, *q;
        size_t n, m;
        comment_text(sa, &a->comments.v[i], &p, &n);
        comment_text(sb, &b->comments.v[i], &q, &m);
        if (n != m || memcmp(p, q, n) != 0)
            return false;
    }
    return true;
}

FmtStatus fmt_file(SrcMgr *sm, Diag *d, uint32_t id, Buf *out)
{
    Ast *ast = ast_parse(sm->arena, d, id);
    if (ast->syntax_errors)
        return FMT_SYNTAX_ERRORS;
    fmt_ast(sm->files.v[id], ast, out);
    Diag d2;
    diag_init(&d2, sm->arena, sm);
    uint32_t id2 = src_add(sm, sm->files.v[id]->display, out->data ? out->data : "", out->len);
    Ast *again = ast_parse(sm->arena, &d2, id2);
    if (again->syntax_errors || !fmt_same_tree(sm->files.v[id], ast, sm->files.v[id2], again))
        return FMT_WOULD_CHANGE;
    return FMT_FORMATTED;
}
