/* bundle_index.c - the scan index of a bundle (bundle_index_): written
 * from the model by charterc, parsed by the runtime before it compiles
 * the agreement again.  The format is described in bundle.h. */
#include "bundle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- writing it ---------------------------------------------------------- */

typedef struct IxInd {
    bool history;
    int ndue, capdue;
    int32_t *due;
} IxInd;

typedef struct Ix {
    const Model *m;
    IxInd *ind;
    HMap pos;             /* indicator -> its position */
} Ix;

static void ix_history(Ix *ix, int i, int depth)
{
    if (depth > 64 || ix->ind[i].history)
        return;
    ix->ind[i].history = true;
    const Indicator *ind = ix->m->indicators.v[i];
    for (int k = 0; k < ind->inputs.n; k++) {
        int j = hmap_ptr_index(&ix->pos, ind->inputs.v[k]);
        if (j >= 0)
            ix_history(ix, j, depth + 1);
    }
}

static void ix_due(IxInd *x, int32_t d)
{
    for (int k = 0; k < x->ndue; k++)
        if (x->due[k] == d)
            return;
    if (x->ndue == x->capdue) {
        x->capdue = x->capdue ? x->capdue * 2 : 4;
        int32_t *nd = realloc(x->due, sizeof *nd * (size_t)x->capdue);
        if (!nd) {
            fputs("charterc: out of memory\n", stderr);
            exit(2);
        }
        x->due = nd;
    }
    x->due[x->ndue++] = d;
}

/* The indicators an expression reads at `d` (DATE_NONE: the as-of date),
 * through the formulas of derived ones; series arguments need history. */
static void ix_walk(Ix *ix, const Expr *x, int32_t d, int depth)
{
    if (!x || depth > 64)
        return;
    if (x->kind == EX_NAME) {
        int i = hmap_ptr_index(&ix->pos, x->indicator);
        if (i < 0)
            return;
        if (d != DATE_NONE)
            ix_due(&ix->ind[i], d);
        ix_walk(ix, ix->m->indicators.v[i]->formula, d, depth + 1);
        return;
    }
    if (x->kind == EX_CALL) {
        const Extern *ex = x->callee;
        for (int k = 0; k < x->args.n; k++) {
            const Expr *a = x->args.v[k];
            if (ex && k < ex->params.n && ex->params.v[k] == XT_SERIES) {
                int i = a->kind == EX_NAME ? hmap_ptr_index(&ix->pos, a->indicator) : -1;
                if (i >= 0)
                    ix_history(ix, i, depth + 1);
            } else {
                ix_walk(ix, a, d, depth + 1);
            }
        }
        return;
    }
    ix_walk(ix, x->l, d, depth + 1);
    ix_walk(ix, x->r, d, depth + 1);
}

/* " WORD" and " NUMBER", as the index's lines separate their items. */
static void put_word(Buf *b, const char *w)
{
    buf_putc(b, ' ');
    buf_puts(b, w);
}

static void put_num(Buf *b, long long v)
{
    buf_putc(b, ' ');
    buf_int(b, v);
}

static void put_date(Buf *b, int32_t d)
{
    if (d == DATE_NONE)
        buf_puts(b, " -");
    else
        put_num(b, d);
}

void bundle_index(const Model *m, Buf *out)
{
    int n = m->indicators.n;
    Ix ix = {m, calloc((size_t)n + 1, sizeof *ix.ind), {0}};
    if (!ix.ind) {
        fputs("charterc: out of memory\n", stderr);
        exit(2);
    }
    Arena *a = arena_new();
    HMAP_POSITIONS(&ix.pos, a, m->indicators);
    /* A milestone without a due date is read at the as-of date. */
    for (int k = 0; k < m->milestones.n; k++) {
        const Milestone *ms = m->milestones.v[k];
        if (ms->requires)
            ix_walk(&ix, ms->requires, ms->due == DATE_NONE ? INT32_MAX : ms->due, 0);
    }
    for (int i = 0; i < n; i++)
        ix_walk(&ix, m->indicators.v[i]->formula, DATE_NONE, 0);
    /* Totals over a span are summed from each period's value, and a
     * target for a cell reads the cells (of a rate's denominator too,
     * whose cells decide which of the rate's are hidden). */
    for (int i = 0; i < n; i++) {
        const Indicator *ind = m->indicators.v[i];
        if (ind->totals != TOTALS_NONE || ind->cell_targets.n)
            ix_history(&ix, i, 0);
        int j = ind->denominator && ind->cell_targets.n
                    ? hmap_ptr_index(&ix.pos, ind->denominator) : -1;
        if (j >= 0)
            ix_history(&ix, j, 0);
    }

    buf_puts(out, "A ");
    buf_puts(out, m->agreement ? m->agreement->d.id : "-");
    buf_putc(out, '\n');
    for (int k = 0; k < m->dimensions.n; k++) {
        const Dimension *d = m->dimensions.v[k];
        buf_puts(out, "D ");
        buf_puts(out, d->d.id);
        for (int j = 0; j < d->values.n; j++)
            put_word(out, d->values.v[j]);
        buf_putc(out, '\n');
    }
    /* Membership: the view must keep it (who owes which report). */
    for (int k = 0; k < m->partners.n; k++) {
        const Partner *p = m->partners.v[k];
        if (p->joins == DATE_NONE && p->leaves == DATE_NONE)
            continue;
        buf_puts(out, "P ");
        buf_puts(out, p->d.id);
        put_date(out, p->joins);
        put_date(out, p->leaves);
        buf_putc(out, '\n');
    }
    for (int i = 0; i < n; i++) {
        const Indicator *ind = m->indicators.v[i];
        int32_t anchor = indicator_anchor(m, ind);
        buf_puts(out, "I ");
        buf_puts(out, ind->d.id);
        buf_puts(out, ind->formula ? " 1" : " 0");
        put_date(out, anchor);
        put_num(out, ind->frequency.n);
        put_num(out, (int)ind->frequency.unit);
        put_num(out, ix.ind[i].history);
        buf_puts(out, " R");
        for (int r = 0; r < ind->reporters.n; r++)
            put_word(out, ind->reporters.v[r]->d.id);
        buf_puts(out, " M");
        for (int k = 0; k < ind->dims.n; k++)
            for (int j = 0; j < m->dimensions.n; j++)
                if (m->dimensions.v[j] == ind->dims.v[k])
                    put_num(out, j);
        buf_puts(out, " E");
        for (int k = 0; k < ix.ind[i].ndue; k++)
            put_date(out, ix.ind[i].due[k] == INT32_MAX ? DATE_NONE : ix.ind[i].due[k]);
        buf_putc(out, '\n');
        free(ix.ind[i].due);
    }
    free(ix.ind);
    arena_free(a);
}

bool bundle_index_matches(const Model *m, const char *index)
{
    Buf ix;
    buf_init(&ix);
    bundle_index(m, &ix);
    bool same = strcmp(buf_cstr(&ix), index) == 0;
    buf_free(&ix);
    return same;
}

/* ---- reading it ---------------------------------------------------------- */

/* The next space-separated word of a line, NUL-terminated in place. */
static char *word(char **p)
{
    while (**p == ' ')
        (*p)++;
    if (!**p)
        return NULL;
    char *w = *p;
    while (**p && **p != ' ')
        (*p)++;
    if (**p)
        *(*p)++ = '\0';
    return w;
}

static bool date_word(const char *w, int32_t *out)
{
    if (!w)
        return false;
    if (strcmp(w, "-") == 0) {
        *out = DATE_NONE;
        return true;
    }
    char *end;
    long v = strtol(w, &end, 10);
    *out = (int32_t)v;
    return *end == '\0' && end != w;
}

bool bundle_index_parse(const char *text, Arena *a, BundleIndex *ix)
{
    memset(ix, 0, sizeof *ix);
    char *copy = arena_strdup(a, text);
    int nd = 0, ni = 0;
    for (const char *p = text; *p; p++)
        if (p == text || p[-1] == '\n') {
            nd += *p == 'D';
            ni += *p == 'I';
        }
    ix->dims = arena_alloc(a, sizeof *ix->dims * (size_t)(nd + 1));
    ix->ind = arena_alloc(a, sizeof *ix->ind * (size_t)(ni + 1));
    hmap_init_str(&ix->map, NULL, ni, true);
    char *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *p = line, *kind = word(&p);
        if (!kind)
            continue;
        if (strcmp(kind, "A") == 0) {
            ix->agreement = word(&p);
        } else if (strcmp(kind, "D") == 0) {
            BundleDim *d = &ix->dims[ix->ndims++];
            d->id = word(&p);
            if (!d->id)
                return false;
            const char *vals[1024];
            for (char *w; (w = word(&p));)
                if (d->nvalues < 1024)
                    vals[d->nvalues++] = w;
            d->values = arena_alloc(a, sizeof *d->values * (size_t)(d->nvalues + 1));
            memcpy(d->values, vals, sizeof *vals * (size_t)d->nvalues);
        } else if (strcmp(kind, "I") == 0) {
            BundleInd *x = &ix->ind[ix->nind];
            char *w;
            x->id = word(&p);
            char *derived = word(&p);
            if (!x->id || !derived || !date_word(word(&p), &x->anchor))
                return false;
            char *fn = word(&p), *fu = word(&p), *hist = word(&p);
            if (!fn || !fu || !hist)
                return false;
            x->derived = derived[0] == '1';
            x->freq.n = atoi(fn);
            x->freq.unit = (DurUnit)atoi(fu);
            x->history = hist[0] == '1';
            if (!(w = word(&p)) || strcmp(w, "R") != 0)
                return false;
            const char *reps[256];
            while ((w = word(&p)) && strcmp(w, "M") != 0)
                if (x->nrep < 256)
                    reps[x->nrep++] = w;
            x->rep = arena_alloc(a, sizeof *x->rep * (size_t)(x->nrep + 1));
            x->replen = arena_alloc(a, sizeof *x->replen * (size_t)(x->nrep + 1));
            for (int r = 0; r < x->nrep; r++) {
                x->rep[r] = reps[r];
                x->replen[r] = (uint32_t)strlen(reps[r]);
            }
            while ((w = word(&p)) && strcmp(w, "E") != 0) {
                int k = atoi(w);
                if (k < 0 || k >= ix->ndims)
                    return false;
                if (x->ndims < 8)
                    x->dims[x->ndims++] = k;
            }
            int32_t due[512];
            while ((w = word(&p)))
                if (x->ndue < 512 && date_word(w, &due[x->ndue]))
                    x->ndue++;
            x->due = arena_alloc(a, sizeof *x->due * (size_t)(x->ndue + 1));
            memcpy(x->due, due, sizeof *due * (size_t)x->ndue);
            hmap_str_put(&ix->map, x->id, strlen(x->id), ix->nind);
            ix->nind++;
        }
    }
    return ix->agreement != NULL;
}

void bundle_index_free(BundleIndex *ix)
{
    hmap_free(&ix->map);
}
