/* resolve_sums.c - the sums the checks, the documents and the tracker make
 * of an agreement's numbers, checked once to be finite (resolve_sums).
 *
 * Every number literal is finite (the scanner refuses 1e999), but a sum of
 * them need not be: two `commits 1e308 hours` add up to inf, and the
 * documents printed "inf hours" and, for inf - inf, "-nan hours", with no
 * finding.  So, per unit, the magnitudes of the commitments are added up
 * here, and those of the budgets: when those totals are finite, so is
 * every sum a reader makes of them (a partner's commitments, what it
 * provides, a unit's total), since each is bounded by its side's total;
 * and the two signed totals must be a finite distance apart (the
 * documents print committed minus budgeted).  Likewise an indicator's plan interpolates between its
 * baseline and its targets, so its largest and smallest planned values
 * must be a finite distance apart.  A sum beyond is an invalid_number
 * error naming the numbers, so nothing is written from such an agreement
 * and the tracker never starts with it.  O(q) for q quantities. */
#include <math.h>
#include <string.h>

#include "numtext.h"
#include "resolve_int.h"

/* One unit's commitments (side 0) or budgets (side 1). */
typedef struct UnitSum {
    double total;           /* of the magnitudes so far */
    double sum;             /* signed */
    const Quantity *largest;/* the largest of them so far */
    bool reported;
} UnitSum;
typedef VEC(UnitSum) UnitSums;  /* two per unit: commitments, budgets */

static const char *const side_word[] = {"committed", "budgeted"};

static void add_quantity(Resolver *r, HMap *at, UnitSums *sums, const Quantity *q, int side)
{
    if (!q->unit)
        return;
    int *k = hmap_ptr_put(at, q->unit, sums->n);
    if (*k == sums->n)
        for (int j = 0; j < 2; j++)
            VEC_PUSH(r->a, *sums, ((UnitSum){0, 0, NULL, false}));
    UnitSum *u = &sums->v[*k + side];
    double before = u->total;
    u->total += fabs(q->value);
    u->sum += q->value;
    if (isfinite(u->total) || u->reported) {
        if (!u->largest || fabs(q->value) > fabs(u->largest->value))
            u->largest = q;
        return;
    }
    u->reported = true;
    const char *id = q->unit->d.id;
    Diagnostic *g = diag_report(
        r->d, CHECK_INVALID_NUMBER, q->span, "file",
        "%s %s here brings the %s %s past the largest number (about 1.8e308): the ones "
        "before it already add up to %s %s",
        num_str(r->a, q->value, NUM_MESSAGE), id, id, side_word[side],
        num_str(r->a, before, NUM_MESSAGE), id);
    if (u->largest)
        diag_related(r->d, g, u->largest->span, "the largest of them: %s %s",
                     num_str(r->a, u->largest->value, NUM_MESSAGE), id);
    diag_hint(r->d, g,
              "write the %s in a larger unit, or correct the numbers: no total of them could "
              "be written",
              id);
}

/* Each finite, the two totals of a unit must also be a finite distance
 * apart: the documents print what is committed and not budgeted.  Only
 * negative quantities of enormous size get here. */
static void unit_balance(Resolver *r, const UnitSum *c, const UnitSum *b)
{
    if (c->reported || b->reported || !c->largest || !b->largest || isfinite(c->sum - b->sum))
        return;
    const char *id = c->largest->unit->d.id;
    Diagnostic *g = diag_report(
        r->d, CHECK_INVALID_NUMBER, b->largest->span, "file",
        "the %s committed (%s %s) and budgeted (%s %s) are too far apart: their difference "
        "is past the largest number (about 1.8e308)",
        id, num_str(r->a, c->sum, NUM_MESSAGE), id, num_str(r->a, b->sum, NUM_MESSAGE), id);
    diag_related(r->d, g, c->largest->span, "the largest commitment in %s: %s %s", id,
                 num_str(r->a, c->largest->value, NUM_MESSAGE), id);
    diag_hint(r->d, g, "correct the numbers: a commitment or budget is not negative");
}

/* The spread of an indicator's planned values: baseline and targets. */
static void plan_spread(Resolver *r, const Indicator *ind)
{
    double lo = ind->baseline, hi = ind->baseline;
    Span lo_at = ind->baseline_span, hi_at = ind->baseline_span;
    bool any = ind->has_baseline;
    for (int k = 0; k < ind->targets.n; k++) {
        const Target *t = &ind->targets.v[k];
        if (!any || t->value < lo) {
            lo = t->value;
            lo_at = t->span;
        }
        if (!any || t->value > hi) {
            hi = t->value;
            hi_at = t->span;
        }
        any = true;
    }
    if (!any || isfinite(hi - lo))
        return;
    Diagnostic *g = diag_report(
        r->d, CHECK_INVALID_NUMBER, hi_at, "file",
        "indicator '%s' plans values too far apart to measure progress between: from %s to "
        "%s, a difference past the largest number (about 1.8e308)",
        ind->d.id, num_str(r->a, lo, NUM_MESSAGE), num_str(r->a, hi, NUM_MESSAGE));
    diag_related(r->d, g, lo_at, "the lowest planned value, %s", num_str(r->a, lo, NUM_MESSAGE));
    diag_hint(r->d, g, "write the indicator in a larger unit, or correct the baseline or target");
}

void resolve_sums(Resolver *r, Model *m)
{
    HMap at;
    hmap_init_ptr(&at, r->a, 16);
    UnitSums sums = {0};
    for (int i = 0; i < m->partners.n; i++)
        for (int k = 0; k < m->partners.v[i]->commits.n; k++)
            add_quantity(r, &at, &sums, &m->partners.v[i]->commits.v[k].q, 0);
    for (int i = 0; i < m->activities.n; i++)
        for (int k = 0; k < m->activities.v[i]->budgets.n; k++)
            add_quantity(r, &at, &sums, &m->activities.v[i]->budgets.v[k].q, 1);
    for (int k = 0; k < sums.n; k += 2)
        unit_balance(r, &sums.v[k], &sums.v[k + 1]);
    for (int i = 0; i < m->indicators.n; i++)
        plan_spread(r, m->indicators.v[i]);
}
