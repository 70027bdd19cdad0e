/* lsp_tokens.c - semantic tokens (textDocument/semanticTokens/full): what
 * each name, literal and check name of a document is, so that an editor
 * colours a partner as a partner and a prelude unit as the standard
 * library's, beyond what its grammar can tell from the text alone.
 *
 * Everything comes from the document's kept compilation, nothing from
 * lexing the text again: a declaration's id from Compilation.decls (with
 * the `declaration` modifier), a name from Compilation.refs (typed by the
 * kind of what it resolved to), and strings, numbers, dates and the check
 * names of `allow` from the syntax tree, whose arguments and expressions
 * carry their spans.  A document with syntax errors gets the tokens of
 * the statements that parsed, since the tree keeps them and the resolver
 * runs over them.
 *
 * The protocol wants the tokens sorted, not overlapping, each on one line
 * (the server does not ask for the client's multilineTokenSupport), and
 * encoded relative to the one before: a token of the model that spans
 * lines (a `"""` string) is cut at each line's end; where two tokens
 * overlap (a name resolved twice, in a repeated block), the first one
 * collected wins, and declarations are collected first. */
#include <stdlib.h>
#include <string.h>

#include "checktab.h"
#include "lsp_int.h"

/* The legend's token types, in its order: a token's type is its index. */
enum {
    TT_NAMESPACE, TT_CLASS, TT_STRUCT, TT_INTERFACE, TT_ENUM, TT_ENUM_MEMBER, TT_TYPE,
    TT_EVENT, TT_PROPERTY, TT_FUNCTION, TT_DECORATOR, TT_STRING, TT_NUMBER, TT_DATE,
    TT_COUNT
};

static const char *const type_names[TT_COUNT] = {
    "namespace", "class", "struct", "interface", "enum", "enumMember", "type",
    "event", "property", "function", "decorator", "string", "number",
    "date",     /* not in the protocol's standard set: editors fall back on number */
};

/* The legend's modifiers, as bits of a token's modifier set. */
enum { TM_DECLARATION = 1, TM_DEFAULT_LIBRARY = 2 };
static const char *const modifier_names[] = {"declaration", "defaultLibrary"};

/* The token type of a declaration of kind k and of every name of it:
 * docs/lsp.md has the table. */
static int kind_type(DeclKind k)
{
    switch (k) {
    case K_AGREEMENT:
    case K_NAMESPACE: return TT_NAMESPACE;
    case K_PARTNER: return TT_CLASS;
    case K_CLAUSE: return TT_STRUCT;
    case K_NEED: return TT_INTERFACE;
    case K_DIMENSION: return TT_ENUM;
    case K_UNIT: return TT_TYPE;
    case K_GOAL:
    case K_MILESTONE: return TT_EVENT;
    case K_INDICATOR: return TT_PROPERTY;
    case K_ACTIVITY:
    case K_EXTERN: return TT_FUNCTION;
    case K_SECTOR:
    case K_LEVEL:
    case K_BACKBONE_FN:
    case K_PHASE:
    case K_TOPIC:
    case K_COUNT: break;
    }
    return TT_ENUM_MEMBER;
}

json_t *lsp_tokens_legend(void)
{
    json_t *types = json_array(), *mods = json_array();
    for (int i = 0; i < TT_COUNT; i++)
        json_array_append_new(types, json_string(type_names[i]));
    for (size_t i = 0; i < sizeof modifier_names / sizeof modifier_names[0]; i++)
        json_array_append_new(mods, json_string(modifier_names[i]));
    return json_pack("{s:o,s:o}", "tokenTypes", types, "tokenModifiers", mods);
}

typedef struct Tok {
    uint32_t lo, hi;    /* bytes of the root file */
    int type, mods;
    int seq;            /* the order collected: the first of two overlapping wins */
} Tok;

typedef struct Toks {
    Tok *v;
    int n, cap;
    uint32_t file;      /* the root file: only its spans are tokens */
    bool failed;        /* out of memory: the answer is empty */
} Toks;

static void add(Toks *t, Span sp, int type, int mods)
{
    if (sp.file != t->file || sp.hi <= sp.lo || t->failed)
        return;
    if (t->n == t->cap) {
        int nc = t->cap ? t->cap * 2 : 256;
        Tok *nv = realloc(t->v, sizeof *nv * (size_t)nc);
        if (!nv) {
            t->failed = true;
            return;
        }
        t->v = nv;
        t->cap = nc;
    }
    t->v[t->n] = (Tok){sp.lo, sp.hi, type, mods, t->n};
    t->n++;
}

static void add_expr(Toks *t, const Expr *e)
{
    if (!e)
        return;
    switch (e->kind) {
    case EX_NUMBER:
    case EX_PERCENT:
        add(t, e->span, TT_NUMBER, 0);
        break;
    case EX_QUANTITY:   /* the number as written; its unit is a name (refs) */
        add(t, (Span){e->span.file, e->span.lo, e->span.lo + (uint32_t)strlen(e->lit)},
            TT_NUMBER, 0);
        break;
    case EX_NAME:
    case EX_CALL:       /* names: from refs */
    case EX_BINARY:
    case EX_NOT:
    case EX_NEG:
        break;
    }
    add_expr(t, e->l);
    add_expr(t, e->r);
    for (int i = 0; i < e->args.n; i++)
        add_expr(t, e->args.v[i]);
}

static void add_args(Toks *t, const ArgList *args)
{
    for (int i = 0; i < args->n; i++) {
        const Arg *a = &args->v[i];
        if (a->kind == ARG_STRING)
            add(t, a->span, TT_STRING, 0);
        else if (a->kind == ARG_NUMBER || a->kind == ARG_PERCENT)
            add(t, a->span, TT_NUMBER, 0);
        else if (a->kind == ARG_DATE || a->kind == ARG_TIME)
            add(t, a->span, TT_DATE, 0);
        else if (a->kind == ARG_GROUP)
            add_args(t, a->group);
    }
}

static void add_stmts(Toks *t, const StmtList *list)
{
    for (int i = 0; i < list->n; i++) {
        const Stmt *st = list->v[i];
        if (st->kind != ST_GENERIC) {
            add_expr(t, st->expr);
            continue;
        }
        /* The check name of an `allow`, when there is such a check that
         * can be allowed (an unknown one is a finding, not a token). */
        const Arg *a0 = st->args.n ? &st->args.v[0] : NULL;
        if (strcmp(st->head, "allow") == 0 && a0 && a0->kind == ARG_IDENT) {
            const CheckInfo *ci = check_find(a0->text);
            if (ci && ci->family != CF_LANGUAGE)
                add(t, a0->span, TT_DECORATOR, 0);
        }
        add_args(t, &st->args);
        add_stmts(t, ast_block(st));
    }
}

static int tok_cmp(const void *x, const void *y)
{
    const Tok *a = x, *b = y;
    if (a->lo != b->lo)
        return a->lo < b->lo ? -1 : 1;
    return a->seq - b->seq;
}

/* The encoder's state: the start of the token before, in the protocol's
 * 0-based lines and UTF-16 columns. */
typedef struct Enc {
    json_t *data;
    const SrcMgr *sm;
    uint32_t file;
    int line, col;
} Enc;

/* Appends the five integers of a token on one line: [lo, hi). */
static void put(Enc *e, uint32_t lo, uint32_t hi, const Tok *k)
{
    if (hi <= lo)
        return;
    /* src_linecol_utf16() counts from 1 and goes on from the offset it
     * was last asked about, so tokens taken in order cost one pass. */
    int line, col, hline, hcol;
    src_linecol_utf16(e->sm, (Span){e->file, lo, lo}, &line, &col);
    src_linecol_utf16(e->sm, (Span){e->file, hi, hi}, &hline, &hcol);
    line--;
    col--;
    json_array_append_new(e->data, json_integer(line - e->line));
    json_array_append_new(e->data, json_integer(line == e->line ? col - e->col : col));
    json_array_append_new(e->data, json_integer(hcol - 1 - col));
    json_array_append_new(e->data, json_integer(k->type));
    json_array_append_new(e->data, json_integer(k->mods));
    e->line = line;
    e->col = col;
}

/* Appends a token, cut at each line's end (its "\r\n" or "\n" left out). */
static void put_lines(Enc *e, const char *text, const Tok *k)
{
    uint32_t lo = k->lo;
    for (uint32_t p = k->lo; p < k->hi; p++)
        if (text[p] == '\n') {
            put(e, lo, p > lo && text[p - 1] == '\r' ? p - 1 : p, k);
            lo = p + 1;
        }
    put(e, lo, k->hi, k);
}

json_t *lsp_semantic_tokens(Lsp *s, json_t *params, LspErr *e)
{
    (void)e;
    json_t *data = json_array();
    LspDoc *d = lsp_param_doc(s, params);
    Compilation *c = d ? lsp_compile(s, d) : NULL;
    if (!c || c->root_file >= (uint32_t)c->sm.files.n)
        return json_pack("{s:o}", "data", data);
    Toks t = {.file = c->root_file};
    for (int i = 0; i < c->decls.n; i++) {
        const Decl *dc = c->decls.v[i];
        add(&t, dc->id_span, kind_type(dc->kind),
            TM_DECLARATION | (dc->is_std ? TM_DEFAULT_LIBRARY : 0));
    }
    for (int i = 0; i < c->refs.n; i++) {
        const Decl *dc = c->refs.v[i].decl;
        add(&t, c->refs.v[i].span, kind_type(dc->kind), dc->is_std ? TM_DEFAULT_LIBRARY : 0);
    }
    for (int i = 0; i < c->trees.n; i++)
        if (c->trees.v[i]->file == c->root_file)
            add_stmts(&t, &c->trees.v[i]->top);
    if (!t.failed) {
        qsort(t.v, (size_t)t.n, sizeof *t.v, tok_cmp);
        Enc enc = {data, &c->sm, c->root_file, 0, 0};
        const char *text = c->sm.files.v[c->root_file]->text;
        uint32_t end = 0;   /* the end of the last token put */
        for (int i = 0; i < t.n; i++)
            if (t.v[i].lo >= end) {
                put_lines(&enc, text, &t.v[i]);
                end = t.v[i].hi;
            }
    }
    free(t.v);
    return json_pack("{s:o}", "data", data);
}
