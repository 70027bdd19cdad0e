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
