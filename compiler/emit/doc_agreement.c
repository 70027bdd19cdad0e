/* doc_agreement.c - the formal agreement, from the title to the schedule
 * (sections 1 to 7 of the outline in docs/documents.md); doc_terms.c
 * writes the rest.
 *
 * Every section is always present, in order: a part the agreement does
 * not state is said to be missing, so that the gap is visible to the
 * people who sign.  Cross-references in tables use the declarations' ids
 * (shown in monospace), which the defining table lists next to each title;
 * partners are named by their legal names. */
#include <string.h>

#include "doc.h"
#include "graph.h"

/* Months as the documents name them. */
static const char *const month_names[12] = {
    NP_("month", "January"), NP_("month", "February"), NP_("month", "March"),
    NP_("month", "April"), NP_("month", "May"), NP_("month", "June"), NP_("month", "July"),
    NP_("month", "August"), NP_("month", "September"), NP_("month", "October"),
    NP_("month", "November"), NP_("month", "December")};

/* Title over the id, for the first column of a table (the title alone in
 * the copy for signature). */
static void cell_decl(Doc *d, DocText *cell, const Decl *decl)
{
    dt_add(d, cell, DS_PLAIN, fmt_title(decl));
    if (decl->title && *decl->title && !d->for_signature) {
        dt_break(d, cell);
        dt_gen(d, cell, DS_CODE, decl->id);
    }
}

static void ids(Doc *d, DocText *t, Decl *const *v, int n)
{
    for (int i = 0; i < n; i++) {
        if (i)
            dt_gen(d, t, DS_PLAIN, d->for_signature ? "; " : ", ");
        fmt_ref(d, t, v[i]);
    }
}

static void missing(Doc *d, const char *what)
{
    doc_para(d, dt_gen(d, NULL, DS_EM, what));
}

static const char *period(Doc *d, int32_t start, int32_t end)
{
    if (start == DATE_NONE && end == DATE_NONE)
        return "no period stated";
    return arena_printf(d->a, L_("%s to %s"), fmt_date(d->a, start), fmt_date(d->a, end));
}

/* ---- title, parties table --------------------------------------------------- */

void doc_agreement_title(Doc *d, const Agreement *ag, bool term_always)
{
    doc_title(d, dt_user(d, fmt_title(&ag->d)));
    d->version = ag->version;
    DocText *t = dt_new(d);
    if (d->for_signature) {
        dt_gen(d, t, DS_PLAIN, L_("Copy for signature"));
    } else {
        dt_gen(d, t, DS_PLAIN, L_("Agreement "));
        dt_gen(d, t, DS_CODE, ag->d.id);
    }
    if (ag->version) {
        dt_gen(d, t, DS_PLAIN, L_(" \xc2\xb7 Version "));
        dt_add(d, t, DS_PLAIN, ag->version);
    }
    if (ag->term_start != DATE_NONE)
        dt_genf(d, t, DS_PLAIN, L_(" \xc2\xb7 In force from %s to %s"),
                fmt_date(d->a, ag->term_start), fmt_date(d->a, ag->term_end));
    else if (term_always)
        dt_gen(d, t, DS_PLAIN, L_(" \xc2\xb7 Term not stated"));
    doc_para(d, t)->cls = "lead";
}

static void title_block(Doc *d, const Model *m)
{
    const Agreement *ag = m->agreement;
    doc_agreement_title(d, ag, true);

    if (m->partners.n == 0) {
        missing(d, L_("The agreement names no partner."));
        return;
    }
    doc_para(d, dt_text(d, L_("Between the following parties:")));
    DocBlock *tb = doc_table(d, "llll", L_("Party"), L_("Sector"), L_("Level"), L_("Signatory"));
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        DocText **r = doc_row(d, tb);
        dt_add(d, r[0], DS_STRONG, fmt_title(&p->d));
        if (p == ag->lead)
            dt_gen(d, r[0], DS_PLAIN, L_(" (project lead)"));
        if (p->sector)
            dt_add(d, r[1], DS_PLAIN, fmt_title(&p->sector->d));
        if (p->level)
            dt_add(d, r[2], DS_PLAIN, fmt_title(&p->level->d));
        const char *signs = fmt_signatories(d->a, p);
        if (signs)
            dt_add(d, r[3], DS_PLAIN, signs);
        else
            dt_gen(d, r[3], DS_EM, L_("not named"));
    }
}

/* ---- 1. recitals; 2. purpose, scope, goals, principles ---------------------- */

static void recitals(Doc *d, const Model *m)
{
    doc_heading(d, 2, "recitals", dt_genf(d, dt_new(d), DS_PLAIN, "1. %s", L_("Recitals")));
    if (m->problem) {
        DocText *t = dt_gen(d, NULL, DS_STRONG, L_("The problem. "));
        doc_para(d, dt_add(d, t, DS_PLAIN, m->problem));
    } else {
        missing(d, L_("The agreement states no problem."));
    }
    if (m->vision) {
        DocText *t = dt_gen(d, NULL, DS_STRONG, L_("The vision. "));
        doc_para(d, dt_add(d, t, DS_PLAIN, m->vision));
    } else {
        missing(d, L_("The agreement states no vision."));
    }
}

static void purpose(Doc *d, const Model *m)
{
    const Agreement *ag = m->agreement;
    doc_heading(d, 2, "purpose", dt_genf(d, dt_new(d), DS_PLAIN, "2. %s", L_("Purpose, scope and goals")));
    if (ag->scope) {
        DocText *t = dt_gen(d, NULL, DS_STRONG, L_("Scope. "));
        doc_para(d, dt_add(d, t, DS_PLAIN, ag->scope));
    } else {
        missing(d, L_("The agreement states no scope."));
    }
    if (ag->lead) {
        DocText *t = dt_gen(d, NULL, DS_PLAIN, L_("The project lead is "));
        dt_add(d, t, DS_STRONG, fmt_title(&ag->lead->d));
        doc_para(d, dt_gen(d, t, DS_PLAIN, "."));
    } else {
        missing(d, L_("The agreement names no project lead."));
    }

    if (m->goals.n) {
        doc_para(d, dt_text(d, L_("The partners pursue these shared goals:")));
        DocBlock *tb = doc_table(d, "lll", L_("Goal"), L_("To be reached by"), L_("Measured by"));
        for (int i = 0; i < m->goals.n; i++) {
            const Goal *g = m->goals.v[i];
            DocText **r = doc_row(d, tb);
            cell_decl(d, r[0], &g->d);
            dt_gen(d, r[1], DS_PLAIN, g->by == DATE_NONE ? L_("no date") : fmt_date(d->a, g->by));
            ids(d, r[2], (Decl *const *)g->measured_by.v, g->measured_by.n);
            if (g->measured_by.n == 0)
                dt_gen(d, r[2], DS_EM, L_("no indicator"));
        }
    } else {
        missing(d, L_("The agreement states no goal."));
    }

    if (m->principles.n) {
        doc_para(d, dt_text(d, L_("The partners agree to work by these principles:")));
        DocBlock *l = doc_list(d, true);
        for (int i = 0; i < m->principles.n; i++)
            doc_item(d, l, dt_user(d, m->principles.v[i]));
    } else {
        missing(d, L_("The agreement states no principle."));
    }
}

/* ---- 3. parties, roles and commitments --------------------------------------- */

/* The commitments in the words of fmt_commitment(), which quote the
 * partner's own text (what, condition) among the generated words. */
static void commitments(Doc *d, DocText *t, const Partner *p)
{
    for (int i = 0; i < p->commits.n; i++) {
        if (i)
            dt_gen(d, t, DS_PLAIN, "; ");
        dt_add(d, t, DS_PLAIN, fmt_commitment(d->a, &p->commits.v[i]));
    }
}

/* An item of a field value: title (id) extra. */
static void entry(Doc *d, DocText *t, const Decl *decl, const char *extra)
{
    if (!dt_empty(t))
        dt_break(d, t);
    dt_add(d, t, DS_PLAIN, fmt_title(decl));
    if (decl->title && *decl->title && !d->for_signature) {
        dt_gen(d, t, DS_PLAIN, " (");
        dt_gen(d, t, DS_CODE, decl->id);
        dt_gen(d, t, DS_PLAIN, ")");
    }
    if (extra)
        dt_genf(d, t, DS_PLAIN, ", %s", extra);
}

/* What each partner does, filed in one pass over the model: a party's
 * section lists the activities it leads, takes part in and provides to,
 * the milestones it owns, the indicators it reports and the reports it
 * sends, and scanning the model again for each partner would cost
 * partners x declarations.  Each list keeps the model's order. */
typedef struct Gift {
    const Activity *a;
    const Budget *b;
} Gift;
typedef struct Roles {
    VEC(const Activity *) leads, joins;
    VEC(Gift) gives;
    VEC(const Milestone *) owns;
    VEC(const Indicator *) reports;
    VEC(const Comm *) sends;
} Roles;

/* The roles of partner p, or NULL for one the model does not list. */
static Roles *roles_at(Roles *r, const HMap *pos, const Partner *p)
{
    int *i = hmap_ptr_get(pos, p);
    return i ? &r[*i] : NULL;
}

/* Files `x` under each partner of a list (a name listed twice counts once:
 * a declaration is filed after its previous one, so a repeat is last). */
#define ROLES_FILE(a, r, pos, list, field, x)                                 \
    for (int j_ = 0; j_ < (list).n; j_++) {                                  \
        Roles *o_ = roles_at(r, pos, (list).v[j_]);                          \
        if (o_ && (o_->field.n == 0 || o_->field.v[o_->field.n - 1] != (x))) \
            VEC_PUSH(a, o_->field, x);                                       \
    }

static Roles *roles_of(Doc *d, const Model *m)
{
    HMap pos;
    HMAP_POSITIONS(&pos, d->a, m->partners);
    Roles *r = arena_alloc(d->a, sizeof *r * (size_t)m->partners.n);
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *a = m->activities.v[i];
        Roles *o = roles_at(r, &pos, a->lead);
        if (o)
            VEC_PUSH(d->a, o->leads, a);
        ROLES_FILE(d->a, r, &pos, a->partners, joins, a);
        for (int k = 0; k < a->budgets.n; k++)
            if ((o = roles_at(r, &pos, doc_budget_source(a, &a->budgets.v[k]))))
                VEC_PUSH(d->a, o->gives, ((Gift){a, &a->budgets.v[k]}));
    }
    for (int i = 0; i < m->milestones.n; i++) {
        Roles *o = roles_at(r, &pos, m->milestones.v[i]->owner);
        if (o)
            VEC_PUSH(d->a, o->owns, m->milestones.v[i]);
    }
    for (int i = 0; i < m->indicators.n; i++)
        ROLES_FILE(d->a, r, &pos, m->indicators.v[i]->reporters, reports, m->indicators.v[i]);
    for (int i = 0; i < m->comms.n; i++)
        if (m->comms.v[i]->kind == COMM_REPORT)
            ROLES_FILE(d->a, r, &pos, m->comms.v[i]->by, sends, m->comms.v[i]);
    return r;
}

static void party(Doc *d, const Model *m, const Partner *p, const Roles *r, int num)
{
    DocText *h = dt_genf(d, NULL, DS_PLAIN, "3.%d ", num);
    /* The copy for signature numbers its anchors: no id, even in markup. */
    const char *anchor = d->for_signature ? arena_printf(d->a, "partner-%d", num)
                                          : arena_printf(d->a, "partner-%s", p->d.id);
    doc_heading(d, 3, anchor, dt_add(d, h, DS_PLAIN, fmt_title(&p->d)));
    DocBlock *f = doc_fields(d);
    if (p->sector)
        doc_field(d, f, L_("Sector"), dt_user(d, fmt_title(&p->sector->d)));
    if (p->level)
        doc_field(d, f, L_("Level"), dt_user(d, fmt_title(&p->level->d)));
    const char *signs = fmt_signatories(d->a, p);
    doc_field(d, f, p->signatories.n > 1 ? L_("Signatories") : L_("Signatory"),
              signs ? dt_user(d, signs) : dt_gen(d, NULL, DS_EM, L_("not named")));
    DocText *t = doc_membership(d, m, p);
    if (t)
        doc_field(d, f, L_("Membership"), t);
    if (p->coordinator)
        doc_field(d, f, L_("Coordinating staff"), dt_user(d, p->coordinator));
    t = dt_new(d);
    commitments(d, t, p);
    doc_field(d, f, L_("Commits"), t);
    t = dt_new(d);
    for (int i = 0; i < p->backbone.n; i++) {
        if (i)
            dt_break(d, t);
        dt_add(d, t, DS_PLAIN, fmt_title(&p->backbone.v[i]->d));
    }
    doc_field(d, f, L_("Backbone functions"), t);

    t = dt_new(d);
    for (int i = 0; i < p->incentives.n; i++) {
        if (i)
            dt_break(d, t);
        fmt_incentive(d, t, p->incentives.v[i]);
    }
    doc_field(d, f, L_("Incentives"), t);

    DocText *leads = dt_new(d), *joins = dt_new(d), *gives = dt_new(d);
    for (int i = 0; i < r->leads.n; i++)
        entry(d, leads, &r->leads.v[i]->d, NULL);
    for (int i = 0; i < r->joins.n; i++)
        entry(d, joins, &r->joins.v[i]->d, NULL);
    for (int i = 0; i < r->gives.n; i++) {
        const Gift *g = &r->gives.v[i];
        if (!dt_empty(gives))
            dt_break(d, gives);
        dt_genf(d, gives, DS_PLAIN, L_("%s to "), fmt_quantity(d->a, g->b->q.value, g->b->q.unit));
        fmt_ref(d, gives, &g->a->d);
    }
    doc_field(d, f, L_("Leads"), leads);
    doc_field(d, f, L_("Takes part in"), joins);
    doc_field(d, f, L_("Provides to activities"), gives);

    t = dt_new(d);
    for (int i = 0; i < r->owns.n; i++)
        entry(d, t, &r->owns.v[i]->d, arena_printf(d->a, L_("due %s"), fmt_date(d->a, r->owns.v[i]->due)));
    doc_field(d, f, L_("Owns milestones"), t);

    t = dt_new(d);
    for (int i = 0; i < r->reports.n; i++) {
        const Indicator *ind = r->reports.v[i];
        entry(d, t, &ind->d, ind->frequency.n ? fmt_every(d->a, ind->frequency) : NULL);
    }
    doc_field(d, f, L_("Reports indicators"), t);

    t = dt_new(d);
    for (int i = 0; i < r->sends.n; i++) {
        const Comm *c = r->sends.v[i];
        if (!dt_empty(t))
            dt_break(d, t);
        dt_add(d, t, DS_PLAIN, c->title ? c->title : c->id);
        dt_genf(d, t, DS_PLAIN, L_(", %s, to "), fmt_every(d->a, c->every));
        if (c->to_all)
            dt_gen(d, t, DS_PLAIN, L_("all partners"));
        else
            fmt_partners(d, t, c->to.v, c->to.n);
    }
    doc_field(d, f, L_("Sends reports"), t);
    if (f->fields.n == 0)
        missing(d, L_("Nothing is stated for this partner."));
}

static void parties(Doc *d, const Model *m)
{
    doc_heading(d, 2, "parties", dt_genf(d, dt_new(d), DS_PLAIN, "3. %s", L_("Parties, roles and commitments")));
    Roles *r = roles_of(d, m);
    for (int i = 0; i < m->partners.n; i++)
        party(d, m, m->partners.v[i], &r[i], i + 1);
    if (m->partners.n == 0)
        missing(d, L_("The agreement names no partner."));
}

/* ---- 4. incentives and tensions ------------------------------------------------ */

/* Which way partner p wants `interest`: +1, -1, or 0 when it says nothing. */
static int wants(const Partner *p, const char *interest)
{
    for (int i = 0; i < p->incentives.n; i++)
        for (int k = 0; k < p->incentives.v[i]->wants.n; k++)
            if (strcmp(p->incentives.v[i]->wants.v[k].interest, interest) == 0)
                return p->incentives.v[i]->wants.v[k].dir;
    return 0;
}

static void tensions(Doc *d, const Model *m)
{
    doc_heading(d, 2, "incentives", dt_genf(d, dt_new(d), DS_PLAIN, "4. %s", L_("Acknowledged incentives and tensions")));
    doc_para(d, dt_text(d, L_("Each partner states openly what it wants out of the partnership:")));
    DocBlock *tb = doc_table(d, "lll", L_("Partner"), L_("Incentive"), L_("Interests"));
    int rows = 0;
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        for (int j = 0; j < p->incentives.n; j++) {
            const Incentive *in = p->incentives.v[j];
            DocText **r = doc_row(d, tb);
            rows++;
            dt_add(d, r[0], DS_PLAIN, fmt_title(&p->d));
            if (in->text)
                dt_add(d, r[1], DS_PLAIN, in->text);
            else
                dt_gen(d, r[1], DS_PLAIN, fmt_words(d->a, in->id));
            fmt_wants(d, r[2], in);
        }
    }
    if (rows == 0) {
        d->blocks.n--;      /* drop the empty table */
        missing(d, L_("No partner states an incentive."));
    }
    if (m->tensions.n == 0) {
        doc_para(d, dt_text(d, L_("The partners acknowledge no tension between their incentives.")));
        return;
    }
    doc_para(d, dt_text(d, L_("The partners acknowledge these tensions and will live with them as "
                           "follows:")));
    tb = doc_table(d, "lll", L_("Interest"), L_("Between"), L_("Resolution"));
    for (int i = 0; i < m->tensions.n; i++) {
        const Tension *tn = m->tensions.v[i];
        DocText **r = doc_row(d, tb);
        dt_gen(d, r[0], DS_PLAIN, fmt_words(d->a, tn->interest));
        for (int k = 0; k < tn->partners.n; k++) {
            if (k)
                dt_gen(d, r[1], DS_PLAIN, k == tn->partners.n - 1 ? L_(" and ") : ", ");
            dt_add(d, r[1], DS_PLAIN, fmt_title(&tn->partners.v[k]->d));
            int w = wants(tn->partners.v[k], tn->interest);
            if (w)
                dt_genf(d, r[1], DS_PLAIN, L_(" (seeks %s)"), w > 0 ? L_("an increase") : L_("a reduction"));
        }
        if (tn->resolution)
            dt_add(d, r[2], DS_PLAIN, tn->resolution);
        else
            dt_gen(d, r[2], DS_EM, L_("not yet resolved"));
    }
}

/* ---- 5. activities and needs ---------------------------------------------------- */

static void activities(Doc *d, const Model *m)
{
    doc_heading(d, 2, "activities", dt_genf(d, dt_new(d), DS_PLAIN, "5. %s", L_("Mutually reinforcing activities")));
    if (m->activities.n == 0) {
        missing(d, L_("The agreement states no activity."));
    } else {
        DocBlock *tb = doc_table(d, "llllll", L_("Activity"), L_("Lead"), L_("With"), L_("Period"), L_("Supports"),
                                 L_("Addresses"));
        for (int i = 0; i < m->activities.n; i++) {
            const Activity *a = m->activities.v[i];
            DocText **r = doc_row(d, tb);
            cell_decl(d, r[0], &a->d);
            if (a->lead)
                dt_add(d, r[1], DS_PLAIN, fmt_title(&a->lead->d));
            else
                dt_gen(d, r[1], DS_EM, L_("no lead"));
            fmt_partners(d, r[2], a->partners.v, a->partners.n);
            dt_gen(d, r[3], DS_PLAIN, period(d, a->start, a->end));
            ids(d, r[4], (Decl *const *)a->supports.v, a->supports.n);
            ids(d, r[5], (Decl *const *)a->addresses.v, a->addresses.n);
        }
        DocBlock *l = NULL;
        for (int i = 0; i < m->activities.n; i++) {
            const Activity *a = m->activities.v[i];
            if (a->coordinates_with.n == 0)
                continue;
            if (!l) {
                doc_para(d, dt_text(d, L_("Activities that coordinate with each other, so that "
                                       "they reinforce rather than duplicate each other:")));
                l = doc_list(d, false);
            }
            DocText *t = dt_new(d);
            fmt_ref(d, t, &a->d);
            dt_gen(d, t, DS_PLAIN, L_(" coordinates with "));
            ids(d, t, (Decl *const *)a->coordinates_with.v, a->coordinates_with.n);
            doc_item(d, l, t);
        }
    }
    if (m->needs.n == 0) {
        missing(d, L_("The agreement declares no need."));
        return;
    }
    doc_para(d, dt_text(d, L_("The needs the partnership addresses, and the activities that "
                           "address each:")));
    /* The activities of each need, in one pass over the activities. */
    HMap pos;
    HMAP_POSITIONS(&pos, d->a, m->needs);
    DocText **by = arena_alloc(d->a, sizeof *by * (size_t)m->needs.n);
    DocBlock *tb = doc_table(d, "ll", L_("Need"), L_("Addressed by"));
    for (int i = 0; i < m->needs.n; i++) {
        DocText **r = doc_row(d, tb);
        cell_decl(d, r[0], &m->needs.v[i]->d);
        by[i] = r[1];
    }
    for (int k = 0; k < m->activities.n; k++) {
        const Activity *a = m->activities.v[k];
        for (int j = 0; j < a->addresses.n; j++) {
            int *i = hmap_ptr_get(&pos, a->addresses.v[j]);
            if (!i)
                continue;
            if (!dt_empty(by[*i]))
                dt_gen(d, by[*i], DS_PLAIN, d->for_signature ? "; " : ", ");
            fmt_ref(d, by[*i], &a->d);
        }
    }
    for (int i = 0; i < m->needs.n; i++)
        if (dt_empty(by[i]))
            dt_gen(d, by[i], DS_EM, L_("no activity"));
}

/* ---- 6. shared measurement ------------------------------------------------------ */

static const char *combine_name(Combine c)
{
    static const char *const names[] = {N_("sum"), N_("mean"), N_("minimum"), N_("maximum"),
                                        N_("latest")};
    return L_(names[c]);
}

static void measurement(Doc *d, const Model *m)
{
    doc_heading(d, 2, "measurement", dt_genf(d, dt_new(d), DS_PLAIN, "6. %s", L_("Shared measurement")));
    if (m->indicators.n == 0) {
        missing(d, L_("The agreement defines no indicator."));
        return;
    }
    doc_para(d, dt_text(d, L_("The partners measure progress with these shared indicators. Earlier "
                           "targets are benchmarks along the way.")));
    DocBlock *tb = doc_table(d, "lllrl", L_("Indicator"), L_("Unit"), L_("Better when"), L_("Baseline"),
                             L_("Benchmarks and targets"));
    for (int i = 0; i < m->indicators.n; i++) {
        const Indicator *ind = m->indicators.v[i];
        DocText **r = doc_row(d, tb);
        cell_decl(d, r[0], &ind->d);
        if (ind->formula) {
            dt_break(d, r[0]);
            dt_gen(d, r[0], DS_EM, L_("computed: "));
            fmt_expr(d, r[0], ind->formula);
        }
        if (ind->contributes_to) {
            dt_break(d, r[0]);
            dt_gen(d, r[0], DS_EM, L_("feeds "));
            if (d->for_signature)
                dt_add(d, r[0], DS_PLAIN, fmt_title(&ind->contributes_to->d));
            else
                dt_gen(d, r[0], DS_CODE, model_ref_name(d->a, m, &ind->contributes_to->d));
        }
        if (ind->unit)
            dt_add(d, r[1], DS_PLAIN, ind->unit->d.title ? ind->unit->d.title : ind->unit->d.id);
        dt_gen(d, r[2], ind->direction ? DS_PLAIN : DS_EM,
               ind->direction > 0 ? L_("higher") : ind->direction < 0 ? L_("lower") : L_("not stated"));
        if (ind->has_baseline) {
            dt_gen(d, r[3], DS_PLAIN, fmt_quantity(d->a, ind->baseline, ind->unit));
            dt_break(d, r[3]);
            dt_genf(d, r[3], DS_PLAIN, L_("on %s"), fmt_date(d->a, ind->baseline_date));
        } else {
            dt_gen(d, r[3], DS_EM, ind->formula ? L_("computed") : L_("not stated"));
        }
        for (int k = 0; k < ind->targets.n; k++) {
            const Target *tg = &ind->targets.v[k];
            if (k)
                dt_break(d, r[4]);
            dt_genf(d, r[4], DS_PLAIN, L_("%s by %s"), fmt_quantity(d->a, tg->value, ind->unit),
                    fmt_date(d->a, tg->date));
        }
        for (int k = 0; k < ind->cell_targets.n; k++) {
            const Target *tg = &ind->cell_targets.v[k];
            if (k || ind->targets.n)
                dt_break(d, r[4]);
            dt_genf(d, r[4], DS_PLAIN, L_("%s by %s for %s %s"),
                    fmt_quantity(d->a, tg->value, ind->unit), fmt_date(d->a, tg->date),
                    tg->dim->d.title ? tg->dim->d.title : tg->dim->d.id,
                    tg->dim->values.v[tg->cell]);
        }
        if (ind->totals != TOTALS_NONE) {
            dt_break(d, r[4]);
            dt_gen(d, r[4], DS_EM, ind->totals == TOTALS_YEARLY ? L_("targets are totals per year")
                                                               : L_("targets are totals per quarter"));
        }
        if (ind->targets.n == 0 && ind->cell_targets.n == 0)
            dt_gen(d, r[4], DS_EM, L_("no target"));
    }

    doc_para(d, dt_text(d, L_("How each indicator is reported:")));
    tb = doc_table(d, "llllll", L_("Indicator"), L_("Frequency"), L_("Reported by"), L_("Source"), L_("Values"),
                   L_("Breakdowns"));
    for (int i = 0; i < m->indicators.n; i++) {
        const Indicator *ind = m->indicators.v[i];
        DocText **r = doc_row(d, tb);
        fmt_ref(d, r[0], &ind->d);
        if (ind->frequency.n)
            dt_gen(d, r[1], DS_PLAIN, fmt_every(d->a, ind->frequency));
        else
            dt_gen(d, r[1], DS_EM, ind->formula ? L_("as its inputs") : L_("not stated"));
        if (ind->season_from) {
            dt_break(d, r[1]);
            dt_genf(d, r[1], DS_PLAIN, L_("from %s to %s only"), LP_("month", month_names[ind->season_from - 1]),
                    LP_("month", month_names[ind->season_to - 1]));
        }
        if (ind->report_within.n) {
            dt_break(d, r[1]);
            dt_genf(d, r[1], DS_PLAIN, L_("within %s of each period's end"),
                    fmt_duration(d->a, ind->report_within));
        }
        fmt_partners(d, r[2], ind->reporters.v, ind->reporters.n);
        if (ind->reporters.n == 0)
            dt_gen(d, r[2], DS_EM, ind->formula ? L_("computed by the tracker") : L_("nobody"));
        if (ind->source)
            dt_add(d, r[3], DS_PLAIN, ind->source);
        else
            dt_gen(d, r[3], DS_EM, ind->formula ? L_("its inputs") : L_("not stated"));
        if (ind->values != VALUES_UNSET)
            dt_gen(d, r[4], DS_PLAIN,
                   ind->values == VALUES_CUMULATIVE ? L_("running total") : L_("per period"));
        if (ind->reporters.n > 1 || ind->combine_set) {
            if (!dt_empty(r[4]))
                dt_break(d, r[4]);
            dt_genf(d, r[4], DS_PLAIN, L_("reporters combined by %s"), combine_name(ind->combine));
        }
        if (ind->personal_data) {
            if (!dt_empty(r[4]))
                dt_break(d, r[4]);
            dt_gen(d, r[4], DS_STRONG, L_("personal data"));
        }
        if (ind->denominator) {
            if (!dt_empty(r[4]))
                dt_break(d, r[4]);
            dt_gen(d, r[4], DS_PLAIN, "a share of ");
            fmt_ref(d, r[4], &ind->denominator->d);
        }
        for (int k = 0; k < ind->dims.n; k++) {
            const Dimension *dim = ind->dims.v[k];
            if (k)
                dt_break(d, r[5]);
            dt_add(d, r[5], DS_PLAIN, fmt_title(&dim->d));
            dt_gen(d, r[5], DS_PLAIN, ": ");
            for (int j = 0; j < dim->values.n; j++)
                dt_genf(d, r[5], DS_PLAIN, "%s%s", j ? ", " : "",
                        fmt_words(d->a, dim->values.v[j]));
        }
    }
}

/* ---- 7. milestones --------------------------------------------------------------- */

static void milestones(Doc *d, const Model *m, bool with_figure)
{
    doc_heading(d, 2, "milestones", dt_genf(d, dt_new(d), DS_PLAIN, "7. %s", L_("Milestones and accountability")));
    if (m->milestones.n == 0) {
        missing(d, L_("The agreement sets no milestone."));
    } else {
        doc_para(d, dt_text(d, L_("Each milestone has an owner who is accountable for it, in date "
                               "order:")));
        const Milestone **v = arena_alloc(d->a, (size_t)m->milestones.n * sizeof *v);
        memcpy(v, m->milestones.v, (size_t)m->milestones.n * sizeof *v);
        doc_sort_by_due(v, m->milestones.n);
        DocBlock *tb = doc_table(d, "llllll", L_("Milestone"), L_("Phase"), L_("Due"), L_("Owner"), L_("After"),
                                 L_("Requires"));
        for (int i = 0; i < m->milestones.n; i++) {
            const Milestone *ms = v[i];
            DocText **r = doc_row(d, tb);
            cell_decl(d, r[0], &ms->d);
            if (ms->deliverable) {
                dt_break(d, r[0]);
                dt_gen(d, r[0], DS_EM, L_("Deliverable: "));
                dt_add(d, r[0], DS_PLAIN, ms->deliverable);
            }
            if (ms->phase)
                dt_add(d, r[1], DS_PLAIN, fmt_title(&ms->phase->d));
            dt_gen(d, r[2], ms->due == DATE_NONE ? DS_EM : DS_PLAIN, fmt_date(d->a, ms->due));
            if (ms->owner)
                dt_add(d, r[3], DS_PLAIN, fmt_title(&ms->owner->d));
            else
                dt_gen(d, r[3], DS_EM, L_("no owner"));
            ids(d, r[4], (Decl *const *)ms->after.v, ms->after.n);
            fmt_expr(d, r[5], ms->requires);
        }
    }
    /* The chart labels its rows with ids: the copy for signature leaves it
     * out (the milestone table carries the same dates). */
    if (with_figure && !d->for_signature && (m->activities.n || m->milestones.n)) {
        Buf svg;
        buf_init(&svg);
        graph_schedule_svg(m, &svg, false);
        doc_figure(d, arena_strdup(d->a, buf_cstr(&svg)),
                   dt_text(d, L_("The schedule: activities as bars over the term, milestones as "
                              "diamonds, arrows from each milestone to those that come after "
                              "it.")));
        buf_free(&svg);
    }
}

int doc_errors(Arena *a, const Diag *findings, const char **names)
{
    int n = 0;
    *names = NULL;
    for (int i = 0; findings && i < findings->items.n; i++) {
        const Diagnostic *x = findings->items.v[i];
        if (x->allowed || x->sev != SEV_ERROR)
            continue;
        const char *one = x->subject ? arena_printf(a, "%s (%s)", x->check, x->subject)
                                     : x->check;
        *names = *names ? arena_printf(a, "%s, %s", *names, one) : one;
        n++;
    }
    return n;
}

Doc *doc_agreement(Arena *a, const Model *m, const Diag *findings, bool with_figure)
{
    DocOptions o = {.with_figure = with_figure};
    return doc_agreement_with(a, m, findings, &o);
}

Doc *doc_agreement_with(Arena *a, const Model *m, const Diag *findings, const DocOptions *o)
{
    const Agreement *ag = m->agreement;
    bool with_figure = o->with_figure;
    Doc *d = doc_new(a, DOC_AGREEMENT,
                     ag->version ? arena_printf(a, L_("%s, version %s"), fmt_title(&ag->d), ag->version)
                                 : fmt_title(&ag->d));
    d->for_signature = o->for_signature;
    const char *names;
    if (doc_errors(a, findings, &names))
        d->banner = L_(DOC_DRAFT_BANNER);
    title_block(d, m);
    recitals(d, m);
    purpose(d, m);
    parties(d, m);
    tensions(d, m);
    activities(d, m);
    measurement(d, m);
    milestones(d, m, with_figure);
    doc_agreement_terms(d, m, findings);
    return d;
}
