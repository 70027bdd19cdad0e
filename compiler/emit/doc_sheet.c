/* doc_sheet.c - one partner's commitment sheet: a single page that tells
 * the partner what it provides, what it leads and takes part in, what it
 * owns, what it reports and to whom, and when each of these falls due. */
#include <string.h>

#include "doc.h"

typedef struct Event {
    int32_t day;
    DocText *what;
} Event;

typedef VEC(Event) Events;

static void event(Doc *d, Events *ev, int32_t day, DocText *what)
{
    if (day == DATE_NONE)
        return;
    Event e = {day, what};
    VEC_PUSH(d->a, *ev, e);
}

static void sort_events(Events *ev)
{
    for (int i = 1; i < ev->n; i++) {
        Event x = ev->v[i];
        int j = i;
        while (j > 0 && ev->v[j - 1].day > x.day) {
            ev->v[j] = ev->v[j - 1];
            j--;
        }
        ev->v[j] = x;
    }
}

static DocText *decl_ref(Doc *d, const char *prefix, const Decl *decl)
{
    DocText *t = dt_gen(d, NULL, DS_PLAIN, prefix);
    dt_add(d, t, DS_PLAIN, fmt_title(decl));
    dt_gen(d, t, DS_PLAIN, " (");
    dt_gen(d, t, DS_CODE, decl->id);
    return dt_gen(d, t, DS_PLAIN, ")");
}

static bool includes(const Comm *c, const Partner *p)
{
    return c->with_all || doc_has_partner(c->with.v, c->with.n, p);
}

Doc *doc_sheet(Arena *a, const Model *m, const Partner *p)
{
    const Agreement *ag = m->agreement;
    Doc *d = doc_new(a, DOC_SHEET,
                     arena_printf(a, "%s: commitment sheet of %s", fmt_title(&ag->d),
                                  fmt_title(&p->d)));
    Events ev = {0};
    doc_title(d, dt_user(d, fmt_title(&p->d)));
    DocText *t = dt_gen(d, NULL, DS_PLAIN, "Its commitments under ");
    dt_add(d, t, DS_EM, fmt_title(&ag->d));
    if (ag->version) {
        dt_gen(d, t, DS_PLAIN, ", version ");
        dt_add(d, t, DS_PLAIN, ag->version);
    }
    if (ag->term_start != DATE_NONE)
        dt_genf(d, t, DS_PLAIN, ", in force from %s to %s", fmt_date(a, ag->term_start),
                fmt_date(a, ag->term_end));
    doc_para(d, dt_gen(d, t, DS_PLAIN, "."))->cls = "lead";

    DocBlock *f = doc_fields(d);
    t = dt_gen(d, NULL, DS_CODE, p->d.id);
    if (p->sector || p->level) {
        dt_gen(d, t, DS_PLAIN, " \xc2\xb7 ");
        if (p->sector)
            dt_add(d, t, DS_PLAIN, fmt_title(&p->sector->d));
        if (p->sector && p->level)
            dt_gen(d, t, DS_PLAIN, ", ");
        if (p->level)
            dt_add(d, t, DS_PLAIN, fmt_title(&p->level->d));
    }
    doc_field(d, f, "Partner", t);
    doc_field(d, f, "Signs", p->signatory ? dt_user(d, p->signatory)
                                          : dt_gen(d, NULL, DS_EM, "no signatory named"));

    /* Provides. */
    t = dt_new(d);
    for (int i = 0; i < p->commits.n; i++)
        dt_genf(d, t, DS_PLAIN, "%s%s", i ? "; " : "",
                fmt_quantity(a, p->commits.v[i].value, p->commits.v[i].unit));
    doc_field(d, f, "Commits", t);
    t = dt_new(d);
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *act = m->activities.v[i];
        for (int k = 0; k < act->budgets.n; k++)
            if (doc_budget_source(act, &act->budgets.v[k]) == p) {
                if (!dt_empty(t))
                    dt_gen(d, t, DS_PLAIN, "; ");
                dt_genf(d, t, DS_PLAIN, "%s to ",
                        fmt_quantity(a, act->budgets.v[k].q.value, act->budgets.v[k].q.unit));
                dt_gen(d, t, DS_CODE, act->d.id);
            }
    }
    doc_field(d, f, "Provides to activities", t);
    if (p->coordinator)
        doc_field(d, f, "Coordinating staff", dt_user(d, p->coordinator));
    t = dt_new(d);
    for (int i = 0; i < p->backbone.n; i++) {
        if (i)
            dt_gen(d, t, DS_PLAIN, "; ");
        dt_add(d, t, DS_PLAIN, fmt_title(&p->backbone.v[i]->d));
    }
    doc_field(d, f, "Backbone functions", t);
    if (m->decisions == DECIDE_PARTNER && m->decider == p)
        doc_field(d, f, "Decides", dt_text(d, "for the partnership (the decision rule)"));

    /* Meetings and reviews. */
    t = dt_new(d);
    for (int i = 0; i < m->comms.n; i++) {
        const Comm *c = m->comms.v[i];
        if (c->kind == COMM_REPORT || !includes(c, p))
            continue;
        if (!dt_empty(t))
            dt_gen(d, t, DS_PLAIN, "; ");
        dt_add(d, t, DS_PLAIN, c->title ? c->title : c->id);
        dt_genf(d, t, DS_PLAIN, " (%s)", fmt_every(a, c->every));
    }
    doc_field(d, f, "Meetings and reviews", t);

    /* Interests and tensions. */
    t = dt_new(d);
    for (int i = 0; i < m->tensions.n; i++) {
        const Tension *tn = m->tensions.v[i];
        if (!doc_has_partner(tn->partners.v, tn->partners.n, p))
            continue;
        if (!dt_empty(t))
            dt_break(d, t);
        dt_genf(d, t, DS_STRONG, "%s: ", fmt_words(a, tn->interest));
        if (tn->resolution)
            dt_add(d, t, DS_PLAIN, tn->resolution);
        else
            dt_gen(d, t, DS_EM, "not yet resolved");
    }
    doc_field(d, f, "Acknowledged tensions", t);
    if (ag->withdrawal.n) {
        char buf[48];
        doc_field(d, f, "Withdrawal",
                  dt_genf(d, NULL, DS_PLAIN, "with %s' notice (see the agreement for every term)",
                          duration_text(ag->withdrawal, buf, sizeof buf)));
    }
    /* Leads and takes part in. */
    doc_heading(d, 2, "activities", dt_text(d, "Leads and takes part in"));
    DocBlock *tb = doc_table(d, "llll", "Activity", "Role", "Period", "Supports");
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *act = m->activities.v[i];
        bool lead = act->lead == p, part = doc_has_partner(act->partners.v, act->partners.n, p);
        if (!lead && !part)
            continue;
        DocText **r = doc_row(d, tb);
        dt_add(d, r[0], DS_PLAIN, fmt_title(&act->d));
        dt_gen(d, r[0], DS_PLAIN, " ");
        dt_gen(d, r[0], DS_CODE, act->d.id);
        dt_gen(d, r[1], lead ? DS_STRONG : DS_PLAIN, lead ? "leads" : "partner");
        if (act->start != DATE_NONE)
            dt_genf(d, r[2], DS_PLAIN, "%s to %s", fmt_date(a, act->start),
                    fmt_date(a, act->end));
        for (int k = 0; k < act->supports.n; k++) {
            if (k)
                dt_gen(d, r[3], DS_PLAIN, ", ");
            dt_gen(d, r[3], DS_CODE, act->supports.v[k]->d.id);
        }
        event(d, &ev, act->start, decl_ref(d, "Activity starts: ", &act->d));
        event(d, &ev, act->end, decl_ref(d, "Activity ends: ", &act->d));
    }
    if (tb->rows.n == 0) {
        d->blocks.n--;
        doc_para(d, dt_gen(d, NULL, DS_EM, "No activity."));
    }

    /* Owns. */
    doc_heading(d, 2, "milestones", dt_text(d, "Owns"));
    const Milestone **ms = arena_alloc(a, (size_t)(m->milestones.n + 1) * sizeof *ms);
    int nms = 0;
    for (int i = 0; i < m->milestones.n; i++)
        if (m->milestones.v[i]->owner == p)
            ms[nms++] = m->milestones.v[i];
    doc_sort_by_due(ms, nms);
    if (nms) {
        tb = doc_table(d, "lll", "Milestone", "Due", "Requires");
        for (int i = 0; i < nms; i++) {
            DocText **r = doc_row(d, tb);
            dt_add(d, r[0], DS_PLAIN, fmt_title(&ms[i]->d));
            dt_gen(d, r[0], DS_PLAIN, " ");
            dt_gen(d, r[0], DS_CODE, ms[i]->d.id);
            if (ms[i]->deliverable) {
                dt_break(d, r[0]);
                dt_gen(d, r[0], DS_EM, "Deliverable: ");
                dt_add(d, r[0], DS_PLAIN, ms[i]->deliverable);
            }
            dt_gen(d, r[1], DS_PLAIN, fmt_date(a, ms[i]->due));
            fmt_expr(d, r[2], ms[i]->requires);
            event(d, &ev, ms[i]->due, decl_ref(d, "Milestone due: ", &ms[i]->d));
        }
    } else {
        doc_para(d, dt_gen(d, NULL, DS_EM, "No milestone."));
    }

    /* Reports. */
    doc_heading(d, 2, "reports", dt_text(d, "Reports"));
    tb = doc_table(d, "lll", "What", "How often", "To");
    for (int i = 0; i < m->indicators.n; i++) {
        const Indicator *ind = m->indicators.v[i];
        if (!doc_has_partner(ind->reporters.v, ind->reporters.n, p))
            continue;
        DocText **r = doc_row(d, tb);
        dt_add(d, r[0], DS_PLAIN, fmt_title(&ind->d));
        dt_gen(d, r[0], DS_PLAIN, " ");
        dt_gen(d, r[0], DS_CODE, ind->d.id);
        if (ind->source) {
            dt_break(d, r[0]);
            dt_gen(d, r[0], DS_EM, "Source: ");
            dt_add(d, r[0], DS_PLAIN, ind->source);
        }
        dt_gen(d, r[1], DS_PLAIN, fmt_every(a, ind->frequency));
        dt_gen(d, r[2], DS_PLAIN, "the shared measurement (all partners)");
        for (int k = 0; k < ind->targets.n; k++) {
            DocText *e = dt_genf(d, NULL, DS_PLAIN, "Target: %s of ",
                                 fmt_quantity(a, ind->targets.v[k].value, ind->unit));
            dt_gen(d, e, DS_CODE, ind->d.id);
            event(d, &ev, ind->targets.v[k].date, e);
        }
    }
    for (int i = 0; i < m->comms.n; i++) {
        const Comm *c = m->comms.v[i];
        if (c->kind != COMM_REPORT || !doc_has_partner(c->by.v, c->by.n, p))
            continue;
        DocText **r = doc_row(d, tb);
        dt_add(d, r[0], DS_PLAIN, c->title ? c->title : c->id);
        dt_gen(d, r[1], DS_PLAIN, fmt_every(a, c->every));
        if (c->to_all)
            dt_gen(d, r[2], DS_PLAIN, "all partners");
        else
            fmt_partners(d, r[2], c->to.v, c->to.n);
    }
    if (tb->rows.n == 0) {
        d->blocks.n--;
        doc_para(d, dt_gen(d, NULL, DS_EM, "Nothing to report."));
    }

    /* When. */
    doc_heading(d, 2, "when", dt_text(d, "When"));
    event(d, &ev, ag->term_end, dt_text(d, "The agreement's term ends"));
    sort_events(&ev);
    tb = doc_table(d, "rl", "Date", "What");
    for (int i = 0; i < ev.n; i++) {
        DocText **r = doc_row(d, tb);
        dt_gen(d, r[0], DS_PLAIN, fmt_date(a, ev.v[i].day));
        dt_cat(d, r[1], ev.v[i].what);
    }
    if (ev.n == 0) {
        d->blocks.n--;
        doc_para(d, dt_gen(d, NULL, DS_EM, "No dates."));
    }

    return d;
}
