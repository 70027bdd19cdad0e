/* doc_redline.c - the Word redline: the document of the new revision with
 * Word's tracked changes (w:ins, w:del; author "charterc", the fixed time
 * of the file) against the document of the old one.
 *
 * Both documents are built from their models as usual; the redline
 * compares their block trees, never the source text.  The blocks are
 * aligned by a longest common subsequence of their whole content; between
 * two blocks that match, the blocks of the old revision left over are
 * paired in order with those of the new one of the same kind (a heading
 * of the same level, a table of as many columns), and each pair is marked
 * inside: paragraphs and table cells word by word, list items and table
 * rows aligned again, rows or items added or removed whole.  A block
 * without a partner is inserted or deleted whole (the signature blocks
 * always are, when they change).
 *
 * The invariant the tests check: accepting every change leaves exactly
 * the text of the new document, rejecting every change exactly that of
 * the old one.  Everything is allocated in the new document's arena but
 * the alignment tables, which are freed as soon as they are read. */
#include <stdlib.h>
#include <string.h>

#include "doc_docx_int.h"

/* Above this many cells (n x m) an alignment gives up and marks the whole
 * middle as deleted then inserted: still a correct redline. */
#define RL_MAX_CELLS 4000000L

typedef bool (*RlEq)(const void *ctx, int i, int j);

/* Aligns a[0..n) with b[0..m): fills `ops` (at least n + m bytes) with
 * '=' (a match: one of each), '-' (one of a) and '+' (one of b), in order,
 * and returns how many.  Common ends are set aside first; the middle is a
 * dynamic-programming LCS. */
static int rl_align(int n, int m, RlEq eq, const void *ctx, char *ops)
{
    int lo = 0, k = 0;
    while (lo < n && lo < m && eq(ctx, lo, lo))
        lo++;
    int hn = n, hm = m;
    while (hn > lo && hm > lo && eq(ctx, hn - 1, hm - 1)) {
        hn--;
        hm--;
    }
    for (int i = 0; i < lo; i++)
        ops[k++] = '=';
    long rows = hn - lo, cols = hm - lo;
    int *t = NULL;
    if (rows > 0 && cols > 0 && (rows + 1) * (cols + 1) <= RL_MAX_CELLS)
        t = malloc((size_t)((rows + 1) * (cols + 1)) * sizeof *t);
    if (!t) {
        for (int i = lo; i < hn; i++)
            ops[k++] = '-';
        for (int j = lo; j < hm; j++)
            ops[k++] = '+';
    } else {
        /* t[i][j]: the LCS of the suffixes from lo + i and lo + j. */
#define T(i, j) t[(long)(i) * (cols + 1) + (j)]
        for (long i = rows; i >= 0; i--) {
            for (long j = cols; j >= 0; j--) {
                if (i == rows || j == cols)
                    T(i, j) = 0;
                else if (eq(ctx, (int)(lo + i), (int)(lo + j)))
                    T(i, j) = T(i + 1, j + 1) + 1;
                else
                    T(i, j) = T(i + 1, j) >= T(i, j + 1) ? T(i + 1, j) : T(i, j + 1);
            }
        }
        long i = 0, j = 0;
        while (i < rows || j < cols) {
            if (i < rows && j < cols && eq(ctx, (int)(lo + i), (int)(lo + j))) {
                ops[k++] = '=';
                i++;
                j++;
            } else if (j == cols || (i < rows && T(i + 1, j) >= T(i, j + 1))) {
                ops[k++] = '-';
                i++;
            } else {
                ops[k++] = '+';
                j++;
            }
        }
#undef T
        free(t);
    }
    for (int i = hn; i < n; i++)
        ops[k++] = '=';
    return k;
}

/* ---- words ------------------------------------------------------------------ */

typedef struct RlTok {
    DocStyle style;
    const char *s;          /* not NUL-terminated */
    int n;
} RlTok;

typedef VEC(RlTok) RlToks;

/* A text as tokens: words, runs of spaces and line breaks, each with the
 * style of its run. */
static void rl_tokens(Arena *a, const DocText *t, RlToks *out)
{
    for (int i = 0; t && i < t->runs.n; i++) {
        const DocRun *r = &t->runs.v[i];
        if (r->style == DS_BREAK) {
            RlTok k = {DS_BREAK, "", 0};
            VEC_PUSH(a, *out, k);
            continue;
        }
        for (const char *p = r->text; *p;) {
            const char *q = p;
            bool space = *p == ' ';
            while (*q && (*q == ' ') == space)
                q++;
            RlTok k = {r->style, p, (int)(q - p)};
            VEC_PUSH(a, *out, k);
            p = q;
        }
    }
}

typedef struct RlTokPair {
    const RlToks *a, *b;
} RlTokPair;

static bool rl_tok_eq(const void *ctx, int i, int j)
{
    const RlTokPair *p = ctx;
    const RlTok *x = &p->a->v[i], *y = &p->b->v[j];
    return x->style == y->style && x->n == y->n && memcmp(x->s, y->s, (size_t)x->n) == 0;
}

/* Writes tokens [from, to) of `v` as runs marked `mark`, one run per
 * stretch of one style. */
static void rl_emit(Dx *x, const RlToks *v, int from, int to, bool bold, DxMark mark)
{
    Buf text;
    buf_init(&text);
    for (int i = from; i < to;) {
        DocStyle st = v->v[i].style;
        if (st == DS_BREAK) {
            dx_run_of(x, DS_BREAK, bold, false, "", mark);
            i++;
            continue;
        }
        text.len = 0;
        while (i < to && v->v[i].style == st) {
            buf_put(&text, v->v[i].s, (size_t)v->v[i].n);
            i++;
        }
        dx_run_of(x, st, bold, false, buf_cstr(&text), mark);
    }
    buf_free(&text);
}

/* The runs of a paragraph or cell whose text went from `o` to `n`, marked
 * word by word. */
static void rl_words(Dx *x, const DocText *o, const DocText *n, bool bold_o, bool bold_n)
{
    Arena *a = x->d->a;
    RlToks to = {0}, tn = {0};
    rl_tokens(a, o, &to);
    rl_tokens(a, n, &tn);
    char *ops = arena_alloc(a, (size_t)(to.n + tn.n + 1));
    RlTokPair pair = {&to, &tn};
    int nops = rl_align(to.n, tn.n, rl_tok_eq, &pair, ops);
    int i = 0, j = 0;
    for (int k = 0; k < nops;) {
        char op = ops[k];
        int run = 0;
        while (k < nops && ops[k] == op) {
            run++;
            k++;
        }
        if (op == '-') {
            rl_emit(x, &to, i, i + run, bold_o, DX_DEL);
            i += run;
        } else {
            rl_emit(x, &tn, j, j + run, bold_n, op == '+' ? DX_INS : DX_SAME);
            j += run;
            if (op == '=')
                i += run;
        }
    }
}

/* ---- keys: what makes two blocks, rows or items the same --------------------- */

static void rl_key_text(Buf *b, const DocText *t)
{
    for (int i = 0; t && i < t->runs.n; i++)
        buf_printf(b, "%d:%s\x1f", (int)t->runs.v[i].style, t->runs.v[i].text);
    buf_putc(b, '\x1e');
}

static const char *rl_key_row(Arena *a, DocText *const *cells, int n, bool bold)
{
    Buf b;
    buf_init(&b);
    buf_putc(&b, bold ? 'B' : 'r');
    for (int c = 0; c < n; c++)
        rl_key_text(&b, cells[c]);
    const char *k = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return k;
}

/* A block's whole content as one string. */
static const char *rl_key_block(Arena *a, const DocBlock *x)
{
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%d/%d/%s/%d/%d/", (int)x->kind, x->level, x->cls ? x->cls : "",
               (int)x->ordered, x->ncols);
    rl_key_text(&b, x->text);
    for (int i = 0; i < x->items.n; i++)
        rl_key_text(&b, x->items.v[i]);
    for (int i = 0; i < x->fields.n; i++) {
        buf_printf(&b, "%s\x1f", x->fields.v[i].label);
        rl_key_text(&b, x->fields.v[i].value);
    }
    for (int c = 0; x->kind == DB_TABLE && c < x->ncols; c++)
        rl_key_text(&b, x->head[c]);
    for (int r = 0; r < x->rows.n; r++) {
        for (int c = 0; c < x->ncols; c++)
            rl_key_text(&b, x->rows.v[r][c]);
    }
    buf_printf(&b, "%d", (int)x->last_row_total);
    for (int i = 0; i < x->sigs.n; i++) {
        rl_key_text(&b, x->sigs.v[i].party);
        rl_key_text(&b, x->sigs.v[i].signatory);
        rl_key_text(&b, x->sigs.v[i].title);
    }
    if (x->svg)
        buf_puts(&b, x->svg);
    const char *k = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return k;
}

static bool rl_key_eq(const void *ctx, int i, int j)
{
    const char *const *const *k = ctx;
    return strcmp(k[0][i], k[1][j]) == 0;
}

/* ---- rows and items ------------------------------------------------------------ */

/* The rows of a table or of a list of fields as cells (a field's label
 * as a bold cell of its own). */
typedef struct RlRows {
    int n, ncols;
    DocText ***cells;
    bool *bold;             /* the total row */
    const char **key;
} RlRows;

static void rl_rows(Arena *a, const DocBlock *x, RlRows *r)
{
    r->ncols = x->kind == DB_TABLE ? x->ncols : 2;
    r->n = x->kind == DB_TABLE ? x->rows.n : x->fields.n;
    r->cells = arena_alloc(a, (size_t)(r->n + 1) * sizeof *r->cells);
    r->bold = arena_alloc(a, (size_t)(r->n + 1) * sizeof *r->bold);
    r->key = arena_alloc(a, (size_t)(r->n + 1) * sizeof *r->key);
    for (int i = 0; i < r->n; i++) {
        if (x->kind == DB_TABLE) {
            r->cells[i] = x->rows.v[i];
            r->bold[i] = x->last_row_total && i == x->rows.n - 1;
        } else {
            DocText *label = arena_alloc(a, sizeof *label);
            DocRun run = {DS_STRONG, true, x->fields.v[i].label, NULL};
            VEC_PUSH(a, label->runs, run);
            r->cells[i] = arena_alloc(a, 2 * sizeof(DocText *));
            r->cells[i][0] = label;
            r->cells[i][1] = x->fields.v[i].value;
        }
        r->key[i] = rl_key_row(a, r->cells[i], r->ncols, r->bold[i]);
    }
}

/* One row: its cells marked word by word (`o` and `n` both given), or
 * deleted or inserted whole (one of them NULL). */
static void rl_row(Dx *x, const DocBlock *nb, DocText *const *o, bool bold_o, DocText *const *n,
                   bool bold_n, int ncols, bool header)
{
    DxMark mark = !o ? DX_INS : !n ? DX_DEL : DX_SAME;
    dx_row_open(x, header, mark);
    for (int c = 0; c < ncols; c++) {
        dx_cell_open(x, c);
        dx_para_open(x, header ? "TableHeading" : "TableText", dx_cell_jc(nb, c), 0, DX_SAME);
        rl_words(x, o ? o[c] : NULL, n ? n[c] : NULL, bold_o, bold_n);
        dx_para_close(x->b);
        buf_puts(x->b, "</w:tc>");
    }
    buf_puts(x->b, "</w:tr>\n");
}

/* Walks an alignment of `no` old and `nn` new elements: a match is
 * `same`, and between matches the old elements left over pair in order
 * with the new ones, as many as both have; the rest are deleted or
 * inserted.  `each(ctx, i, j)` gets the old index or -1 and the new index
 * or -1. */
typedef void (*RlEach)(void *ctx, int i, int j);
static void rl_walk(Arena *a, const char *const *ko, int no, const char *const *kn, int nn,
                    RlEach each, void *ctx)
{
    char *ops = arena_alloc(a, (size_t)(no + nn + 1));
    const char *const *keys[2] = {ko, kn};
    int nops = rl_align(no, nn, rl_key_eq, keys, ops);
    int i = 0, j = 0;
    for (int k = 0; k < nops;) {
        if (ops[k] == '=') {
            each(ctx, i++, j++);
            k++;
            continue;
        }
        int gi = i, gj = j;
        while (k < nops && ops[k] != '=') {
            if (ops[k++] == '-')
                i++;
            else
                j++;
        }
        while (gi < i && gj < j)
            each(ctx, gi++, gj++);
        while (gi < i)
            each(ctx, gi++, -1);
        while (gj < j)
            each(ctx, -1, gj++);
    }
}

typedef struct RlTable {
    Dx *x;
    const DocBlock *nb;
    RlRows o, n;
} RlTable;

static void rl_table_row(void *ctx, int i, int j)
{
    RlTable *t = ctx;
    rl_row(t->x, t->nb, i >= 0 ? t->o.cells[i] : NULL, i >= 0 && t->o.bold[i],
           j >= 0 ? t->n.cells[j] : NULL, j >= 0 && t->n.bold[j], t->n.ncols, false);
}

/* A table or a list of fields that changed: the header cell by cell, the
 * rows aligned. */
static void rl_table(Dx *x, const DocBlock *ob, const DocBlock *nb)
{
    Arena *a = x->d->a;
    RlTable t = {x, nb, {0}, {0}};
    rl_rows(a, ob, &t.o);
    rl_rows(a, nb, &t.n);
    dx_table_open(x, nb);
    if (nb->kind == DB_TABLE)
        rl_row(x, nb, ob->head, false, nb->head, false, nb->ncols, true);
    rl_walk(a, t.o.key, t.o.n, t.n.key, t.n.n, rl_table_row, &t);
    dx_table_close(x);
}

typedef struct RlList {
    Dx *x;
    const DocBlock *ob, *nb;
    int num;
} RlList;

static void rl_list_item(void *ctx, int i, int j)
{
    RlList *l = ctx;
    DxMark mark = i < 0 ? DX_INS : j < 0 ? DX_DEL : DX_SAME;
    dx_para_open(l->x, dx_list_style(l->nb), NULL, l->num, mark);
    rl_words(l->x, i >= 0 ? l->ob->items.v[i] : NULL, j >= 0 ? l->nb->items.v[j] : NULL, false,
             false);
    dx_para_close(l->x->b);
}

static void rl_list(Dx *x, const DocBlock *ob, const DocBlock *nb)
{
    Arena *a = x->d->a;
    const char **ko = arena_alloc(a, (size_t)(ob->items.n + 1) * sizeof *ko);
    const char **kn = arena_alloc(a, (size_t)(nb->items.n + 1) * sizeof *kn);
    for (int i = 0; i < ob->items.n; i++)
        ko[i] = rl_key_row(a, &ob->items.v[i], 1, false);
    for (int j = 0; j < nb->items.n; j++)
        kn[j] = rl_key_row(a, &nb->items.v[j], 1, false);
    RlList l = {x, ob, nb, dx_list_begin(x, nb)};
    rl_walk(a, ko, ob->items.n, kn, nb->items.n, rl_list_item, &l);
}

/* ---- blocks ---------------------------------------------------------------------- */

static bool rl_pairs(const DocBlock *o, const DocBlock *n)
{
    if (o->kind != n->kind)
        return false;
    switch (n->kind) {
    case DB_HEADING: return o->level == n->level;
    case DB_TABLE: return o->ncols == n->ncols;
    case DB_LIST: return o->ordered == n->ordered;
    case DB_SIGNATURES: return false;
    default: return true;
    }
}

/* A block of one revision only: written whole, marked.  A page break of
 * the old revision only is dropped (it has no text to reject). */
static void rl_whole(Dx *x, const DocBlock *b, DxMark mark)
{
    if (b->kind == DB_PAGEBREAK && mark == DX_DEL)
        return;
    dx_block(x, b, mark);
}

static void rl_changed(Dx *x, const DocBlock *o, const DocBlock *n)
{
    switch (n->kind) {
    case DB_TITLE:
    case DB_HEADING:
    case DB_PARA:
        dx_para_open(x, dx_para_style(n), NULL, 0, DX_SAME);
        rl_words(x, o->text, n->text, false, false);
        dx_para_close(x->b);
        break;
    case DB_LIST:
        rl_list(x, o, n);
        break;
    case DB_TABLE:
    case DB_FIELDS:
        rl_table(x, o, n);
        break;
    default:
        dx_block(x, n, DX_SAME);
        break;
    }
}

typedef struct RlDoc {
    Dx *x;
    const Doc *o, *n;
} RlDoc;

/* Between two matching blocks, an old block pairs with the first new one
 * of its kind that comes after the last pair; what pairs with nothing is
 * deleted or inserted whole, in the order of the documents. */
static void rl_gap(RlDoc *r, int i0, int i1, int j0, int j1)
{
    int i = i0;
    for (int j = j0; j < j1; j++) {
        const DocBlock *n = r->n->blocks.v[j];
        int k = i;
        while (k < i1 && !rl_pairs(r->o->blocks.v[k], n))
            k++;
        if (k == i1) {
            rl_whole(r->x, n, DX_INS);
            continue;
        }
        for (; i < k; i++)
            rl_whole(r->x, r->o->blocks.v[i], DX_DEL);
        rl_changed(r->x, r->o->blocks.v[i++], n);
    }
    for (; i < i1; i++)
        rl_whole(r->x, r->o->blocks.v[i], DX_DEL);
}

bool doc_render_docx_redline(const Doc *old, const Doc *new, long long epoch, Buf *out,
                             char *err, size_t errlen)
{
    Arena *a = new->a;
    int no = old->blocks.n, nn = new->blocks.n;
    const char **ko = arena_alloc(a, (size_t)(no + 1) * sizeof *ko);
    const char **kn = arena_alloc(a, (size_t)(nn + 1) * sizeof *kn);
    for (int i = 0; i < no; i++)
        ko[i] = rl_key_block(a, old->blocks.v[i]);
    for (int j = 0; j < nn; j++)
        kn[j] = rl_key_block(a, new->blocks.v[j]);
    char *ops = arena_alloc(a, (size_t)(no + nn + 1));
    const char *const *keys[2] = {ko, kn};
    int nops = rl_align(no, nn, rl_key_eq, keys, ops);

    Buf body;
    buf_init(&body);
    Dx x;
    dx_init(&x, new, &body, dx_iso_time(a, epoch));
    x.redline = true;
    RlDoc r = {&x, old, new};
    dx_begin(&x);
    int i = 0, j = 0;
    for (int k = 0; k < nops;) {
        if (ops[k] == '=') {
            dx_block(&x, new->blocks.v[j], DX_SAME);
            i++, j++, k++;
            continue;
        }
        int gi = i, gj = j;
        while (k < nops && ops[k] != '=') {
            if (ops[k++] == '-')
                i++;
            else
                j++;
        }
        rl_gap(&r, gi, i, gj, j);
    }
    dx_end(&x);
    bool ok = dx_package(&x, &body, epoch, out, err, errlen);
    buf_free(&body);
    return ok;
}
