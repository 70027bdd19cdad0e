/* diff_model.c - two revisions of an agreement compared, kind by kind
 * (rdiff_compare).  See diff.h and diff_int.h.
 *
 * Declarations are matched by kind and id; a renamed declaration is one
 * removed and one added.  Tensions, which have no id, are matched by
 * interest, meetings and reports by kind and id, extern functions by name.
 *
 * Who a material change affects (docs/diff.md): the partner a partner's
 * own statement belongs to; the reporters of an indicator; the lead,
 * partners and budget providers of an activity; the owner of a milestone;
 * the partners of a tension or a meeting; and every partner for the
 * agreement's terms, governance, and anything with nobody named. */
#include <string.h>

#include "buf.h"
#include "diff_int.h"
#include "numtext.h"

static void who_partner(RdiffCtx *r, RdiffWho *w, const Partner *p)
{
    if (p)
        rdiff_who_add(r, w, p->d.id);
}

#define WHO_LIST(r, w, vec)                                                     \
    do {                                                                        \
        for (int i_ = 0; i_ < (vec).n; i_++)                                    \
            who_partner((r), (w), (vec).v[i_]);                                 \
    } while (0)

/* The agreement's terms, its governance and extern functions concern every
 * partner. */
static const RdiffWho every = {.every = true};

/* ---- the agreement and its agenda --------------------------------------------- */

static const char *withdrawal_text(Arena *a, Duration d)
{
    return d.n ? arena_printf(a, "%s notice", rdiff_dur(a, d)) : NULL;
}

static const char *binding_text(Binding b)
{
    return b == BINDING_UNSET ? NULL : b == BINDING_YES ? "yes" : "no";
}

static void agreement(RdiffCtx *r)
{
    const Agreement *o = r->o->agreement, *n = r->n->agreement;
    if (!o || !n)
        return;
    Arena *a = r->a;
    const char *subj = model_decl_subject(r->a, &n->d);
    if (strcmp(o->d.id, n->d.id) != 0)
        rdiff_change(r, RD_CHANGED, false, subj, "id", o->d.id, n->d.id, NULL);
    rdiff_string(r, false, subj, "title", o->d.title, n->d.title, NULL);
    rdiff_string(r, false, subj, "version", o->version, n->version, NULL);
    rdiff_scalar(r, true, subj, "term", rdiff_period(a, o->term_start, o->term_end),
                 rdiff_period(a, n->term_start, n->term_end), &every);
    rdiff_scalar(r, true, subj, "lead", model_ref_name(a, r->o, o->lead ? &o->lead->d : NULL),
                 model_ref_name(a, r->n, n->lead ? &n->lead->d : NULL), &every);
    rdiff_string(r, false, subj, "scope", o->scope, n->scope, NULL);
    rdiff_string(r, true, subj, "amendment", o->amendment, n->amendment, &every);
    rdiff_scalar(r, true, subj, "withdrawal", withdrawal_text(a, o->withdrawal),
                 withdrawal_text(a, n->withdrawal), &every);
    rdiff_scalar(r, true, subj, "nested_in", rdiff_id(o->nested_in), rdiff_id(n->nested_in),
                 &every);
    rdiff_scalar(r, true, subj, "binding", binding_text(o->binding), binding_text(n->binding),
                 &every);
    rdiff_allows(r, subj, &o->d.allows, &n->d.allows);
}

/* Principles and comments have no key: one that is not in the other
 * revision word for word is removed or added. */
static void unkeyed(RdiffCtx *r, const char *subject, const char *field, const char *const *o,
                    int on, const char *const *n, int nn, bool quote)
{
    RdiffItems io = {0}, in = {0};
    for (int i = 0; i < on; i++)
        rdiff_item(r, &io, arena_printf(r->a, "old %d", i), quote ? rdiff_str(r->a, o[i]) : o[i]);
    for (int i = 0; i < nn; i++)
        rdiff_item(r, &in, arena_printf(r->a, "new %d", i), quote ? rdiff_str(r->a, n[i]) : n[i]);
    rdiff_items(r, false, subject, field, &io, &in, NULL);
}

/* Needs: the spectrum the partnership addresses, a description. */
static const RdiffKind need_kind = {"needs", "text", false, false, NULL, NULL};

static void agenda(RdiffCtx *r)
{
    const Model *o = r->o, *n = r->n;
    rdiff_string(r, false, "agenda", "vision", o->vision, n->vision, NULL);
    rdiff_string(r, false, "agenda", "problem", o->problem, n->problem, NULL);
    unkeyed(r, "agenda", "principle", o->principles.v, o->principles.n, n->principles.v,
            n->principles.n, true);
    RDIFF_DECLS(r, &need_kind, o->needs, n->needs);
}

/* ---- partners and tensions ------------------------------------------------------- */

static void want_items(RdiffCtx *r, const void *from, RdiffItems *out)
{
    const Incentive *x = from;
    for (int k = 0; k < x->wants.n; k++)
        rdiff_item(r, out, x->wants.v[k].interest,
                   arena_printf(r->a, "interest %s wants %s", x->wants.v[k].interest,
                                x->wants.v[k].dir > 0 ? "more" : "less"));
}

static const Incentive *find_incentive(const Partner *p, const char *id)
{
    const Incentive *found = NULL;
    for (int k = 0; k < p->incentives.n; k++)
        if (strcmp(p->incentives.v[k]->id, id) == 0)
            found = p->incentives.v[k];
    return found;
}

static void incentives(RdiffCtx *r, const char *subj, const Partner *o, const Partner *n,
                       const RdiffWho *w)
{
    for (int pass = 0; pass < 2; pass++) {
        const Partner *from = pass ? n : o, *other = pass ? o : n;
        for (int i = 0; i < from->incentives.n; i++) {
            const Incentive *x = from->incentives.v[i], *y = find_incentive(other, x->id);
            const char *field = arena_printf(r->a, "incentive %s", x->id);
            if (!y)
                rdiff_add_remove(r, pass, true, subj, field, rdiff_str(r->a, x->text), w);
            if (!y || pass)
                continue;
            rdiff_string(r, false, subj, field, x->text, y->text, NULL);
            rdiff_values(r, true, subj, field, want_items, x, y, w);
        }
    }
}

/* A commitment as written after `commits`, keyed by its unit and what it
 * is, so that a changed amount, value or condition reads as a change. */
static void commit_items(RdiffCtx *r, const void *from, RdiffItems *out)
{
    const Partner *p = from;
    for (int i = 0; i < p->commits.n; i++) {
        const Commitment *cm = &p->commits.v[i];
        const Quantity *q = &cm->q;
        const char *key = q->unit ? q->unit->d.id : "";
        Buf b;
        buf_init(&b);
        buf_puts(&b, rdiff_qty(r->a, q->value, q->unit));
        if (cm->what) {
            key = arena_printf(r->a, "%s %s", key, cm->what);
            buf_printf(&b, " %s", rdiff_str(r->a, cm->what));
        }
        if (cm->has_worth)
            buf_printf(&b, " worth %s", rdiff_qty(r->a, cm->worth.value, cm->worth.unit));
        if (cm->condition)
            buf_printf(&b, " subject_to %s", rdiff_str(r->a, cm->condition));
        rdiff_item(r, out, key, arena_strdup(r->a, buf_cstr(&b)));
        buf_free(&b);
    }
}

/* Who signs, keyed by name: "\"Ana Ruiz\" title \"Mayor\"". */
static void signatory_items(RdiffCtx *r, const void *from, RdiffItems *out)
{
    const Partner *p = from;
    for (int i = 0; i < p->signatories.n; i++) {
        const Signatory *sg = &p->signatories.v[i];
        const char *text = rdiff_str(r->a, sg->name);
        if (sg->title)
            text = arena_printf(r->a, "%s title %s", text, rdiff_str(r->a, sg->title));
        rdiff_item(r, out, sg->name, text);
    }
}

/* Whom to contact, keyed by name: role, email and phone. */
static void contact_items(RdiffCtx *r, const void *from, RdiffItems *out)
{
    const Partner *p = from;
    for (int i = 0; i < p->contacts.n; i++) {
        const Contact *ct = &p->contacts.v[i];
        Buf b;
        buf_init(&b);
        buf_puts(&b, rdiff_str(r->a, ct->name));
        if (ct->role)
            buf_printf(&b, " role %s", rdiff_str(r->a, ct->role));
        if (ct->email)
            buf_printf(&b, " email %s", rdiff_str(r->a, ct->email));
        if (ct->phone)
            buf_printf(&b, " phone %s", rdiff_str(r->a, ct->phone));
        rdiff_item(r, out, ct->name, arena_strdup(r->a, buf_cstr(&b)));
        buf_free(&b);
    }
}

/* A partner's own statements concern that partner; one joining or leaving
 * concerns the whole partnership (and the one who leaves). */
static void partners(RdiffCtx *r)
{
    RdiffNames no = {0}, nn = {0};
    RDIFF_USER_IDS(r, r->o->partners, &no);
    RDIFF_USER_IDS(r, r->n->partners, &nn);
    for (int i = 0; i < no.n; i++) {
        const Partner *o = RDIFF_FIND(r->o->partners, no.v[i]);
        const Partner *n = RDIFF_FIND(r->n->partners, no.v[i]);
        if (!n) {
            RdiffWho w = {.every = true};
            rdiff_who_add(r, &w, o->d.id);
            rdiff_add_remove(r, false, true, model_decl_subject(r->a, &o->d), NULL,
                             rdiff_str(r->a, o->d.title), &w);
            continue;
        }
        const char *subj = model_decl_subject(r->a, &n->d);
        RdiffWho w = {0};
        rdiff_who_add(r, &w, n->d.id);
        rdiff_string(r, false, subj, "title", o->d.title, n->d.title, NULL);
        rdiff_scalar(r, false, subj, "sector", rdiff_id(o->sector), rdiff_id(n->sector), NULL);
        rdiff_scalar(r, false, subj, "level", rdiff_id(o->level), rdiff_id(n->level), NULL);
        rdiff_values(r, true, subj, "signatory", signatory_items, o, n, &w);
        rdiff_values(r, false, subj, "contact", contact_items, o, n, NULL);
        rdiff_scalar(r, true, subj, "joins", rdiff_date(r->a, o->joins), rdiff_date(r->a, n->joins),
                     &w);
        rdiff_scalar(r, true, subj, "leaves", rdiff_date(r->a, o->leaves),
                     rdiff_date(r->a, n->leaves), &w);
        RDIFF_REFS(r, true, subj, "backbone", o->backbone, n->backbone, RDIFF_W, &w);
        rdiff_string(r, true, subj, "coordinator", o->coordinator, n->coordinator, &w);
        rdiff_values(r, true, subj, "commits", commit_items, o, n, &w);
        incentives(r, subj, o, n, &w);
        rdiff_allows(r, subj, &o->d.allows, &n->d.allows);
    }
    for (int i = 0; i < nn.n; i++)
        if (!RDIFF_FIND(r->o->partners, nn.v[i])) {
            const Partner *n = RDIFF_FIND(r->n->partners, nn.v[i]);
            rdiff_add_remove(r, true, true, model_decl_subject(r->a, &n->d), NULL,
                             rdiff_str(r->a, n->d.title), &every);
        }
    rdiff_order(r, "partners", &no, &nn);
}

/* Tensions have no id: they are matched by interest, and among tensions
 * on the same interest by their place. */
static const char *tension_key(RdiffCtx *r, const Model *m, int i)
{
    const Tension *t = m->tensions.v[i];
    int nth = 0;
    for (int k = 0; k < i; k++)
        nth += strcmp(m->tensions.v[k]->interest, t->interest) == 0;
    return nth ? arena_printf(r->a, "tension %s (%d)", t->interest, nth + 1)
               : arena_printf(r->a, "tension %s", t->interest);
}

static const Tension *find_tension(RdiffCtx *r, const Model *m, const char *key)
{
    for (int i = 0; i < m->tensions.n; i++)
        if (strcmp(tension_key(r, m, i), key) == 0)
            return m->tensions.v[i];
    return NULL;
}

static const char *between_text(Arena *a, const Tension *t)
{
    Buf b;
    buf_init(&b);
    buf_puts(&b, "between ");
    for (int k = 0; k < t->partners.n; k++)
        buf_printf(&b, "%s%s", k ? ", " : "", t->partners.v[k]->d.id);
    const char *s = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return s;
}

static void tensions(RdiffCtx *r)
{
    for (int pass = 0; pass < 2; pass++) {
        const Model *from = pass ? r->n : r->o, *other = pass ? r->o : r->n;
        for (int i = 0; i < from->tensions.n; i++) {
            const char *key = tension_key(r, from, i);
            const Tension *x = from->tensions.v[i], *y = find_tension(r, other, key);
            RdiffWho w = {0};
            WHO_LIST(r, &w, x->partners);
            if (!y) {
                rdiff_add_remove(r, pass, true, key, NULL, between_text(r->a, x), &w);
                continue;
            }
            if (pass)
                continue;
            WHO_LIST(r, &w, y->partners);
            RDIFF_REFS(r, true, key, "between", x->partners, y->partners, RDIFF_PARTNER, NULL);
            rdiff_string(r, true, key, "resolution", x->resolution, y->resolution, &w);
            rdiff_allows(r, key, &x->allows, &y->allows);
        }
    }
}

/* ---- goals, indicators, dimensions ---------------------------------------------------- */

/* Who is concerned by a goal: the partners of the activities that support
 * it and the reporters of its indicators, in both revisions. */
static void goal_who(RdiffCtx *r, const Model *m, const char *id, const void *d, RdiffWho *w)
{
    (void)d;
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *ac = m->activities.v[i];
        for (int k = 0; k < ac->supports.n; k++)
            if (strcmp(ac->supports.v[k]->d.id, id) == 0) {
                who_partner(r, w, ac->lead);
                WHO_LIST(r, w, ac->partners);
            }
    }
    const Goal *g = RDIFF_FIND(m->goals, id);
    for (int i = 0; g && i < g->measured_by.n; i++)
        WHO_LIST(r, w, g->measured_by.v[i]->reporters);
}

static void goal_fields(RdiffCtx *r, const char *subj, const void *ov, const void *nv,
                        const RdiffWho *w)
{
    const Goal *o = ov, *n = nv;
    rdiff_scalar(r, true, subj, "by", rdiff_date(r->a, o->by), rdiff_date(r->a, n->by), w);
    RDIFF_REFS(r, true, subj, "measured_by", o->measured_by, n->measured_by, RDIFF_W, w);
}

static const RdiffKind goal_kind = {"goals", "title", true, true, goal_who, goal_fields};

static bool is_percent(const Unit *u)
{
    return u && strcmp(u->d.id, "percent") == 0;
}

/* A value of an indicator: "40%" for a percentage, else the plain number. */
static const char *value_text(Arena *a, double v, const Unit *u)
{
    return is_percent(u) ? rdiff_qty(a, v, u) : num_str(a, v, NUM_SOURCE);
}

static void target_items(RdiffCtx *r, const void *from, RdiffItems *out)
{
    const Indicator *x = from;
    for (int k = 0; k < x->targets.n; k++) {
        const Target *t = &x->targets.v[k];
        rdiff_item(r, out, rdiff_date(r->a, t->date),
                   arena_printf(r->a, "%s by %s", value_text(r->a, t->value, x->unit),
                                rdiff_date(r->a, t->date)));
    }
}

static const char *baseline_text(Arena *a, const Indicator *x)
{
    if (!x->has_baseline)
        return NULL;
    return arena_printf(a, "%s on %s", value_text(a, x->baseline, x->unit),
                        rdiff_date(a, x->baseline_date));
}

static const char *frequency_text(Arena *a, Duration d)
{
    if (d.n == 0)
        return NULL;
    char buf[64];
    return arena_strdup(a, duration_frequency(d, buf, sizeof buf));
}

static void cell_target_items(RdiffCtx *r, const void *from, RdiffItems *out)
{
    const Indicator *x = from;
    for (int k = 0; k < x->cell_targets.n; k++) {
        const Target *t = &x->cell_targets.v[k];
        const char *cell = arena_printf(r->a, "%s %s", t->dim->d.id, t->dim->values.v[t->cell]);
        rdiff_item(r, out, arena_printf(r->a, "%s %s", cell, rdiff_date(r->a, t->date)),
                   arena_printf(r->a, "%s by %s for %s", value_text(r->a, t->value, x->unit),
                                rdiff_date(r->a, t->date), cell));
    }
}

static const char *season_text(Arena *a, const Indicator *x)
{
    if (!x->season_from)
        return NULL;
    return arena_printf(a, "%s to %s", model_months[x->season_from - 1],
                        model_months[x->season_to - 1]);
}

static const char *duration_words(Arena *a, Duration d)
{
    if (d.n == 0)
        return NULL;
    char buf[64];
    return arena_strdup(a, duration_text(d, buf, sizeof buf));
}

static const char *direction_text(int dir)
{
    return dir > 0 ? "up" : dir < 0 ? "down" : NULL;
}

static void indicator_who(RdiffCtx *r, const Model *m, const char *id, const void *d,
                          RdiffWho *w)
{
    (void)m, (void)id;
    const Indicator *x = d;
    if (x)
        WHO_LIST(r, w, x->reporters);
}

static void indicator_fields(RdiffCtx *r, const char *subj, const void *ov, const void *nv,
                             const RdiffWho *w)
{
    static const char *const values[] = {NULL, "cumulative", "per_period"};
    static const char *const combine[] = {"sum", "mean", "min", "max", "latest"};
    static const char *const totals[] = {NULL, "yearly", "quarterly"};
    const Indicator *o = ov, *n = nv;
    Arena *a = r->a;
    rdiff_scalar(r, true, subj, "unit", rdiff_id(o->unit), rdiff_id(n->unit), w);
    rdiff_scalar(r, true, subj, "direction", direction_text(o->direction),
                 direction_text(n->direction), w);
    rdiff_scalar(r, true, subj, "baseline", baseline_text(a, o), baseline_text(a, n), w);
    rdiff_values(r, true, subj, "target", target_items, o, n, w);
    rdiff_values(r, true, subj, "target for a cell", cell_target_items, o, n, w);
    rdiff_scalar(r, true, subj, "frequency", frequency_text(a, o->frequency),
                 frequency_text(a, n->frequency), w);
    rdiff_scalar(r, true, subj, "season", season_text(a, o), season_text(a, n), w);
    rdiff_scalar(r, true, subj, "totals", totals[o->totals], totals[n->totals], w);
    rdiff_scalar(r, true, subj, "report_within", duration_words(a, o->report_within),
                 duration_words(a, n->report_within), w);
    RDIFF_REFS(r, true, subj, "reported_by", o->reporters, n->reporters, RDIFF_PARTNER, NULL);
    rdiff_string(r, false, subj, "source", o->source, n->source, NULL);
    rdiff_scalar(r, true, subj, "values", values[o->values], values[n->values], w);
    rdiff_scalar(r, true, subj, "combine", o->combine_set ? combine[o->combine] : NULL,
                 n->combine_set ? combine[n->combine] : NULL, w);
    RDIFF_REFS(r, true, subj, "disaggregated_by", o->dims, n->dims, RDIFF_W, w);
    rdiff_scalar(r, true, subj, "personal_data", o->personal_data ? "yes" : "no",
                 n->personal_data ? "yes" : "no", w);
    rdiff_scalar(r, true, subj, "denominator", rdiff_id(o->denominator), rdiff_id(n->denominator),
                 w);
    rdiff_scalar(r, true, subj, "formula", rdiff_expr(a, o->formula), rdiff_expr(a, n->formula),
                 w);
    rdiff_scalar(r, true, subj, "contributes_to",
                 model_ref_name(a, r->o, o->contributes_to ? &o->contributes_to->d : NULL),
                 model_ref_name(a, r->n, n->contributes_to ? &n->contributes_to->d : NULL), w);
}

static const RdiffKind indicator_kind = {"indicators", "title", true, true, indicator_who,
                                         indicator_fields};

/* Its values are what the reporters of the indicators broken down by it
 * must report: a change of them concerns those reporters, and is
 * editorial when no indicator uses the dimension.  Whether an indicator
 * reports by it is a change of that indicator; the dimension itself is
 * vocabulary. */
static void dimension_fields(RdiffCtx *r, const char *subj, const void *ov, const void *nv,
                             const RdiffWho *unused)
{
    (void)unused;
    const Dimension *o = ov, *n = nv;
    RdiffWho w = {0};
    bool used = false;
    for (int k = 0; k < r->n->indicators.n; k++) {
        const Indicator *ind = r->n->indicators.v[k];
        for (int j = 0; j < ind->dims.n; j++)
            if (ind->dims.v[j] == n) {
                used = true;
                WHO_LIST(r, &w, ind->reporters);
            }
    }
    RdiffNames vo = {0}, vn = {0};
    for (int k = 0; k < o->values.n; k++)
        VEC_PUSH(r->a, vo, o->values.v[k]);
    for (int k = 0; k < n->values.n; k++)
        VEC_PUSH(r->a, vn, n->values.v[k]);
    rdiff_names(r, used, subj, "value", &vo, &vn, RDIFF_W, &w);
}

static const RdiffKind dimension_kind = {"dimensions", "title", false, true, NULL,
                                         dimension_fields};

/* ---- activities and milestones -------------------------------------------------------- */

static void budget_items(RdiffCtx *r, const void *from, RdiffItems *out)
{
    const Activity *ac = from;
    for (int i = 0; i < ac->budgets.n; i++) {
        const Budget *b = &ac->budgets.v[i];
        const char *q = rdiff_qty(r->a, b->q.value, b->q.unit);
        const char *by = b->from ? b->from->d.id : NULL;
        rdiff_item(r, out,
                   arena_printf(r->a, "%s from %s", b->q.unit ? b->q.unit->d.id : "", by ? by : ""),
                   by ? arena_printf(r->a, "%s from %s", q, by) : q);
    }
}

/* A budget concerns the activity's lead and its provider. */
static void budget_who(RdiffCtx *r, const Activity *ac, RdiffWho *w)
{
    who_partner(r, w, ac->lead);
    for (int i = 0; i < ac->budgets.n; i++)
        who_partner(r, w, ac->budgets.v[i].from);
}

static void activity_who(RdiffCtx *r, const Model *m, const char *id, const void *d,
                         RdiffWho *w)
{
    (void)m, (void)id;
    const Activity *ac = d;
    if (ac) {
        budget_who(r, ac, w);
        WHO_LIST(r, w, ac->partners);
    }
}

static void activity_fields(RdiffCtx *r, const char *subj, const void *ov, const void *nv,
                            const RdiffWho *w)
{
    const Activity *o = ov, *n = nv;
    RdiffWho lw = {0}, bw = {0};
    who_partner(r, &lw, o->lead);
    who_partner(r, &lw, n->lead);
    rdiff_scalar(r, true, subj, "lead", rdiff_id(o->lead), rdiff_id(n->lead), &lw);
    RDIFF_REFS(r, true, subj, "partners", o->partners, n->partners, RDIFF_PARTNER, NULL);
    RDIFF_REFS(r, true, subj, "supports", o->supports, n->supports, RDIFF_W, w);
    RDIFF_REFS(r, true, subj, "addresses", o->addresses, n->addresses, RDIFF_W, w);
    RDIFF_REFS(r, true, subj, "coordinates_with", o->coordinates_with, n->coordinates_with,
               RDIFF_W, w);
    rdiff_scalar(r, true, subj, "period", rdiff_period(r->a, o->start, o->end),
                 rdiff_period(r->a, n->start, n->end), w);
    budget_who(r, o, &bw);
    budget_who(r, n, &bw);
    rdiff_values(r, true, subj, "budget", budget_items, o, n, &bw);
}

static const RdiffKind activity_kind = {"activities", "title", true, true, activity_who,
                                        activity_fields};

static void milestone_who(RdiffCtx *r, const Model *m, const char *id, const void *d,
                          RdiffWho *w)
{
    (void)m, (void)id;
    const Milestone *ms = d;
    if (ms)
        who_partner(r, w, ms->owner);
}

static void milestone_fields(RdiffCtx *r, const char *subj, const void *ov, const void *nv,
                             const RdiffWho *w)
{
    const Milestone *o = ov, *n = nv;
    Arena *a = r->a;
    rdiff_scalar(r, true, subj, "due", rdiff_date(a, o->due), rdiff_date(a, n->due), w);
    rdiff_scalar(r, true, subj, "owner", rdiff_id(o->owner), rdiff_id(n->owner), w);
    RDIFF_REFS(r, true, subj, "after", o->after, n->after, RDIFF_W, w);
    rdiff_scalar(r, true, subj, "requires", rdiff_expr(a, o->requires),
                 rdiff_expr(a, n->requires), w);
    rdiff_string(r, true, subj, "deliverable", o->deliverable, n->deliverable, w);
    rdiff_scalar(r, true, subj, "phase", rdiff_id(o->phase), rdiff_id(n->phase), w);
}

static const RdiffKind milestone_kind = {"milestones", "title", true, true, milestone_who,
                                         milestone_fields};

/* ---- clauses ------------------------------------------------------------------------- */

/* A clause is a provision every partner signs: any change to it is
 * material for all of them. */
static void clause_who(RdiffCtx *r, const Model *m, const char *id, const void *d, RdiffWho *w)
{
    (void)r, (void)m, (void)id, (void)d;
    w->every = true;
}

static void clause_fields(RdiffCtx *r, const char *subj, const void *ov, const void *nv,
                          const RdiffWho *w)
{
    const Clause *o = ov, *n = nv;
    RDIFF_REFS(r, true, subj, "covers", o->covers, n->covers, RDIFF_W, w);
    rdiff_scalar(r, true, subj, "binding", binding_text(o->binding), binding_text(n->binding), w);
    rdiff_string(r, true, subj, "text", o->text, n->text, w);
}

static const RdiffKind clause_kind = {"clauses", "title", true, true, clause_who, clause_fields};

/* ---- communication and governance ------------------------------------------------------ */

static const char *comm_kind(CommKind k)
{
    return k == COMM_MEETING ? "meeting" : k == COMM_REPORT ? "report" : "review";
}

static const Comm *find_comm(const Model *m, CommKind k, const char *id)
{
    for (int i = 0; i < m->comms.n; i++)
        if (m->comms.v[i]->kind == k && strcmp(m->comms.v[i]->id, id) == 0)
            return m->comms.v[i];
    return NULL;
}

static void comm_who(RdiffCtx *r, const Comm *c, RdiffWho *w)
{
    if (c->with_all || c->to_all)
        w->every = true;
    WHO_LIST(r, w, c->with);
    WHO_LIST(r, w, c->by);
    WHO_LIST(r, w, c->to);
}

/* Field f of a meeting or report (0 with, 1 by, 2 to), with `all` first. */
static void comm_names(RdiffCtx *r, const Model *m, const Comm *c, int f, RdiffNames *out)
{
    if (f == 0 ? c->with_all : f == 2 && c->to_all)
        VEC_PUSH(r->a, *out, "all");
    Partner *const *v = f == 0 ? c->with.v : f == 1 ? c->by.v : c->to.v;
    int n = f == 0 ? c->with.n : f == 1 ? c->by.n : c->to.n;
    for (int i = 0; i < n; i++)
        VEC_PUSH(r->a, *out, model_ref_name(r->a, m, &v[i]->d));
}

static const char *comm_subject(RdiffCtx *r, const Comm *c)
{
    return arena_printf(r->a, "%s %s", comm_kind(c->kind), c->id);
}

static void comms(RdiffCtx *r)
{
    static const char *const fields[3] = {"with", "by", "to"};
    RdiffNames no = {0}, nn = {0};
    for (int i = 0; i < r->o->comms.n; i++)
        VEC_PUSH(r->a, no, comm_subject(r, r->o->comms.v[i]));
    for (int i = 0; i < r->n->comms.n; i++)
        VEC_PUSH(r->a, nn, comm_subject(r, r->n->comms.v[i]));
    for (int pass = 0; pass < 2; pass++) {
        const Model *from = pass ? r->n : r->o, *other = pass ? r->o : r->n;
        for (int i = 0; i < from->comms.n; i++) {
            const Comm *x = from->comms.v[i], *y = find_comm(other, x->kind, x->id);
            const char *subj = pass ? nn.v[i] : no.v[i];
            RdiffWho w = {0};
            comm_who(r, x, &w);
            if (!y) {
                const char *t = arena_printf(r->a, "%s every %s", rdiff_str(r->a, x->title),
                                             rdiff_dur(r->a, x->every));
                rdiff_add_remove(r, pass, true, subj, NULL, t, &w);
                continue;
            }
            if (pass)
                continue;
            comm_who(r, y, &w);
            rdiff_string(r, false, subj, "title", x->title, y->title, NULL);
            rdiff_scalar(r, true, subj, "every", rdiff_dur(r->a, x->every),
                         rdiff_dur(r->a, y->every), &w);
            rdiff_scalar(r, true, subj, "day and time", comm_when_text(r->a, x),
                         comm_when_text(r->a, y), &w);
            for (int f = 0; f < 3; f++) {
                RdiffNames po = {0}, pn = {0};
                comm_names(r, r->o, x, f, &po);
                comm_names(r, r->n, y, f, &pn);
                rdiff_names(r, true, subj, fields[f], &po, &pn, RDIFF_AUDIENCE, NULL);
            }
        }
    }
    rdiff_order(r, "communication", &no, &nn);
}

static const char *decisions_text(RdiffCtx *r, const Model *m)
{
    switch (m->decisions) {
    case DECIDE_CONSENSUS: return "consensus";
    case DECIDE_MAJORITY: return "majority";
    case DECIDE_PARTNER: return model_ref_name(r->a, m, m->decider ? &m->decider->d : NULL);
    default: return NULL;
    }
}

static void governance(RdiffCtx *r)
{
    rdiff_scalar(r, true, "governance", "decisions", decisions_text(r, r->o),
                 decisions_text(r, r->n), &every);
    rdiff_string(r, true, "governance", "escalation", r->o->escalation, r->n->escalation,
                 &every);
    rdiff_string(r, true, "governance", "data_sharing", r->o->data_sharing,
                 r->n->data_sharing, &every);
    rdiff_scalar(r, true, "governance", "min_cell",
                 r->o->min_cell ? arena_printf(r->a, "%d", r->o->min_cell) : NULL,
                 r->n->min_cell ? arena_printf(r->a, "%d", r->n->min_cell) : NULL, &every);
}

/* ---- vocabulary, extern functions, the file ------------------------------------------ */

/* Units, sectors and topics: editorial, their titles only. */
static const RdiffKind vocabulary_kind = {NULL, "title", false, false, NULL, NULL};

static const char *signature(RdiffCtx *r, const Extern *x)
{
    static const char *const types[] = {"number", "integer", "date", "series"};
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s(", x->d.id);
    for (int k = 0; k < x->params.n; k++)
        buf_printf(&b, "%s%s", k ? ", " : "", types[x->params.v[k]]);
    buf_printf(&b, ") -> %s from %s", types[x->ret], rdiff_str(r->a, x->library));
    const char *s = arena_strdup(r->a, buf_cstr(&b));
    buf_free(&b);
    return s;
}

/* Extern functions change what formulas compute: material for everyone. */
static void externs(RdiffCtx *r)
{
    for (int pass = 0; pass < 2; pass++) {
        const Model *from = pass ? r->n : r->o, *other = pass ? r->o : r->n;
        for (int i = 0; i < from->externs.n; i++) {
            const Extern *x = from->externs.v[i];
            if (x->d.is_std)
                continue;
            const Extern *y = RDIFF_FIND(other->externs, x->d.id);
            if (!y)
                rdiff_add_remove(r, pass, true, model_decl_subject(r->a, &x->d), NULL, signature(r, x),
                                 &every);
            else if (!pass)
                rdiff_scalar(r, true, model_decl_subject(r->a, &y->d), "signature", signature(r, x),
                             signature(r, y), &every);
        }
    }
}

static const AllowList *root_allows(const Model *m)
{
    const AllowList *l = NULL;
    for (int i = 0; i < m->file_allows.n; i++)
        if (m->file_allows.v[i].file == m->root_file)
            l = &m->file_allows.v[i].allows;
    return l;
}

/* Comments (by their text: moving one is layout) and, when nothing else
 * differs, the layout. */
static void text_changes(RdiffCtx *r, const RdiffText *o, const RdiffText *n)
{
    if (!o || !n)
        return;
    unkeyed(r, "comment", NULL, o->comments, o->ncomments, n->comments, n->ncomments, false);
    if (r->d->changes.n == 0 && (o->len != n->len || memcmp(o->text, n->text, o->len) != 0))
        rdiff_change(r, RD_CHANGED, false, "layout", NULL, NULL, NULL, NULL);
}

/* ---- the whole ----------------------------------------------------------------------- */

void rdiff_compare(Rdiff *d, Arena *a, const Model *old, const Model *new_,
                   const RdiffText *old_text, const RdiffText *new_text)
{
    memset(d, 0, sizeof *d);
    d->a = a;
    RdiffCtx r = {a, d, old, new_};
    agreement(&r);
    agenda(&r);
    partners(&r);
    tensions(&r);
    RDIFF_DECLS(&r, &goal_kind, old->goals, new_->goals);
    RDIFF_DECLS(&r, &indicator_kind, old->indicators, new_->indicators);
    RDIFF_DECLS(&r, &dimension_kind, old->dimensions, new_->dimensions);
    RDIFF_DECLS(&r, &activity_kind, old->activities, new_->activities);
    RDIFF_DECLS(&r, &milestone_kind, old->milestones, new_->milestones);
    comms(&r);
    governance(&r);
    RDIFF_DECLS(&r, &clause_kind, old->clauses, new_->clauses);
    RDIFF_DECLS(&r, &vocabulary_kind, old->topics, new_->topics);
    RDIFF_DECLS(&r, &vocabulary_kind, old->units, new_->units);
    RDIFF_DECLS(&r, &vocabulary_kind, old->sectors, new_->sectors);
    externs(&r);
    rdiff_allows(&r, "file", root_allows(old), root_allows(new_));
    text_changes(&r, old_text, new_text);

    d->old_version = old->agreement ? old->agreement->version : NULL;
    d->new_version = new_->agreement ? new_->agreement->version : NULL;
    for (int i = 0; i < d->changes.n; i++) {
        const RdiffChange *c = d->changes.v[i];
        if (!c->material) {
            d->editorial++;
            continue;
        }
        d->material++;
        if (c->every_partner)
            d->any_every = true;
        for (int k = 0; k < c->partners.n; k++)
            rdiff_insert_sorted(a, &d->groups, c->partners.v[k]);
    }
    /* Who signs again: the partners of the new revision that a material
     * change affects (all of them for a change to the whole). */
    for (int i = 0; i < new_->partners.n; i++) {
        const char *id = new_->partners.v[i]->d.id;
        bool in = d->any_every;
        for (int k = 0; !in && k < d->groups.n; k++)
            in = strcmp(d->groups.v[k], id) == 0;
        if (in)
            rdiff_insert_sorted(a, &d->must_sign, id);
    }
    d->version_unchanged = d->material > 0 && rdiff_same(d->old_version, d->new_version);
}
