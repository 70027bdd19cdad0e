/* privacy.c - small-cell suppression (priv_).  See privacy.h. */
#include "privacy.h"

#include <math.h>
#include <stdlib.h>

typedef VEC(PrivFig) FigVec;

/* What the first pass decided for one indicator. */
typedef struct PrivInd {
    FigVec figs;
} PrivInd;

static PrivInd *priv_of(const Score *s, int i)
{
    return s->priv ? &s->priv[i] : NULL;
}

int priv_denominator(const Score *s, int i)
{
    const Indicator *ind = s->t->ind[i];
    if (!ind->denominator || !(ind->personal_data || ind->denominator->personal_data))
        return -1;
    return trk_indicator_of(s->t, ind->denominator);
}

bool priv_protected(const Score *s, int i)
{
    const Indicator *ind = s->t->ind[i];
    return (ind->personal_data && !score_rate(ind)) || priv_denominator(s, i) >= 0;
}

/* ---- figures ------------------------------------------------------------------ */

static PrivFig *fig_find(FigVec *f, int32_t code)
{
    for (int k = 0; k < f->n; k++)
        if (f->v[k].code == code)
            return &f->v[k];
    return NULL;
}

/* The figure of `code`, added (nothing shown, size 0) when it is not there. */
static PrivFig *fig_get(Trk *t, FigVec *f, int32_t code)
{
    PrivFig *p = fig_find(f, code);
    if (p)
        return p;
    PrivFig nf = {code, 0, 0, false, false, false};
    VEC_PUSH(t->a, *f, nf);
    return &f->v[f->n - 1];
}

/* Each reporter's latest cells of indicator j (only those with every
 * dimension given, when full_only), added up across reporters: value and
 * size alike.  *date: the latest of their dates. */
static void latest_cells(Score *s, int j, bool full_only, FigVec *out, int32_t *date)
{
    const ObsInd *oi = &s->obs.ind[j];
    *date = DATE_NONE;
    for (int r = 0; r < oi->nrep; r++) {
        const ObsSeries *se = &oi->s[r];
        int32_t latest = DATE_NONE;
        for (int k = 0; k < se->nrows; k++) {
            const ObsRow *row = &se->rows[k];
            if (row->cell > 0 && (!full_only || obs_full_cell(oi, row->cell)) &&
                (latest == DATE_NONE || row->date > latest))
                latest = row->date;
        }
        if (latest == DATE_NONE)
            continue;
        if (*date == DATE_NONE || latest > *date)
            *date = latest;
        for (int k = 0; k < se->nrows; k++) {
            const ObsRow *row = &se->rows[k];
            if (row->cell <= 0 || row->date != latest || (full_only && !obs_full_cell(oi, row->cell)))
                continue;
            PrivFig *p = fig_get(s->t, out, row->cell);
            p->value += row->value;
            p->size = p->value;
        }
    }
}

/* The cells of one dimension's value (the others not given) made from
 * the full cells, for an indicator broken down by more than one. */
static void add_marginals(Score *s, int j, FigVec *f)
{
    const ObsInd *oi = &s->obs.ind[j];
    if (oi->ndims < 2)
        return;
    int nfull = f->n;
    for (int c = 0; c < nfull; c++) {
        if (!obs_full_cell(oi, f->v[c].code))
            continue;
        for (int k = 0; k < oi->ndims; k++) {
            int32_t code = (obs_cell_value(oi, f->v[c].code, k) + 1) * oi->mul[k];
            double v = f->v[c].value;
            PrivFig *p = fig_get(s->t, f, code);
            p->value += v;
            p->size = p->value;
        }
    }
}

/* A cell code of indicator j as indicator i codes it (the two are broken
 * down by the same dimensions, maybe in another order). */
static int32_t translate(const Score *s, int j, int i, int32_t code)
{
    if (i == j)
        return code;
    const Indicator *from = s->t->ind[j], *to = s->t->ind[i];
    const ObsInd *oj = &s->obs.ind[j], *oi = &s->obs.ind[i];
    int32_t out = 0;
    for (int k = 0; k < to->dims.n && k < oi->ndims; k++)
        for (int kj = 0; kj < from->dims.n && kj < oj->ndims; kj++)
            if (from->dims.v[kj] == to->dims.v[k]) {
                int v = obs_cell_value(oj, code, kj);
                if (v >= 0)
                    out += (v + 1) * oi->mul[k];
            }
    return out;
}

/* ---- complementary suppression ------------------------------------------------ */

/* One run of complementary suppression: the figures, each one's level
 * (the dimensions it gives, as bits; 0 the total), the groups (a parent
 * and a finer level that has cells within it) and what a reader can know. */
typedef struct Settle {
    FigVec *f;
    const ObsInd *oi;
    double min;
    unsigned *mask;         /* [f->n] */
    bool *known;            /* [f->n]: shown, or worked out from what is */
    bool *given_up;         /* [f->n]: no figure left that could protect it */
    int *gp;                /* the groups' parents */
    unsigned *gm;           /* the groups' levels */
    int ng;
    int *gfirst;            /* [ng + 1]: group g's cells are gmem[gfirst[g] ...] */
    int *gmem;
} Settle;

static bool shown(const PrivFig *p)
{
    return p->want && !p->hidden;
}

/* Whether figure c lies within figure p, at a finer level. */
static bool within(const Settle *x, int c, int p)
{
    unsigned mc = x->mask[c], mp = x->mask[p];
    if ((mc & mp) != mp || mc == mp)
        return false;
    for (int k = 0; k < x->oi->ndims; k++)
        if ((mp >> k & 1u) && obs_cell_value(x->oi, x->f->v[c].code, k) !=
                                  obs_cell_value(x->oi, x->f->v[p].code, k))
            return false;
    return true;
}

static bool member(const Settle *x, int g, int c)
{
    return x->mask[c] == x->gm[g] && within(x, c, x->gp[g]);
}

/* What a reader works out from the figures shown: a parent whose cells at
 * one level are all known, and the one cell of a level whose parent and
 * other cells are known.  Until nothing more follows. */
static void closure(Settle *x)
{
    int n = x->f->n;
    for (int k = 0; k < n; k++)
        x->known[k] = shown(&x->f->v[k]);
    for (bool more = true; more;) {
        more = false;
        for (int g = 0; g < x->ng; g++) {
            int p = x->gp[g], out = -1, nout = 0;
            for (int j = x->gfirst[g]; j < x->gfirst[g + 1]; j++)
                if (!x->known[x->gmem[j]])
                    out = x->gmem[j], nout++;
            if (nout == 0 && !x->known[p])
                x->known[p] = more = true;
            else if (nout == 1 && x->known[p])
                x->known[out] = more = true;
        }
    }
}

/* The smallest figure shown (and not decided by the first pass) that
 * hiding would stop the known cells of group g, other than `skip`, from
 * being known: a cell itself, or a figure within a cell known from its
 * own cells.  -1 when there is none. */
static int candidate(const Settle *x, int g, int skip)
{
    const FigVec *f = x->f;
    int best = -1;
    for (int j = x->gfirst[g]; j < x->gfirst[g + 1]; j++) {
        int m = x->gmem[j];
        if (m == skip || !x->known[m])
            continue;
        for (int c = 0; c < f->n; c++) {
            if ((c != m && !within(x, c, m)) || !shown(&f->v[c]) || f->v[c].fixed)
                continue;
            if (best < 0 || f->v[c].size < f->v[best].size)
                best = c;
        }
    }
    return best;
}

static bool small(const Settle *x, int c)
{
    return !(x->f->v[c].size >= x->min);
}

/* A figure below the threshold that is not shown but worked out: hides
 * one more figure of a group that gives it away.  Whether one was. */
static bool protect_known(Settle *x, int c)
{
    for (int g = 0; g < x->ng; g++) {
        int h = -1;
        if (member(x, g, c) && x->known[x->gp[g]])
            h = candidate(x, g, c);
        else if (x->gp[g] == c)
            h = candidate(x, g, -1);
        if (h >= 0) {
            x->f->v[h].hidden = true;
            return true;
        }
    }
    x->given_up[c] = true;
    return false;
}

/* Group g with a known parent: the cells not known, when one is below the
 * threshold, must add up to at least the threshold.  Hides one more
 * figure when they do not.  Whether one was. */
static bool protect_sum(Settle *x, int g)
{
    const FigVec *f = x->f;
    int p = x->gp[g];
    double rest = f->v[p].size;
    bool any_small = false;
    for (int j = x->gfirst[g]; j < x->gfirst[g + 1]; j++) {
        int c = x->gmem[j];
        if (x->known[c])
            rest -= f->v[c].size;
        else
            any_small |= small(x, c);
    }
    if (!any_small || rest >= x->min)
        return false;
    int h = candidate(x, g, -1);
    if (h < 0 && shown(&f->v[p]) && !f->v[p].fixed)
        h = p;
    if (h < 0)
        return false;
    x->f->v[h].hidden = true;
    return true;
}

/* Complementary suppression until no figure below the threshold can be
 * worked out and no group of hidden cells adds up to less than it.  Each
 * round hides one more figure, so it ends. */
static void settle(Trk *t, FigVec *f, const ObsInd *oi, double min)
{
    int n = f->n;
    Settle x = {f, oi, min, arena_alloc(t->a, sizeof *x.mask * (size_t)(n + 1)),
                arena_alloc(t->a, sizeof *x.known * (size_t)(n + 1)),
                arena_alloc(t->a, sizeof *x.given_up * (size_t)(n + 1)),
                NULL, NULL, 0, NULL, NULL};
    /* A group is a figure and a finer level: at most n times the number
     * of levels (2 to the number of dimensions), or n * n. */
    size_t levels = oi->ndims < 16 ? (size_t)1 << oi->ndims : (size_t)n;
    size_t cap = (size_t)n * (levels < (size_t)n ? levels : (size_t)n) + 1;
    x.gp = arena_alloc(t->a, sizeof *x.gp * cap);
    x.gm = arena_alloc(t->a, sizeof *x.gm * cap);
    for (int k = 0; k < n; k++) {
        x.mask[k] = 0;
        for (int d = 0; d < oi->ndims; d++)
            if (obs_cell_value(oi, f->v[k].code, d) >= 0)
                x.mask[k] |= 1u << d;
    }
    for (int p = 0; p < n; p++)
        for (int c = 0; c < n; c++) {
            if (!within(&x, c, p))
                continue;
            bool seen = false;
            for (int g = 0; g < x.ng && !seen; g++)
                seen = x.gp[g] == p && x.gm[g] == x.mask[c];
            if (!seen) {
                x.gp[x.ng] = p;
                x.gm[x.ng++] = x.mask[c];
            }
        }
    /* Each group's cells, once: a cell is in one group per figure it lies
     * within, so the lists hold at most n times the number of levels. */
    x.gfirst = arena_alloc(t->a, sizeof *x.gfirst * ((size_t)x.ng + 1));
    x.gmem = arena_alloc(t->a, sizeof *x.gmem * cap);
    int nm = 0;
    for (int g = 0; g < x.ng; g++) {
        x.gfirst[g] = nm;
        for (int c = 0; c < n; c++)
            if (member(&x, g, c))
                x.gmem[nm++] = c;
    }
    x.gfirst[x.ng] = nm;
    for (int round = 0; round <= n; round++) {
        closure(&x);
        bool changed = false;
        for (int c = 0; c < n && !changed; c++)
            if (!shown(&f->v[c]) && x.known[c] && small(&x, c) && !x.given_up[c])
                changed = protect_known(&x, c);
        for (int g = 0; g < x.ng && !changed; g++)
            if (x.known[x.gp[g]])
                changed = protect_sum(&x, g);
        if (!changed)
            break;
    }
}

/* Primary suppression of the figures shown that the first pass did not
 * decide. */
static void primary(FigVec *f, double min)
{
    for (int k = 0; k < f->n; k++)
        if (f->v[k].want && !f->v[k].fixed)
            f->v[k].hidden = !(f->v[k].size >= min);
}

/* ---- the first pass: the total and the cells with targets --------------------- */

static void first_pass(Score *s, int i, PrivInd *pi)
{
    Trk *t = s->t;
    const ObsInd *oi = &s->obs.ind[i];
    ScoreInd *si = &s->ind[i];
    int den = priv_denominator(s, i), j = den >= 0 ? den : i;
    FigVec *f = &pi->figs;
    PrivFig *tot = fig_get(t, f, 0);
    tot->want = si->has_value;
    tot->value = si->value;
    tot->size = den < 0 ? si->value : s->ind[den].has_value ? s->ind[den].value : 0;
    bool cells = false;
    for (int k = 0; k < s->ncells; k++)
        cells |= s->cells[k].ind == i;
    if (cells) {
        FigVec src = {0};
        int32_t d;
        latest_cells(s, j, true, &src, &d);
        add_marginals(s, j, &src);
        for (int k = 0; k < src.n; k++) {
            PrivFig *p = fig_get(t, f, translate(s, j, i, src.v[k].code));
            p->size = src.v[k].size;
        }
        for (int k = 0; k < s->ncells; k++) {
            const ScoreCell *sc = &s->cells[k];
            int dk = 0;
            while (dk < oi->ndims && t->ind[i]->dims.v[dk] != sc->dim)
                dk++;
            if (sc->ind != i || dk == oi->ndims)
                continue;
            PrivFig *p = fig_get(t, f, (sc->cell + 1) * oi->mul[dk]);
            p->want = sc->has_value;
            p->value = sc->value;
            if (den < 0)
                p->size = sc->value;
        }
    }
    primary(f, t->min_cell);
    settle(t, f, oi, t->min_cell);
    for (int k = 0; k < f->n; k++)
        f->v[k].fixed = f->v[k].want;
}

void priv_compute(Score *s)
{
    Trk *t = s->t;
    s->priv = arena_alloc(t->a, sizeof *s->priv * (size_t)(t->nind ? t->nind : 1));
    for (int i = 0; i < t->nind; i++) {
        ScoreInd *si = &s->ind[i];
        si->suppressed = false;
        if (!priv_protected(s, i))
            continue;
        first_pass(s, i, &s->priv[i]);
        si->suppressed = si->has_value && s->priv[i].figs.v[0].hidden;
        if (si->suppressed)
            si->has_progress = false;   /* it would give the value back */
    }
    for (int k = 0; k < s->ncells; k++) {
        ScoreCell *sc = &s->cells[k];
        const PrivInd *pi = priv_of(s, sc->ind);
        const ObsInd *oi = &s->obs.ind[sc->ind];
        int dk = 0;
        while (dk < oi->ndims && t->ind[sc->ind]->dims.v[dk] != sc->dim)
            dk++;
        sc->suppressed = false;
        if (!priv_protected(s, sc->ind) || dk == oi->ndims)
            continue;
        const PrivFig *p = fig_find((FigVec *)&pi->figs, (sc->cell + 1) * oi->mul[dk]);
        sc->suppressed = sc->has_value && (!p || p->hidden);
    }
}

/* ---- the second pass: the dashboard's breakdown table -------------------------- */

static int fig_cmp(const void *a, const void *b)
{
    const PrivFig *x = a, *y = b;
    return (x->code > y->code) - (x->code < y->code);
}

int priv_breakdown(Score *s, int i, PrivFig **out, int32_t *date)
{
    Trk *t = s->t;
    FigVec own = {0};
    latest_cells(s, i, false, &own, date);
    *out = own.v;
    if (own.n == 0)
        return 0;
    for (int k = 0; k < own.n; k++)
        own.v[k].want = true;
    if (priv_protected(s, i)) {
        const PrivInd *pi = priv_of(s, i);
        int den = priv_denominator(s, i), j = den >= 0 ? den : i;
        FigVec f = {0};
        for (int k = 0; k < pi->figs.n; k++)
            VEC_PUSH(t->a, f, pi->figs.v[k]);
        FigVec src = {0};
        int32_t d;
        latest_cells(s, j, false, &src, &d);
        for (int k = 0; k < own.n; k++) {
            PrivFig *p = fig_get(t, &f, own.v[k].code);
            if (p->fixed)
                continue;
            const PrivFig *q = NULL;
            for (int e = 0; e < src.n && !q; e++)
                if (translate(s, j, i, src.v[e].code) == own.v[k].code)
                    q = &src.v[e];
            p->want = true;
            p->size = q ? q->size : 0;
        }
        primary(&f, t->min_cell);
        settle(t, &f, &s->obs.ind[i], t->min_cell);
        for (int k = 0; k < own.n; k++)
            own.v[k].hidden = fig_find(&f, own.v[k].code)->hidden;
    }
    qsort(own.v, (size_t)own.n, sizeof *own.v, fig_cmp);
    return own.n;
}
