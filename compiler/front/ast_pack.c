/* ast_pack.c - a syntax tree written as bytes and read back (ast_pack_).
 *
 * Layout (a varint is LEB128, at most 10 bytes; a span is varint lo + 1
 * and varint hi - lo, or varint 0 for the span of no file {0,0,0}; a
 * string is varint 0 for NULL or k for the k-th of the table):
 *
 *   u8 version (1), varint nstrings, nstrings x (varint length, bytes),
 *   varint ncomments, ncomments x span,
 *   varint nstatements, the top-level statements
 *
 *   statement: u8 kind | has_block << 2, span, varint head_len,
 *              varint block_lo, string head (GENERIC only), args,
 *              expression (REQUIRES and FORMULA only; u8 0 for none),
 *              varint n, n statements of the block
 *   args:      varint n, n x (u8 kind | bad << 4, span, and by kind:
 *              IDENT and STRING a string, NUMBER, PERCENT and TIME a
 *              double (8 bytes), DATE a zigzag varint, GROUP args)
 *   expression: u8 kind + 1 (0: none), u8 op, u8 paren, span, double
 *              num, string lit, string name, span name_span,
 *              expression l, expression r, varint n, n expressions
 *
 * Reading checks every length against what is left and the nesting
 * against a limit, so damaged bytes give NULL, never a crash; the payload
 * that carries them is hashed besides (bundle.h). */
#include "ast_pack.h"

#include <string.h>

#include "hmap.h"

#define PACK_VERSION 1
#define PACK_MAX_DEPTH 4096     /* well past the parser's own limits (scan.h) */

/* ---- writing -------------------------------------------------------------------- */

typedef struct Pk {
    Buf body;               /* everything after the string table */
    HMap strs;              /* text -> its number in the table, from 1 */
    VEC(const char *) list;
    Arena *a;
    uint32_t file;
    bool bad;
} Pk;

static void put_var(Buf *b, uint64_t v)
{
    unsigned char x[10];
    int n = 0;
    do {
        x[n] = (unsigned char)(v & 0x7f);
        v >>= 7;
        if (v)
            x[n] |= 0x80;
        n++;
    } while (v);
    buf_put(b, x, (size_t)n);
}

static void put_double(Buf *b, double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    unsigned char x[8];
    for (int i = 0; i < 8; i++)
        x[i] = (unsigned char)(u >> (8 * i));
    buf_put(b, x, 8);
}

static void put_span(Pk *k, Span s)
{
    if (s.file == k->file && s.hi >= s.lo) {
        put_var(&k->body, (uint64_t)s.lo + 1);
        put_var(&k->body, s.hi - s.lo);
    } else if (s.file == 0 && s.lo == 0 && s.hi == 0) {
        put_var(&k->body, 0);
    } else {
        k->bad = true;
    }
}

static void put_text(Pk *k, const char *s)
{
    if (!s) {
        put_var(&k->body, 0);
        return;
    }
    size_t n = strlen(s);
    int at = hmap_str_get(&k->strs, s, n);
    if (at < 0) {
        VEC_PUSH(k->a, k->list, s);
        at = k->list.n;
        hmap_str_put(&k->strs, s, n, at);
    }
    put_var(&k->body, (uint64_t)at);
}

static void put_args(Pk *k, const ArgList *l);

static void put_arg(Pk *k, const Arg *g)
{
    buf_putc(&k->body, (char)(g->kind | (g->bad ? 1u << 4 : 0)));
    put_span(k, g->span);
    switch ((ArgKind)g->kind) {
    case ARG_IDENT:
    case ARG_STRING:
        put_text(k, g->text);
        break;
    case ARG_NUMBER:
    case ARG_PERCENT:
    case ARG_TIME:
        put_double(&k->body, g->num);
        break;
    case ARG_DATE:
        put_var(&k->body, (uint64_t)(((uint32_t)g->date << 1) ^ (uint32_t)(g->date >> 31)));
        break;
    case ARG_GROUP:
        put_args(k, g->group);
        break;
    case ARG_COMMA:
    case ARG_ARROW:
        break;
    }
}

static void put_args(Pk *k, const ArgList *l)
{
    put_var(&k->body, (uint64_t)l->n);
    for (int i = 0; i < l->n; i++)
        put_arg(k, &l->v[i]);
}

static void put_expr(Pk *k, const Expr *e)
{
    if (!e) {
        buf_putc(&k->body, 0);
        return;
    }
    buf_putc(&k->body, (char)(e->kind + 1));
    buf_putc(&k->body, (char)e->op);
    buf_putc(&k->body, (char)e->paren);
    put_span(k, e->span);
    put_double(&k->body, e->num);
    put_text(k, e->lit);
    put_text(k, e->name);
    put_span(k, e->name_span);
    put_expr(k, e->l);
    put_expr(k, e->r);
    put_var(&k->body, (uint64_t)e->args.n);
    for (int i = 0; i < e->args.n; i++)
        put_expr(k, e->args.v[i]);
}

static void put_stmt(Pk *k, const Stmt *st)
{
    buf_putc(&k->body, (char)(st->kind | (st->has_block ? 1u << 2 : 0)));
    put_span(k, st->span);
    put_var(&k->body, st->head_len);
    put_var(&k->body, st->has_block ? st->block_lo : 0);
    if (st->kind == ST_GENERIC)
        put_text(k, st->head);
    put_args(k, &st->args);
    if (st->kind != ST_GENERIC)
        put_expr(k, st->expr);
    put_var(&k->body, (uint64_t)ast_block(st)->n);
    for (int i = 0; i < ast_block(st)->n; i++)
        put_stmt(k, ast_block(st)->v[i]);
}

bool ast_pack(const Ast *ast, Buf *out)
{
    if (ast->syntax_errors)
        return false;
    Pk k = {0};
    k.a = arena_new();
    k.file = ast->file;
    buf_init(&k.body);
    hmap_init_str(&k.strs, k.a, 1024, true);
    put_var(&k.body, (uint64_t)ast->comments.n);
    for (int i = 0; i < ast->comments.n; i++)
        put_span(&k, ast->comments.v[i].span);
    put_var(&k.body, (uint64_t)ast->top.n);
    for (int i = 0; i < ast->top.n; i++)
        put_stmt(&k, ast->top.v[i]);
    if (!k.bad) {
        buf_putc(out, PACK_VERSION);
        put_var(out, (uint64_t)k.list.n);
        for (int i = 0; i < k.list.n; i++) {
            size_t n = strlen(k.list.v[i]);
            put_var(out, n);
            buf_put(out, k.list.v[i], n);
        }
        buf_put(out, k.body.data, k.body.len);
    }
    hmap_free(&k.strs);
    buf_free(&k.body);
    arena_free(k.a);
    return !k.bad;
}

/* ---- reading -------------------------------------------------------------------- */

typedef struct Un {
    const unsigned char *p, *end;
    Arena *a;
    uint32_t file;
    const char **strs;      /* the table, interned */
    uint64_t nstrs;
    int depth;
    bool bad;
} Un;

static uint64_t get_var(Un *u)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (u->p >= u->end) {
            u->bad = true;
            return 0;
        }
        unsigned c = *u->p++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            return v;
    }
    u->bad = true;
    return 0;
}

/* A varint that must fit in 32 bits. */
static uint32_t get_u32(Un *u)
{
    uint64_t v = get_var(u);
    if (v > UINT32_MAX)
        u->bad = true;
    return (uint32_t)v;
}

static unsigned get_byte(Un *u)
{
    if (u->p >= u->end) {
        u->bad = true;
        return 0;
    }
    return *u->p++;
}

static double get_double(Un *u)
{
    if (u->end - u->p < 8) {
        u->bad = true;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | u->p[i];
    u->p += 8;
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}

static Span get_span(Un *u)
{
    uint64_t lo = get_var(u);
    if (lo == 0)
        return (Span){0, 0, 0};
    uint64_t len = get_var(u);
    if (lo - 1 + len > UINT32_MAX) {
        u->bad = true;
        return (Span){0, 0, 0};
    }
    return (Span){u->file, (uint32_t)(lo - 1), (uint32_t)(lo - 1 + len)};
}

static const char *get_text(Un *u)
{
    uint64_t k = get_var(u);
    if (k > u->nstrs) {
        u->bad = true;
        return NULL;
    }
    return k ? u->strs[k - 1] : NULL;
}

/* A count of items each at least `least` bytes long: no more than the
 * bytes left can hold (so a damaged count cannot ask for much memory). */
static int get_count(Un *u, size_t least)
{
    uint64_t n = get_var(u);
    if (n > (uint64_t)(u->end - u->p) / least || n > INT32_MAX) {
        u->bad = true;
        return 0;
    }
    return (int)n;
}

/* A list of n pointers at its exact size, as the parser leaves lists
 * (ArgList and StmtList have no capacity; an ExprList's is its count). */
#define GET_LIST(u, l, count)                                              \
    do {                                                                   \
        (l).n = (count);                                                   \
        (l).v = (count) ? arena_alloc((u)->a, sizeof *(l).v * (size_t)(count)) : NULL; \
    } while (0)

static bool enter(Un *u)
{
    if (u->bad || ++u->depth > PACK_MAX_DEPTH) {
        u->bad = true;
        return false;
    }
    return true;
}

static void get_args(Un *u, ArgList *l);

/* Reads an argument into g, an item of its list (zeroed). */
static void get_arg(Un *u, Arg *g)
{
    unsigned c = get_byte(u);
    g->kind = (uint8_t)(c & 15);
    g->bad = (c >> 4) & 1;
    g->span = get_span(u);
    switch ((ArgKind)g->kind) {
    case ARG_IDENT:
    case ARG_STRING:
        g->text = get_text(u);
        if (!g->text)
            u->bad = true;
        break;
    case ARG_NUMBER:
    case ARG_PERCENT:
    case ARG_TIME:
        g->num = get_double(u);
        break;
    case ARG_DATE: {
        uint32_t z = get_u32(u);
        g->date = (int32_t)((z >> 1) ^ (0u - (z & 1)));
        break;
    }
    case ARG_GROUP:
        if (enter(u)) {
            g->group = arena_alloc(u->a, sizeof *g->group);
            get_args(u, g->group);
            u->depth--;
        }
        break;
    case ARG_COMMA:
    case ARG_ARROW:
        break;
    default:
        u->bad = true;
    }
}

static void get_args(Un *u, ArgList *l)
{
    int n = get_count(u, 2);
    GET_LIST(u, *l, n);
    for (int i = 0; i < n && !u->bad; i++)
        get_arg(u, &l->v[i]);
}

static Expr *get_expr(Un *u)
{
    unsigned kind = get_byte(u);
    if (kind == 0 || u->bad)
        return NULL;
    if (kind - 1 > EX_NEG || !enter(u)) {
        u->bad = true;
        return NULL;
    }
    Expr *e = arena_alloc(u->a, sizeof *e);
    e->kind = (ExprKind)(kind - 1);
    unsigned op = get_byte(u);
    if (op > OP_OR)
        u->bad = true;
    e->op = (ExprOp)op;
    e->paren = get_byte(u) != 0;
    e->span = get_span(u);
    e->num = get_double(u);
    e->lit = get_text(u);
    e->name = get_text(u);
    e->name_span = get_span(u);
    e->l = get_expr(u);
    e->r = get_expr(u);
    int n = get_count(u, 1);
    GET_LIST(u, e->args, n);
    e->args.cap = n;
    for (int i = 0; i < n && !u->bad; i++)
        e->args.v[i] = get_expr(u);
    u->depth--;
    return e;
}

static Stmt *get_stmt(Un *u)
{
    if (!enter(u))
        return NULL;
    Stmt *st = arena_alloc(u->a, sizeof *st);
    unsigned c = get_byte(u);
    st->kind = (uint8_t)(c & 3);
    st->has_block = (c >> 2) & 1;
    if (st->kind > ST_FORMULA)
        u->bad = true;
    st->span = get_span(u);
    st->head_len = get_u32(u);
    st->block_lo = get_u32(u);
    if (st->kind == ST_GENERIC) {
        st->head = get_text(u);
        if (!st->head)
            u->bad = true;
    } else {
        st->head = st->kind == ST_REQUIRES ? "requires" : "formula";
    }
    get_args(u, &st->args);
    if (st->kind != ST_GENERIC)
        st->expr = get_expr(u);
    int n = get_count(u, 5);
    if (n && !st->has_block)
        u->bad = true;     /* a block's statements with no block */
    GET_LIST(u, st->block_list, n);
    for (int i = 0; i < n && !u->bad; i++)
        st->block_list.v[i] = get_stmt(u);
    u->depth--;
    return st;
}

Ast *ast_unpack(Arena *a, uint32_t file, const void *bytes, size_t n)
{
    Un u = {bytes, (const unsigned char *)bytes + n, a, file, NULL, 0, 0, false};
    if (get_byte(&u) != PACK_VERSION)
        return NULL;
    int ns = get_count(&u, 1);
    u.nstrs = (uint64_t)ns;
    u.strs = arena_alloc(a, sizeof *u.strs * (size_t)(ns ? ns : 1));
    /* One intern per distinct name or string (a name must be interned,
     * and a string costs no more), where the scanner interns one per
     * occurrence of a name. */
    arena_reserve_names(a, ns);
    for (int i = 0; i < ns && !u.bad; i++) {
        uint64_t len = get_var(&u);
        if (len > (uint64_t)(u.end - u.p)) {
            u.bad = true;
            break;
        }
        u.strs[i] = arena_intern(a, (const char *)u.p, (size_t)len);
        u.p += len;
    }
    Ast *ast = arena_alloc(a, sizeof *ast);
    ast->file = file;
    int nc = get_count(&u, 1);
    if (nc > 0) {
        ast->comments.v = arena_alloc(a, sizeof *ast->comments.v * (size_t)nc);
        ast->comments.n = ast->comments.cap = nc;
    }
    for (int i = 0; i < nc && !u.bad; i++)
        ast->comments.v[i].span = get_span(&u);
    int nt = get_count(&u, 5);
    GET_LIST(&u, ast->top, nt);
    for (int i = 0; i < nt && !u.bad; i++)
        ast->top.v[i] = get_stmt(&u);
    return u.bad || u.p != u.end ? NULL : ast;
}
