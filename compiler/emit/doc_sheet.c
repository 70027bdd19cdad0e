/* doc_sheet.c - one partner's commitment sheet: a single page that tells
 * the partner what it provides, what it leads and takes part in, what it
 * owns, what it reports and to whom, whom to write to, and when each of
 * these falls due, every reporting deadline included.
 *
 * The targets of the shared indicators belong to the partnership, never
 * to one partner: the sheet shows each as the partnership's target to
 * which the partner reports, even when the partner is its only
 * reporter. */
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

/* The sheet being built.  Every section adds the dates it mentions to ev,
 * which the last section, "When", lists in order. */
typedef struct Sheet {
    Doc *d;
    Arena *a;
    const Model *m;
    const Partner *p;
    Events ev;
} Sheet;

/* The partner's name and the agreement it is bound by. */
static void sheet_lead(Sheet *s)
{
    Doc *d = s->d;
    const Agreement *ag = s->m->agreement;

    doc_title(d, dt_user(d, fmt_title(&s->p->d)));
    DocText *t = dt_gen(d, NULL, DS_PLAIN, L_("Its commitments under "));
    dt_add(d, t, DS_EM, fmt_title(&ag->d));
    if (ag->version) {
        dt_gen(d, t, DS_PLAIN, L_(", version "));
        dt_add(d, t, DS_PLAIN, ag->version);
    }
    if (ag->term_start != DATE_NONE)
        dt_genf(d, t, DS_PLAIN, L_(", in force from %s to %s"), fmt_date(s->a, ag->term_start),
                fmt_date(s->a, ag->term_end));
    doc_para(d, dt_gen(d, t, DS_PLAIN, "."))->cls = "lead";
}

/* "id · sector, level". */
static DocText *partner_text(Sheet *s)
{
    Doc *d = s->d;
    const Partner *p = s->p;
    DocText *t = dt_gen(d, NULL, DS_CODE, p->d.id);

    if (p->sector || p->level) {
        dt_gen(d, t, DS_PLAIN, " \xc2\xb7 ");
        if (p->sector)
            dt_add(d, t, DS_PLAIN, fmt_title(&p->sector->d));
        if (p->sector && p->level)
            dt_gen(d, t, DS_PLAIN, ", ");
        if (p->level)
            dt_add(d, t, DS_PLAIN, fmt_title(&p->level->d));
    }
    return t;
}

/* The budget lines of every activity that this partner funds. */
static DocText *provides_text(Sheet *s)
{
    Doc *d = s->d;
    DocText *t = dt_new(d);

    for (int i = 0; i < s->m->activities.n; i++) {
        const Activity *act = s->m->activities.v[i];
        for (int k = 0; k < act->budgets.n; k++)
            if (doc_budget_source(act, &act->budgets.v[k]) == s->p) {
                if (!dt_empty(t))
                    dt_gen(d, t, DS_PLAIN, "; ");
                dt_genf(d, t, DS_PLAIN, L_("%s to "),
                        fmt_quantity(s->a, act->budgets.v[k].q.value, act->budgets.v[k].q.unit));
                dt_gen(d, t, DS_CODE, act->d.id);
            }
    }
    return t;
}

/* The meetings and reviews the partner attends (reports have a section of
 * their own). */
static DocText *meetings_text(Sheet *s)
{
    Doc *d = s->d;
    DocText *t = dt_new(d);

    for (int i = 0; i < s->m->comms.n; i++) {
        const Comm *c = s->m->comms.v[i];
        if (c->kind == COMM_REPORT || !includes(c, s->p))
            continue;
        if (!dt_empty(t))
            dt_gen(d, t, DS_PLAIN, "; ");
        dt_add(d, t, DS_PLAIN, c->title ? c->title : c->id);
        dt_genf(d, t, DS_PLAIN, " (%s)", fmt_every(s->a, c->every));
    }
    return t;
}

/* The partner's contacts, one a line: name, role, email, phone. */
static DocText *contacts_text(Sheet *s)
{
    Doc *d = s->d;
    DocText *t = dt_new(d);

    for (int i = 0; i < s->p->contacts.n; i++) {
        const Contact *c = &s->p->contacts.v[i];
        if (i)
            dt_break(d, t);
        dt_add(d, t, DS_STRONG, c->name);
        const char *more[] = {c->role, c->email, c->phone};
        for (int k = 0; k < 3; k++)
            if (more[k]) {
                dt_gen(d, t, DS_PLAIN, ", ");
                dt_add(d, t, DS_PLAIN, more[k]);
            }
    }
    if (s->p->contacts.n == 0)
        dt_gen(d, t, DS_EM, L_("no contact named"));
    return t;
}

/* Each tension the partner is part of, with its resolution, one a line. */
static DocText *tensions_text(Sheet *s)
{
    Doc *d = s->d;
    DocText *t = dt_new(d);

    for (int i = 0; i < s->m->tensions.n; i++) {
        const Tension *tn = s->m->tensions.v[i];
        if (!doc_has_partner(tn->partners.v, tn->partners.n, s->p))
            continue;
        if (!dt_empty(t))
            dt_break(d, t);
        dt_genf(d, t, DS_STRONG, "%s: ", fmt_words(s->a, tn->interest));
        if (tn->resolution)
            dt_add(d, t, DS_PLAIN, tn->resolution);
        else
            dt_gen(d, t, DS_EM, L_("not yet resolved"));
    }
    return t;
}

/* The fields at the top: who the partner is, what it provides, where it
 * meets, its tensions, how it may leave. */
static void sheet_fields(Sheet *s)
{
    Doc *d = s->d;
    const Partner *p = s->p;
    const Agreement *ag = s->m->agreement;
    DocBlock *f = doc_fields(d);

    doc_field(d, f, L_("Partner"), partner_text(s));
    DocText *member = doc_membership(d, s->m, p);
    if (member)
        doc_field(d, f, L_("Membership"), member);
    const char *signs = fmt_signatories(s->a, p);
    doc_field(d, f, L_("Signs"), signs ? dt_user(d, signs)
                                   : dt_gen(d, NULL, DS_EM, L_("no signatory named")));
    DocText *t = dt_new(d);
    for (int i = 0; i < p->commits.n; i++) {
        if (i)
            dt_gen(d, t, DS_PLAIN, "; ");
        dt_add(d, t, DS_PLAIN, fmt_commitment(s->a, &p->commits.v[i]));
    }
    doc_field(d, f, L_("Commits"), t);
    doc_field(d, f, L_("Provides to activities"), provides_text(s));
    if (p->coordinator)
        doc_field(d, f, L_("Coordinating staff"), dt_user(d, p->coordinator));
    t = dt_new(d);
    for (int i = 0; i < p->backbone.n; i++) {
        if (i)
            dt_gen(d, t, DS_PLAIN, "; ");
        dt_add(d, t, DS_PLAIN, fmt_title(&p->backbone.v[i]->d));
    }
    doc_field(d, f, L_("Backbone functions"), t);
    if (s->m->decisions == DECIDE_PARTNER && s->m->decider == p)
        doc_field(d, f, L_("Decides"), dt_text(d, L_("for the partnership (the decision rule)")));
    doc_field(d, f, L_("Contacts"), contacts_text(s));
    doc_field(d, f, L_("Meetings and reviews"), meetings_text(s));
    doc_field(d, f, L_("Acknowledged tensions"), tensions_text(s));
    if (ag->withdrawal.n) {
        doc_field(d, f, L_("Withdrawal"),
                  dt_genf(d, NULL, DS_PLAIN, L_("with %s' notice (see the agreement for every term)"),
                          fmt_duration(d->a, ag->withdrawal)));
    }
}

/* A table that stayed empty is dropped (it is the last block) for a
 * sentence saying so. */
static void table_or_none(Sheet *s, DocBlock *tb, const char *none)
{
    if (tb->rows.n == 0) {
        s->d->blocks.n--;
        doc_para(s->d, dt_gen(s->d, NULL, DS_EM, none));
    }
}

/* The activities the partner leads or takes part in. */
static void sheet_activities(Sheet *s)
{
    Doc *d = s->d;

    doc_heading(d, 2, "activities", dt_text(d, L_("Leads and takes part in")));
    DocBlock *tb = doc_table(d, "llll", L_("Activity"), L_("Role"), L_("Period"), L_("Supports"));
    for (int i = 0; i < s->m->activities.n; i++) {
        const Activity *act = s->m->activities.v[i];
        bool lead = act->lead == s->p,
             part = doc_has_partner(act->partners.v, act->partners.n, s->p);
        if (!lead && !part)
            continue;
        DocText **r = doc_row(d, tb);
        dt_add(d, r[0], DS_PLAIN, fmt_title(&act->d));
        dt_gen(d, r[0], DS_PLAIN, " ");
        dt_gen(d, r[0], DS_CODE, act->d.id);
        dt_gen(d, r[1], lead ? DS_STRONG : DS_PLAIN, lead ? L_("leads") : L_("partner"));
        if (act->start != DATE_NONE)
            dt_genf(d, r[2], DS_PLAIN, L_("%s to %s"), fmt_date(s->a, act->start),
                    fmt_date(s->a, act->end));
        for (int k = 0; k < act->supports.n; k++) {
            if (k)
                dt_gen(d, r[3], DS_PLAIN, ", ");
            dt_gen(d, r[3], DS_CODE, act->supports.v[k]->d.id);
        }
        event(d, &s->ev, act->start, decl_ref(d, L_("Activity starts: "), &act->d));
        event(d, &s->ev, act->end, decl_ref(d, L_("Activity ends: "), &act->d));
    }
    table_or_none(s, tb, L_("No activity."));
}

/* The milestones the partner owns, soonest due first. */
static void sheet_milestones(Sheet *s)
{
    Doc *d = s->d;
    const Model *m = s->m;

    doc_heading(d, 2, "milestones", dt_text(d, L_("Owns")));
    const Milestone **ms = arena_alloc(s->a, (size_t)(m->milestones.n + 1) * sizeof *ms);
    int nms = 0;
    for (int i = 0; i < m->milestones.n; i++)
        if (m->milestones.v[i]->owner == s->p)
            ms[nms++] = m->milestones.v[i];
    doc_sort_by_due(ms, nms);
    if (nms == 0) {
        doc_para(d, dt_gen(d, NULL, DS_EM, L_("No milestone.")));
        return;
    }
    DocBlock *tb = doc_table(d, "lll", L_("Milestone"), L_("Due"), L_("Requires"));
    for (int i = 0; i < nms; i++) {
        DocText **r = doc_row(d, tb);
        dt_add(d, r[0], DS_PLAIN, fmt_title(&ms[i]->d));
        dt_gen(d, r[0], DS_PLAIN, " ");
        dt_gen(d, r[0], DS_CODE, ms[i]->d.id);
        if (ms[i]->deliverable) {
            dt_break(d, r[0]);
            dt_gen(d, r[0], DS_EM, L_("Deliverable: "));
            dt_add(d, r[0], DS_PLAIN, ms[i]->deliverable);
        }
        dt_gen(d, r[1], DS_PLAIN, fmt_date(s->a, ms[i]->due));
        fmt_expr(d, r[2], ms[i]->requires);
        event(d, &s->ev, ms[i]->due, decl_ref(d, L_("Milestone due: "), &ms[i]->d));
    }
}

/* The reporting deadlines of one obligation while the partner is a
 * member: the last day of each period of `every`, counted from `anchor`
 * (an indicator's baseline date, else the start of the term) as the
 * tracker counts them (a month-based frequency adds calendar months to
 * the anchor).  Periods of days or weeks would fill the page: they get one
 * line, at the first deadline, saying how often the rest follow. */
static void deadlines(Sheet *s, DocText *what, int32_t anchor, Duration every)
{
    int32_t from = partner_joins(s->m, s->p), until = partner_leaves(s->m, s->p);
    if (anchor == DATE_NONE)
        anchor = s->m->agreement->term_start;
    if (every.n == 0 || anchor == DATE_NONE || until == DATE_NONE)
        return;
    bool short_period = every.unit == DUR_DAY || every.unit == DUR_WEEK;
    for (int k = 1; k <= 1000; k++) {
        Duration step = {every.n * k, every.unit};
        int32_t last = date_add(anchor, step) - 1;
        if (last > until)
            break;
        if (from != DATE_NONE && last < from)
            continue;
        if (short_period) {
            DocText *t = dt_cat(s->d, dt_new(s->d), what);
            event(s->d, &s->ev, last,
                  dt_genf(s->d, t, DS_PLAIN, L_(", then %s"), fmt_every(s->a, every)));
            return;
        }
        event(s->d, &s->ev, last, what);
    }
}

/* What the partner reports: the indicators it measures (to the shared
 * measurement), then the reports it writes and to whom. */
static void sheet_reports(Sheet *s)
{
    Doc *d = s->d;

    doc_heading(d, 2, "reports", dt_text(d, L_("Reports")));
    DocBlock *tb = doc_table(d, "lll", L_("What"), L_("How often"), L_("To"));
    for (int i = 0; i < s->m->indicators.n; i++) {
        const Indicator *ind = s->m->indicators.v[i];
        if (!doc_has_partner(ind->reporters.v, ind->reporters.n, s->p))
            continue;
        DocText **r = doc_row(d, tb);
        dt_add(d, r[0], DS_PLAIN, fmt_title(&ind->d));
        dt_gen(d, r[0], DS_PLAIN, " ");
        dt_gen(d, r[0], DS_CODE, ind->d.id);
        if (ind->source) {
            dt_break(d, r[0]);
            dt_gen(d, r[0], DS_EM, L_("Source: "));
            dt_add(d, r[0], DS_PLAIN, ind->source);
        }
        for (int k = 0; k < ind->targets.n; k++) {
            dt_break(d, r[0]);
            dt_genf(d, r[0], DS_EM, L_("Shared target: "));
            dt_genf(d, r[0], DS_PLAIN, L_("%s by %s, the partnership's, to which it reports"),
                    fmt_quantity(s->a, ind->targets.v[k].value, ind->unit),
                    fmt_date(s->a, ind->targets.v[k].date));
            DocText *e = dt_genf(d, NULL, DS_PLAIN, L_("The partnership's shared target of %s for "),
                                 fmt_quantity(s->a, ind->targets.v[k].value, ind->unit));
            dt_add(d, e, DS_PLAIN, fmt_title(&ind->d));
            event(d, &s->ev, ind->targets.v[k].date,
                  dt_gen(d, e, DS_PLAIN, L_(" (to which it reports)")));
        }
        dt_gen(d, r[1], DS_PLAIN, fmt_every(s->a, ind->frequency));
        dt_gen(d, r[2], DS_PLAIN, L_("the shared measurement (all partners)"));
        deadlines(s, decl_ref(d, L_("Report due: "), &ind->d),
                  ind->has_baseline ? ind->baseline_date : DATE_NONE, ind->frequency);
    }
    for (int i = 0; i < s->m->comms.n; i++) {
        const Comm *c = s->m->comms.v[i];
        if (c->kind != COMM_REPORT || !doc_has_partner(c->by.v, c->by.n, s->p))
            continue;
        DocText **r = doc_row(d, tb);
        dt_add(d, r[0], DS_PLAIN, c->title ? c->title : c->id);
        dt_gen(d, r[1], DS_PLAIN, fmt_every(s->a, c->every));
        if (c->to_all)
            dt_gen(d, r[2], DS_PLAIN, L_("all partners"));
        else
            fmt_partners(d, r[2], c->to.v, c->to.n);
        DocText *e = dt_gen(d, NULL, DS_PLAIN, L_("Report due: "));
        deadlines(s, dt_add(d, e, DS_PLAIN, c->title ? c->title : c->id), DATE_NONE, c->every);
    }
    table_or_none(s, tb, L_("Nothing to report."));
}

/* Every date the sections above mentioned, and the end of the term, in
 * order (the sort is stable: same-day entries keep the sections' order). */
static void sheet_when(Sheet *s)
{
    Doc *d = s->d;

    doc_heading(d, 2, "when", dt_text(d, L_("When")));
    event(d, &s->ev, s->m->agreement->term_end, dt_text(d, L_("The agreement's term ends")));
    sort_events(&s->ev);
    DocBlock *tb = doc_table(d, "rl", L_("Date"), L_("What"));
    for (int i = 0; i < s->ev.n; i++) {
        DocText **r = doc_row(d, tb);
        dt_gen(d, r[0], DS_PLAIN, fmt_date(s->a, s->ev.v[i].day));
        dt_cat(d, r[1], s->ev.v[i].what);
    }
    table_or_none(s, tb, L_("No dates."));
}

Doc *doc_sheet(Arena *a, const Model *m, const Partner *p)
{
    const Agreement *ag = m->agreement;
    Sheet s = {
        .d = doc_new(a, DOC_SHEET, arena_printf(a, L_("%s: commitment sheet of %s"),
                                                fmt_title(&ag->d), fmt_title(&p->d))),
        .a = a,
        .m = m,
        .p = p,
    };

    sheet_lead(&s);
    sheet_fields(&s);
    sheet_activities(&s);
    sheet_milestones(&s);
    sheet_reports(&s);
    sheet_when(&s);
    return s.d;
}
