/* resources.c - the conflicts of resources and activities:
 * overcommitted_partner, resource_gap, redundant_activity.  a activities
 * with b budgets and k (goal, need) pairs in all. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "conflicts_int.h"

/* ---- resources: overcommitted_partner, resource_gap -------------------- */

/* 32 bytes, where a copy of the amount and the span made 56: there is one
 * per budget and commitment (40,000 on the dense benchmark agreement),
 * and sorting copies them once more. */
typedef struct Res {
    const Unit *unit;       /* here for cmp_res, which reads it most */
    const void *src;        /* the Budget, or the Commitment when commit */
    int partner;            /* the provider's position; -1 for resource_gap */
    int key;                /* the unit's rank by id, times 2, + commit */
    int act;                /* a budget's activity's position */
    bool commit;            /* a commitment; else a budget */
    bool conditional;       /* a commitment `subject_to` a condition */
} Res;

/* The amount the sums use: NAN for a negative amount in a unit that counts,
 * which negative_count reports, so that every comparison of its partner's
 * (or, for resource_gap, the agreement's) sum in that unit is false and the
 * mistake gives one finding, not three. */
static double usable(double v, const Unit *u)
{
    return v < 0 && !u->is_signed ? NAN : v;
}

static const Quantity *res_q(const Res *r)
{
    return r->commit ? &((const Commitment *)r->src)->q : &((const Budget *)r->src)->q;
}

static double res_amount(const Res *r)
{
    return usable(res_q(r)->value, r->unit);
}

/* Where the evidence points: the budget's statement, the commitment's
 * quantity. */
static Span res_span(const Res *r)
{
    return r->commit ? res_q(r)->span : ((const Budget *)r->src)->span;
}

static int cmp_unit_id(const void *a, const void *b)
{
    const Unit *x = *(const Unit *const *)a, *y = *(const Unit *const *)b;
    return strcmp(x->d.id, y->d.id);
}

/* Each record's key: its unit's rank among the units' ids (units compare
 * by id, so a plain `use`d file's units match the agreement's), times 2,
 * plus 1 for a commitment.  Returns the number of keys. */
static int resource_keys(CheckCtx *x, Res *r, int n)
{
    HMap rank;
    hmap_init_ptr(&rank, x->scratch, 16);
    VEC(const Unit *) units = {0};
    for (int i = 0; i < n; i++) {
        int *k = hmap_ptr_put(&rank, r[i].unit, -1);
        if (*k < 0) {
            *k = units.n;
            VEC_PUSH(x->scratch, units, r[i].unit);
        }
    }
    if (units.n > 1)
        qsort(units.v, (size_t)units.n, sizeof *units.v, cmp_unit_id);
    int nrank = 0;
    for (int u = 0; u < units.n; u++) {
        if (u == 0 || strcmp(units.v[u - 1]->d.id, units.v[u]->d.id) != 0)
            nrank++;
        *hmap_ptr_put(&rank, units.v[u], 0) = nrank - 1;
    }
    for (int i = 0; i < n; i++)
        r[i].key = *hmap_ptr_get(&rank, r[i].unit) * 2 + r[i].commit;
    return 2 * nrank;
}

/* Moves the n records of `from` into `to`, stably, in the order of
 * key(record), which is in [0, nkeys): a counting sort. */
static void res_scatter(Arena *a, const Res *from, Res *to, int n, int nkeys,
                        int (*key)(const Res *))
{
    int *at = arena_alloc(a, ((size_t)nkeys + 1) * sizeof *at);
    for (int i = 0; i < n; i++)
        at[key(&from[i]) + 1]++;
    for (int k = 1; k <= nkeys; k++)
        at[k] += at[k - 1];
    for (int i = 0; i < n; i++)
        to[at[key(&from[i])]++] = from[i];
}

static int res_key(const Res *r)
{
    return r->key;
}

static int res_partner(const Res *r)
{
    return r->partner;
}

/* Budgets (by provider when `by_partner`) and commitments, sorted by
 * (partner, unit id, budgets before commitments, source order).
 * O(b + commits + partners + u log u) for u units: two counting sorts,
 * which on the dense benchmark agreement took 1/4 of the instructions
 * qsort did, and no copy of the array in fresh memory.  The arrays are
 * sized by a first count and live in the check's scratch arena: two
 * arrays grown by doubling in the compilation's arena were 15 MB of the
 * peak on a 12 MB agreement. */
static Res *collect_resources(CheckCtx *x, bool by_partner, int *count)
{
    Model *m = x->m;
    size_t cap = 1;
    for (int i = 0; i < m->activities.n; i++)
        cap += (size_t)m->activities.v[i]->budgets.n;
    for (int i = 0; i < m->partners.n; i++)
        cap += (size_t)m->partners.v[i]->commits.n;
    struct { Res *v; int n; } r = {arena_alloc(x->scratch, cap * sizeof(Res)), 0};
    HMap ix;
    HMAP_POSITIONS(&ix, x->scratch, m->partners);
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *ac = m->activities.v[i];
        if (!CF_USER(ac))
            continue;
        for (int k = 0; k < ac->budgets.n; k++) {
            const Budget *bu = &ac->budgets.v[k];
            const Partner *from = bu->from ? bu->from : ac->lead;
            int p = by_partner ? hmap_ptr_index(&ix, from) : -1;
            if (!bu->q.unit || (by_partner && p < 0))
                continue;
            r.v[r.n++] = (Res){bu->q.unit, bu, p, 0, i, false, false};
        }
    }
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *pa = m->partners.v[i];
        if (!CF_USER(pa))
            continue;
        for (int k = 0; k < pa->commits.n; k++) {
            const Commitment *cm = &pa->commits.v[k];
            if (cm->q.unit)
                r.v[r.n++] = (Res){cm->q.unit, cm, by_partner ? i : -1, 0, -1, true,
                                   cm->condition != NULL};
        }
    }
    Res *sorted = arena_alloc(x->scratch, cap * sizeof(Res));
    res_scatter(x->scratch, r.v, sorted, r.n, resource_keys(x, r.v, r.n), res_key);
    if (by_partner) {
        res_scatter(x->scratch, sorted, r.v, r.n, m->partners.n, res_partner);
        sorted = r.v;
    }
    *count = r.n;
    return sorted;
}

static bool more_than(double a, double b)
{
    return a > b && !cf_close(a, b);
}

/* The sums of one unit's run r[u..end) of a partner (or of everyone):
 * what is budgeted, what is committed firmly and what subject to a
 * condition.  Returns end. */
typedef struct Sums {
    double budgeted, firm, conditional;
} Sums;

static int unit_sums(const Res *r, int u, int n, Sums *s)
{
    *s = (Sums){0, 0, 0};
    int k = u;
    for (; k < n && strcmp(r[k].unit->d.id, r[u].unit->d.id) == 0; k++)
        *(!r[k].commit ? &s->budgeted : r[k].conditional ? &s->conditional : &s->firm) +=
            res_amount(&r[k]);
    return k;
}

/* "commits only 300 hours", "commits no hours", and what more it commits
 * subject to conditions: "(and 200 hours more subject to a condition)". */
static void committed_text(Buf *b, Arena *a, const Sums *s, const Unit *u)
{
    if (s->firm > 0)
        buf_printf(b, "commits only %s", cf_qty(a, s->firm, u));
    else
        buf_printf(b, "commits no %s", u->d.id);
    if (s->conditional > 0)
        buf_printf(b, "%s (and %s more subject to a condition)", s->firm > 0 ? " firmly" : "",
                   cf_qty(a, s->conditional, u));
}

/* Per partner and unit, what it provides to activities (budgets `from` it,
 * or of activities it leads without `from`) against what it commits; one
 * finding per partner naming every unit it overcommits.  O(r log r) for r
 * budgets and commitments. */
void check_overcommitted_partner(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    int n;
    Res *r = collect_resources(x, true, &n);
    for (int i = 0; i < n;) {
        int pj = i;
        while (pj < n && r[pj].partner == r[i].partner)
            pj++;
        const Partner *pa = m->partners.v[r[i].partner];
        Buf b;
        buf_init(&b);
        int bad = 0;
        for (int u = i; u < pj;) {
            Sums su;
            int uj = unit_sums(r, u, pj, &su);
            if (more_than(su.budgeted, su.firm)) {
                buf_printf(&b, "%s%s to activities but ", bad ? "; and " : "",
                           cf_qty(a, su.budgeted, r[u].unit));
                committed_text(&b, a, &su, r[u].unit);
                bad++;
            }
            u = uj;
        }
        if (bad) {
            Diagnostic *g = check_report(x, CHECK_OVERCOMMITTED_PARTNER, &pa->d, NULL,
                                         pa->d.id_span,
                                         "partner '%s' provides %s", pa->d.id, buf_cstr(&b));
            /* The evidence: the budgets and commitments of the units over. */
            for (int u = i; u < pj;) {
                Sums su;
                int uj = unit_sums(r, u, pj, &su);
                for (int k = u; k < uj && more_than(su.budgeted, su.firm); k++) {
                    if (r[k].commit)
                        diag_related(&x->c->diag, g, res_span(&r[k]), "'%s' commits %s here%s",
                                     pa->d.id, cf_qty(a, res_amount(&r[k]), r[k].unit),
                                     r[k].conditional ? ", subject to a condition" : "");
                    else
                        diag_related(&x->c->diag, g, res_span(&r[k]), "%s for activity '%s'",
                                     cf_qty(a, res_amount(&r[k]), r[k].unit),
                                     m->activities.v[r[k].act]->d.id);
                }
                u = uj;
            }
            diag_hint(&x->c->diag, g,
                      "raise the partner's `commits`, lower the budgets, or have another partner "
                      "provide them with `budget ... from PARTNER`; or `allow "
                      "overcommitted_partner \"reason\"`");
        }
        buf_free(&b);
        i = pj;
    }
}

/* Per unit, the total of the activities' budgets against the total of the
 * partners' commitments; one finding about the agreement naming every unit
 * short.  O(r log r). */
void check_resource_gap(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    if (!m->agreement)
        return;
    int n;
    Res *r = collect_resources(x, false, &n);
    Buf b;
    buf_init(&b);
    int bad = 0;
    VEC(int) short_units = {0};     /* start of each unit short, in r */
    for (int u = 0; u < n;) {
        Sums su;
        int uj = unit_sums(r, u, n, &su);
        if (more_than(su.budgeted, su.firm)) {
            buf_printf(&b, "%s%s budgeted, %s committed", bad++ ? "; " : "",
                       cf_qty(a, su.budgeted, r[u].unit), cf_qty(a, su.firm, r[u].unit));
            if (su.conditional > 0)
                buf_printf(&b, " firmly and %s subject to conditions",
                           cf_qty(a, su.conditional, r[u].unit));
            VEC_PUSH(a, short_units, u);
        }
        u = uj;
    }
    if (bad) {
        Diagnostic *g = check_report(x, CHECK_RESOURCE_GAP, NULL, NULL, m->agreement->d.id_span,
                                     "the activities' budgets exceed what the partners commit: %s",
                                     buf_cstr(&b));
        enum { MAX_NOTES = 12 };
        int notes = 0;
        for (int s = 0; s < short_units.n && notes < MAX_NOTES; s++)
            for (int k = short_units.v[s];
                 k < n && strcmp(r[k].unit->d.id, r[short_units.v[s]].unit->d.id) == 0 &&
                 notes < MAX_NOTES;
                 k++)
                if (!r[k].commit) {
                    diag_related(&x->c->diag, g, res_span(&r[k]), "%s for activity '%s'",
                                 cf_qty(a, res_amount(&r[k]), r[k].unit),
                                 m->activities.v[r[k].act]->d.id);
                    notes++;
                }
        diag_hint(&x->c->diag, g,
                  "add commitments (`commits QUANTITY` in a partner) or lower the budgets; or "
                  "`allow resource_gap \"reason\"` at the top of the file");
    }
    buf_free(&b);
}

/* ---- redundant_activity --------------------------------------------------- */

typedef struct Key {
    int goal, need;         /* positions in the model lists */
    int act;
    int32_t start, end;
} Key;

static int cmp_key(const void *a, const void *b)
{
    const Key *x = a, *y = b;
    if (x->goal != y->goal)
        return x->goal - y->goal;
    if (x->need != y->need)
        return x->need - y->need;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->act - y->act;
}

typedef struct Pair {
    int a, b;               /* activity positions, a < b */
    int goal, need;
} Pair;

static int cmp_apair(const void *p, const void *q)
{
    const Pair *x = p, *y = q;
    if (x->a != y->a)
        return x->a - y->a;
    if (x->b != y->b)
        return x->b - y->b;
    if (x->goal != y->goal)
        return x->goal - y->goal;
    return x->need - y->need;
}

static bool lists(const Activity *a, const Activity *b)
{
    for (int i = 0; i < a->coordinates_with.n; i++)
        if (a->coordinates_with.v[i] == b)
            return true;
    return false;
}

/* Activities keyed by each (goal, need) they share, sorted by key then
 * start date; inside a key a sweep keeps the activities still running, so
 * only activities that overlap in time are compared.  Pairs found under
 * several keys are reported once.  O(k log k + o) for o overlapping pairs
 * under a common key: no loop over all pairs of activities. */
void check_redundant_activity(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    HMap gix, nix;
    HMAP_POSITIONS(&gix, x->scratch, m->goals);
    HMAP_POSITIONS(&nix, x->scratch, m->needs);
    VEC(Key) keys = {0};
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *ac = m->activities.v[i];
        if (!CF_USER(ac) || !ac->lead || ac->start == DATE_NONE || ac->end == DATE_NONE)
            continue;
        for (int g = 0; g < ac->supports.n; g++)
            for (int k = 0; k < ac->addresses.n; k++) {
                int gi = hmap_ptr_index(&gix, ac->supports.v[g]);
                int ni = hmap_ptr_index(&nix, ac->addresses.v[k]);
                if (gi >= 0 && ni >= 0)
                    VEC_PUSH(x->scratch, keys, ((Key){gi, ni, i, ac->start, ac->end}));
            }
    }
    if (keys.n > 1)
        qsort(keys.v, (size_t)keys.n, sizeof *keys.v, cmp_key);
    VEC(Pair) pairs = {0};
    int *running = arena_alloc(x->scratch, (size_t)(keys.n + 1) * sizeof *running);
    for (int i = 0; i < keys.n;) {
        int j = i;
        while (j < keys.n && keys.v[j].goal == keys.v[i].goal && keys.v[j].need == keys.v[i].need)
            j++;
        int nrun = 0;
        for (int k = i; k < j; k++) {
            const Key *e = &keys.v[k];
            int keep = 0;
            for (int r = 0; r < nrun; r++) {
                const Key *o = &keys.v[running[r]];
                if (o->end < e->start)
                    continue;       /* ended before: cannot overlap anything later */
                running[keep++] = running[r];
                const Activity *p = m->activities.v[o->act], *q = m->activities.v[e->act];
                if (p->lead != q->lead && !lists(p, q) && !lists(q, p))
                    VEC_PUSH(x->scratch, pairs, ((Pair){o->act < e->act ? o->act : e->act,
                                               o->act < e->act ? e->act : o->act, e->goal,
                                               e->need}));
            }
            nrun = keep;
            running[nrun++] = k;
        }
        i = j;
    }
    if (pairs.n > 1)
        qsort(pairs.v, (size_t)pairs.n, sizeof *pairs.v, cmp_apair);
    for (int i = 0; i < pairs.n; i++) {
        const Pair *pr = &pairs.v[i];
        if (i > 0 && pairs.v[i - 1].a == pr->a && pairs.v[i - 1].b == pr->b)
            continue;
        const Activity *p = m->activities.v[pr->a], *q = m->activities.v[pr->b];
        Diagnostic *g = check_report(
            x, CHECK_REDUNDANT_ACTIVITY, &p->d, NULL, p->d.id_span,
            "activities '%s' (lead %s, %s to %s) and '%s' (lead %s, %s to %s) both support goal "
            "'%s' and address need '%s' at the same time, and neither `coordinates_with` the other",
            p->d.id, p->lead->d.id, cf_date(a, p->start), cf_date(a, p->end), q->d.id,
            q->lead->d.id, cf_date(a, q->start), cf_date(a, q->end), m->goals.v[pr->goal]->d.id,
            m->needs.v[pr->need]->d.id);
        diag_related(&x->c->diag, g, q->d.id_span, "'%s' is declared here", q->d.id);
        diag_hint(&x->c->diag, g,
                  "if the two reinforce each other, write `coordinates_with %s` in '%s'; "
                  "otherwise merge them or split the work; or `allow redundant_activity "
                  "\"reason\"` in '%s'",
                  q->d.id, p->d.id, p->d.id);
    }
}

/* ---- the amounts themselves: negative_count, empty_commitment ---------- */

/* Calls `f` on every amount the agreement states in a unit: indicators'
 * baselines and targets, partners' commitments, activities' budgets, with
 * the declaration that states it and what it is ("the baseline").
 * O(indicators' targets + commitments + budgets). */
typedef void AmountFn(CheckCtx *x, const Decl *d, const char *what, double v, const Unit *u,
                      Span span);

static void each_amount(CheckCtx *x, AmountFn *f)
{
    Model *m = x->m;
    for (int i = 0; i < m->indicators.n; i++) {
        const Indicator *ind = m->indicators.v[i];
        if (!CF_USER(ind))
            continue;
        if (ind->has_baseline)
            f(x, &ind->d, "baseline", ind->baseline, ind->unit, ind->baseline_span);
        for (int k = 0; k < ind->targets.n; k++)
            f(x, &ind->d, "target", ind->targets.v[k].value, ind->unit, ind->targets.v[k].span);
    }
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        for (int k = 0; CF_USER(p) && k < p->commits.n; k++) {
            const Commitment *cm = &p->commits.v[k];
            f(x, &p->d, "commitment", cm->q.value, cm->q.unit, cm->q.span);
            if (cm->has_worth)
                f(x, &p->d, "value in kind", cm->worth.value, cm->worth.unit, cm->worth.span);
        }
    }
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *ac = m->activities.v[i];
        for (int k = 0; CF_USER(ac) && k < ac->budgets.n; k++)
            f(x, &ac->d, "budget", ac->budgets.v[k].q.value, ac->budgets.v[k].q.unit,
              ac->budgets.v[k].span);
    }
}

static void negative(CheckCtx *x, const Decl *d, const char *what, double v, const Unit *u,
                     Span span)
{
    if (!(v < 0) || !u || u->is_signed)
        return;
    Diagnostic *g = check_report(x, CHECK_NEGATIVE_COUNT, d, NULL, span,
                                 "%s '%s' has a %s of %s, but %s cannot be negative",
                                 decl_kind_name(d->kind), d->id, what, cf_qty(x->c->arena, v, u),
                                 u->d.id);
    diag_hint(&x->c->diag, g, "correct the sign, or declare the unit `{ signed yes }` if its "
                              "values may be negative");
}

void check_negative_count(CheckCtx *x)
{
    each_amount(x, negative);
}

static void empty(CheckCtx *x, const Decl *d, const char *what, double v, const Unit *u,
                  Span span)
{
    if (v != 0 || d->kind == K_INDICATOR)
        return;
    Diagnostic *g = check_report(x, CHECK_EMPTY_COMMITMENT, d, NULL, span,
                                 "%s '%s' has a %s of %s, which promises nothing",
                                 decl_kind_name(d->kind), d->id, what, cf_qty(x->c->arena, v, u));
    diag_hint(&x->c->diag, g, "write the amount, or remove the statement; or "
                              "`allow empty_commitment \"reason\"`");
}

void check_empty_commitment(CheckCtx *x)
{
    each_amount(x, empty);
}
