/* resolve_reporting.c - the statements of an indicator that say when it
 * is reported and what its targets are for: `season`, `totals`,
 * `report_within` and the `for DIMENSION VALUE` of a target for one
 * breakdown cell.  The tracker reads them (docs/tracker.md, "Reporting
 * obligations"); indicator_defs in resolve.c lists them. */
#include <string.h>

#include "resolve_int.h"

/* `for DIMENSION VALUE` after a target: the cell it is set for, a value of
 * the dimension (that the indicator is disaggregated by it is checked once
 * the whole block is read: resolve_target_cells). */
bool resolve_target_cell(Cur *c, Target *t)
{
    t->dim = NULL;
    t->cell = -1;
    if (!cur_is_word(c, "for"))
        return true;
    c->i++;
    Dimension *dim = (Dimension *)cur_ref(c, REF_TARGET_DIMENSION);
    if (!dim)
        return false;
    const char *v;
    Span vs;
    if (!cur_ident(c, &v, &vs, "a value of the dimension"))
        return false;
    for (int k = 0; k < dim->values.n; k++)
        if (strcmp(dim->values.v[k], v) == 0) {
            t->dim = dim;
            t->cell = k;
            return true;
        }
    diag_report(c->r->d, CHECK_UNDEFINED_NAME, vs, "file",
                "dimension '%s' has no value '%s'", dim->d.id, v);
    return false;
}

/* A target for a cell names a dimension the indicator is disaggregated_by
 * (in any order in the block). */
void resolve_target_cells(Resolver *r, Indicator *ind)
{
    for (int i = 0; i < ind->cell_targets.n; i++) {
        const Target *t = &ind->cell_targets.v[i];
        bool ok = false;
        for (int k = 0; k < ind->dims.n && !ok; k++)
            ok = ind->dims.v[k] == t->dim;
        if (!ok)
            diag_report(r->d, CHECK_WRONG_KIND, t->span, "file",
                        "indicator '%s' is not disaggregated_by '%s'; a target for one of "
                        "its values needs that breakdown", ind->d.id, t->dim->d.id);
    }
}

/* `season MONTH to MONTH`: months by their English name or its first
 * three letters. */
static int month_of(Cur *c)
{
    static const char *const full[] = {"january", "february", "march", "april", "may", "june",
                                       "july", "august", "september", "october", "november",
                                       "december"};
    for (int k = 0; k < 12; k++)
        if (cur_is_word(c, full[k])) {
            c->i++;
            return k + 1;
        }
    int k = cur_one_of(c, model_months, 12, NULL);
    return k < 0 ? 0 : k + 1;
}

void resolve_in_season(Cur *c, Decl *d)
{
    Indicator *ind = (Indicator *)d;
    int from = month_of(c);
    if (!from || !cur_word(c, "to"))
        return;
    int to = month_of(c);
    if (!to || !cur_end(c))
        return;
    ind->season_from = from;
    ind->season_to = to;
    ind->season_span = c->st->span;
}

void resolve_in_totals(Cur *c, Decl *d)
{
    Indicator *ind = (Indicator *)d;
    static const char *const w[] = {"yearly", "quarterly"};
    int k = cur_one_of(c, w, 2, NULL);
    if (k >= 0 && cur_end(c)) {
        ind->totals = k == 0 ? TOTALS_YEARLY : TOTALS_QUARTERLY;
        ind->totals_span = c->st->span;
    }
}

void resolve_in_report_within(Cur *c, Decl *d)
{
    Indicator *ind = (Indicator *)d;
    Duration du;
    if (cur_duration(c, &du, false) && cur_end(c)) {
        ind->report_within = du;
        ind->report_within_span = c->st->span;
    }
}

/* `denominator INDICATOR`: the count this indicator is a rate of (checked
 * once every indicator is read: resolve_denominators). */
void resolve_in_denominator(Cur *c, Decl *d)
{
    Indicator *ind = (Indicator *)d;
    ind->denominator_span = c->st->span;
    ind->denominator = (Indicator *)cur_ref(c, REF_DENOMINATOR);
    cur_end(c);
}

/* Whether an indicator's values are rates, not counts: a percentage, or
 * one that names its denominator. */
static bool is_rate(const Indicator *ind)
{
    return ind->denominator || (ind->unit && strcmp(ind->unit->d.id, "percent") == 0);
}

/* Whether every dimension of a is one of b's. */
static bool dims_within(const Indicator *a, const Indicator *b)
{
    for (int k = 0; k < a->dims.n; k++) {
        bool found = false;
        for (int j = 0; j < b->dims.n && !found; j++)
            found = b->dims.v[j] == a->dims.v[k];
        if (!found)
            return false;
    }
    return true;
}

/* A denominator is another indicator, a count (its cells are what a
 * rate's privacy follows), broken down by the same dimensions as the rate,
 * so that each cell of the rate has the denominator's cell it is a share
 * of.  A denominator that breaks any of these is dropped after the error. */
void resolve_denominators(Resolver *r, Model *m)
{
    for (int i = 0; i < m->indicators.n; i++) {
        Indicator *ind = m->indicators.v[i];
        const Indicator *den = ind->denominator;
        if (!den)
            continue;
        if (den == ind)
            diag_report(r->d, CHECK_WRONG_KIND, ind->denominator_span, "file",
                        "indicator '%s' names itself as its `denominator`; name the count it "
                        "is a share of", ind->d.id);
        else if (is_rate(den))
            diag_report(r->d, CHECK_WRONG_KIND, ind->denominator_span, "file",
                        "the `denominator` of '%s' must be a count, but '%s' is itself a rate "
                        "(%s)", ind->d.id, den->d.id,
                        den->denominator ? "it names a denominator" : "its unit is percent");
        else if (!dims_within(ind, den) || !dims_within(den, ind))
            diag_report(r->d, CHECK_WRONG_KIND, ind->denominator_span, "file",
                        "the `denominator` of '%s' must be broken down by the same dimensions "
                        "as '%s' (`disaggregated_by`), so that each of its cells has a count; "
                        "'%s' is not", ind->d.id, ind->d.id, den->d.id);
        else
            continue;
        ind->denominator = NULL;
    }
}
