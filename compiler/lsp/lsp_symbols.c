/* lsp_symbols.c - the structure of the documents: the outline
 * (textDocument/documentSymbol), the declarations of every open document
 * by name (workspace/symbol) and folding ranges
 * (textDocument/foldingRange). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lsp_int.h"

/* The protocol's SymbolKind for each kind of declaration. */
static int symbol_kind(DeclKind k)
{
    static const int kinds[K_COUNT] = {
        [K_AGREEMENT] = 2,  [K_PARTNER] = 5,  [K_GOAL] = 24,     [K_INDICATOR] = 7,
        [K_ACTIVITY] = 12,  [K_MILESTONE] = 20, [K_NEED] = 11,   [K_DIMENSION] = 10,
        [K_UNIT] = 14,      [K_SECTOR] = 22,  [K_LEVEL] = 22,    [K_BACKBONE_FN] = 6,
        [K_PHASE] = 22,     [K_EXTERN] = 12,  [K_NAMESPACE] = 3,
    };
    return kinds[k];
}

static json_t *symbol(const Compilation *c, const Decl *d)
{
    json_t *j = json_pack("{s:o,s:i,s:o,s:o}", "name", lsp_str(d->id), "kind",
                          symbol_kind(d->kind), "range", lsp_range(&c->sm, d->span),
                          "selectionRange", lsp_range(&c->sm, d->id_span));
    if (d->title)
        json_object_set_new(j, "detail", lsp_str(d->title));
    return j;
}

/* The declarations of the document, grouped by kind in the order of
 * DeclKind, each group a symbol whose children are in source order. */
json_t *lsp_symbols(Lsp *s, json_t *params, LspErr *e)
{
    (void)e;
    LspDoc *doc = lsp_param_doc(s, params);
    json_t *out = json_array();
    if (!doc)
        return out;
    Compilation *c = lsp_compile(s, doc);
    for (int k = 0; k < K_COUNT; k++) {
        json_t *children = json_array();
        Span all = SPAN_NONE, first = SPAN_NONE;
        for (int i = 0; i < c->decls.n; i++) {
            const Decl *d = c->decls.v[i];
            if (d->kind != (DeclKind)k || d->id_span.file != c->root_file)
                continue;
            if (all.file == NO_FILE) {
                all = d->span;
                first = d->id_span;
            }
            all.lo = d->span.lo < all.lo ? d->span.lo : all.lo;
            all.hi = d->span.hi > all.hi ? d->span.hi : all.hi;
            json_array_append_new(children, symbol(c, d));
        }
        if (json_array_size(children) == 0) {
            json_decref(children);
            continue;
        }
        char name[64];
        snprintf(name, sizeof name, "%s (%zu)", decl_kind_name((DeclKind)k),
                 json_array_size(children));
        json_array_append_new(out, json_pack("{s:s,s:i,s:o,s:o,s:o}", "name", name, "kind", 3,
                                             "range", lsp_range(&c->sm, all), "selectionRange",
                                             lsp_range(&c->sm, first), "children", children));
    }
    return out;
}

/* Whether `name` contains `query`, ignoring ASCII case (an empty query
 * matches everything, as the protocol asks). */
static bool matches(const char *name, const char *query)
{
    size_t n = strlen(query);
    for (const char *p = name; strlen(p) >= n; p++)
        if (strncasecmp(p, query, n) == 0)
            return true;
    return false;
}

/* Every declaration of the open documents whose id contains the query,
 * each once (a file used by two documents is in both compilations). */
json_t *lsp_workspace_symbols(Lsp *s, json_t *params, LspErr *e)
{
    (void)e;
    const char *query = json_string_value(json_object_get(params, "query"));
    json_t *out = json_array();
    for (int i = 0; i < s->ndocs; i++) {
        Compilation *c = lsp_compile(s, s->docs[i]);
        for (int k = 0; k < c->decls.n; k++) {
            const Decl *d = c->decls.v[k];
            if (d->is_std || !matches(d->id, query ? query : ""))
                continue;
            json_t *loc = lsp_location(s, c, d->id_span);
            if (!loc)
                continue;
            json_t *sym = json_pack("{s:o,s:i,s:o,s:s}", "name", lsp_str(d->id), "kind",
                                    symbol_kind(d->kind), "location", loc, "containerName",
                                    decl_kind_name(d->kind));
            bool seen = false;
            size_t j;
            json_t *v;
            json_array_foreach(out, j, v) {
                seen = seen || json_equal(v, sym);
            }
            if (seen)
                json_decref(sym);
            else
                json_array_append_new(out, sym);
        }
    }
    return out;
}

/* ---- folding -------------------------------------------------------- */

static int line_of(const SrcMgr *sm, uint32_t file, uint32_t off)
{
    int line, col;
    src_linecol(sm, (Span){file, off, off}, &line, &col);
    return line - 1;
}

static void fold(json_t *out, int start, int end, const char *kind)
{
    if (end <= start)
        return;
    json_t *r = json_pack("{s:i,s:i}", "startLine", start, "endLine", end);
    if (kind)
        json_object_set_new(r, "kind", json_string(kind));
    json_array_append_new(out, r);
}

/* Each block from its `{` to the line before its `}` (which stays in
 * view), and each string that spans lines (a `"""` block). */
static void fold_stmts(const SrcMgr *sm, uint32_t file, const StmtList *l, json_t *out)
{
    for (int i = 0; i < l->n; i++) {
        const Stmt *st = l->v[i];
        for (int k = 0; k < st->args.n; k++) {
            const Arg *a = &st->args.v[k];
            if (a->kind == ARG_STRING)
                fold(out, line_of(sm, file, a->span.lo), line_of(sm, file, a->span.hi) - 1, NULL);
        }
        if (st->has_block) {
            Span b = ast_block_span(st);
            fold(out, line_of(sm, file, b.lo), line_of(sm, file, b.hi ? b.hi - 1 : 0) - 1, NULL);
            fold_stmts(sm, file, ast_block(st), out);
        }
    }
}

/* Runs of two or more comments, each on a line of its own. */
static void fold_comments(const SrcMgr *sm, const Ast *ast, json_t *out)
{
    const SrcFile *f = sm->files.v[ast->file];
    int start = -1, last = -2;
    for (int i = 0; i <= ast->comments.n; i++) {
        int line = -3;
        bool whole = false;
        if (i < ast->comments.n) {
            uint32_t lo = ast->comments.v[i].span.lo, p = lo;
            while (p > 0 && (f->text[p - 1] == ' ' || f->text[p - 1] == '\t'))
                p--;
            whole = p == 0 || f->text[p - 1] == '\n';
            line = line_of(sm, ast->file, lo);
        }
        if (whole && line == last + 1) {
            last = line;
            continue;
        }
        if (start >= 0)
            fold(out, start, last, "comment");
        start = whole ? line : -1;
        last = whole ? line : -2;
    }
}

json_t *lsp_folding(Lsp *s, json_t *params, LspErr *e)
{
    (void)e;
    LspDoc *doc = lsp_param_doc(s, params);
    json_t *out = json_array();
    if (!doc)
        return out;
    Arena *a = arena_new();
    SrcMgr sm = {a, {0}};
    Diag d;
    diag_init(&d, a, &sm);
    uint32_t id = src_add(&sm, doc->path, doc->text, doc->len);
    Ast *ast = ast_parse(a, &d, id);
    fold_stmts(&sm, id, &ast->top, out);
    fold_comments(&sm, ast, out);
    arena_free(a);
    return out;
}
