/* doc_terms.c - the formal agreement from communication to the end:
 * sections 8 to 12, then (doc_provisions.c) the notices and the general
 * provisions, the signature page with one block per signatory, and in the
 * facilitator's copy Annex A (the findings of the checks that remain, and
 * those the agreement allows, with its reasons).  The copy for signature
 * leaves the annex out: it is about the tooling, not the agreement. */
#include <string.h>

#include "doc.h"

static void missing(Doc *d, const char *what)
{
    doc_para(d, dt_gen(d, NULL, DS_EM, what));
}

/* ---- 8. communication and learning --------------------------------------------- */

static void with_whom(Doc *d, DocText *t, bool all, Partner *const *v, int n)
{
    if (all)
        dt_gen(d, t, DS_PLAIN, L_("all partners"));
    else
        fmt_partners(d, t, v, n);
}

static void communication(Doc *d, const Model *m)
{
    doc_heading(d, 2, "communication", dt_text(d, L_("8. Communication and learning")));
    static const char *const intro[] = {
        "The partners meet regularly:", "Reports keep every partner informed:",
        "The partners review together what failed and what worked:"};
    static const char *const none[] = {"The agreement sets no recurring meeting.",
                                       "The agreement sets no report.",
                                       "The agreement sets no learning review."};
    for (int kind = COMM_MEETING; kind <= COMM_REVIEW; kind++) {
        DocBlock *tb = NULL;
        for (int i = 0; i < m->comms.n; i++) {
            const Comm *c = m->comms.v[i];
            if ((int)c->kind != kind)
                continue;
            if (!tb) {
                doc_para(d, dt_text(d, intro[kind]));
                tb = kind == COMM_REPORT
                         ? doc_table(d, "llll", L_("Report"), L_("How often"), L_("From"), L_("To"))
                         : doc_table(d, "lll", kind == COMM_MEETING ? L_("Meeting") : L_("Review"),
                                     L_("How often"), L_("With"));
            }
            DocText **r = doc_row(d, tb);
            dt_add(d, r[0], DS_PLAIN, c->title ? c->title : c->id);
            if (!d->for_signature) {
                dt_break(d, r[0]);
                dt_gen(d, r[0], DS_CODE, c->id);
            }
            dt_gen(d, r[1], DS_PLAIN, fmt_every(d->a, c->every));
            const char *when = comm_when_text(d->a, c);
            if (when) {
                dt_break(d, r[1]);
                dt_gen(d, r[1], DS_PLAIN, when);
            }
            if (kind == COMM_REPORT) {
                fmt_partners(d, r[2], c->by.v, c->by.n);
                with_whom(d, r[3], c->to_all, c->to.v, c->to.n);
            } else {
                with_whom(d, r[2], c->with_all, c->with.v, c->with.n);
            }
        }
        if (!tb)
            missing(d, none[kind]);
    }
}

/* ---- 9. backbone ------------------------------------------------------------------ */

static void performers(Doc *d, DocText *t, const Model *m, const BackboneFn *fn)
{
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        for (int k = 0; k < p->backbone.n; k++)
            if (strcmp(p->backbone.v[k]->d.id, fn->d.id) == 0) {
                if (!dt_empty(t))
                    dt_break(d, t);
                dt_add(d, t, DS_PLAIN, fmt_title(&p->d));
            }
    }
}

static void backbone(Doc *d, const Model *m)
{
    doc_heading(d, 2, "backbone", dt_text(d, L_("9. Backbone support")));
    const Agreement *ag = m->agreement;
    const Model *parent = ag->nested_in ? ag->nested_in->model : NULL;
    doc_para(d, dt_text(d, L_("The backbone functions and the partners who perform them:")));
    DocBlock *tb = parent ? doc_table(d, "lll", L_("Function"), L_("Performed by"),
                                      L_("In the parent agreement"))
                          : doc_table(d, "ll", L_("Function"), L_("Performed by"));
    for (int i = 0; i < m->backbone_fns.n; i++) {
        const BackboneFn *fn = m->backbone_fns.v[i];
        DocText **r = doc_row(d, tb);
        dt_add(d, r[0], DS_PLAIN, fmt_title(&fn->d));
        performers(d, r[1], m, fn);
        if (dt_empty(r[1]))
            dt_gen(d, r[1], DS_EM, L_("nobody"));
        if (parent) {
            performers(d, r[2], parent, fn);
            if (dt_empty(r[2]))
                dt_gen(d, r[2], DS_EM, L_("nobody"));
        }
    }
    DocBlock *l = NULL;
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        if (!p->coordinator)
            continue;
        if (!l) {
            doc_para(d, dt_text(d, L_("Coordinating staff:")));
            l = doc_list(d, false);
        }
        DocText *t = dt_add(d, NULL, DS_STRONG, fmt_title(&p->d));
        dt_gen(d, t, DS_PLAIN, ": ");
        doc_item(d, l, dt_add(d, t, DS_PLAIN, p->coordinator));
    }
}

/* ---- 10. governance ------------------------------------------------------------------ */

static void governance(Doc *d, const Model *m)
{
    const Agreement *ag = m->agreement;
    doc_heading(d, 2, "governance",
                dt_text(d, L_("10. Governance, decisions, escalation, amendment and withdrawal")));
    DocBlock *f = doc_fields(d);
    DocText *t;
    switch (m->decisions) {
    case DECIDE_CONSENSUS:
        t = dt_text(d, L_("By consensus of all partners."));
        break;
    case DECIDE_MAJORITY:
        t = dt_text(d, L_("By a majority of the partners."));
        break;
    case DECIDE_PARTNER:
        t = dt_gen(d, NULL, DS_PLAIN, L_("By "));
        dt_add(d, t, DS_PLAIN, m->decider ? fmt_title(&m->decider->d) : L_("one partner"));
        dt_gen(d, t, DS_PLAIN, ".");
        break;
    default:
        t = dt_gen(d, NULL, DS_EM, L_("No decision rule is stated."));
    }
    doc_field(d, f, L_("Decisions"), t);
    doc_field(d, f, L_("Escalation"),
              m->escalation ? dt_user(d, m->escalation) : dt_gen(d, NULL, DS_EM, L_("not stated")));
    doc_field(d, f, L_("Data sharing"),
              m->data_sharing ? dt_user(d, m->data_sharing)
                              : dt_gen(d, NULL, DS_EM, L_("not stated")));
    doc_field(d, f, L_("Amendment"),
              ag->amendment ? dt_user(d, ag->amendment) : dt_gen(d, NULL, DS_EM, L_("not stated")));
    if (ag->withdrawal.n) {
        doc_field(d, f, L_("Withdrawal"),
                  dt_genf(d, NULL, DS_PLAIN, L_("A partner may withdraw with %s' notice."),
                          fmt_duration(d->a, ag->withdrawal)));
    } else {
        doc_field(d, f, L_("Withdrawal"), dt_gen(d, NULL, DS_EM, L_("not stated")));
    }
}

/* ---- 11. resources ---------------------------------------------------------------------- */

#define MAX_UNITS 12

static int unit_col(const Unit *const *units, int n, const Unit *u)
{
    for (int i = 0; i < n; i++)
        if (units[i] == u || (u && strcmp(units[i]->d.id, u->d.id) == 0))
            return i;
    return -1;
}

/* A table whose columns after `lead` are the units; the header names them. */
static DocBlock *unit_table(Doc *d, const char *first, const char *second,
                            const Unit *const *units, int nu)
{
    int lead = second ? 2 : 1;
    char *align = arena_alloc(d->a, (size_t)(lead + nu + 1));
    memset(align, 'l', (size_t)lead);
    memset(align + lead, 'r', (size_t)nu);
    DocBlock *tb = doc_table(d, lead == 2 ? "ll" : "l", first, second);
    tb->align = align;
    tb->ncols = lead + nu;
    DocText **head = arena_alloc(d->a, (size_t)tb->ncols * sizeof *head);
    memcpy(head, tb->head, (size_t)lead * sizeof *head);
    for (int i = 0; i < nu; i++)
        head[lead + i] = dt_text(d, fmt_unit(units[i]));
    tb->head = head;
    return tb;
}

static void totals_row(Doc *d, DocBlock *tb, int lead, const double *sum, const Unit *const *u,
                       int nu)
{
    DocText **r = doc_row(d, tb);
    dt_gen(d, r[0], DS_PLAIN, L_("Total"));
    for (int i = 0; i < nu; i++)
        dt_gen(d, r[lead + i], DS_PLAIN, fmt_quantity(d->a, sum[i], u[i]));
    tb->last_row_total = true;
}

static void resources(Doc *d, const Model *m)
{
    doc_heading(d, 2, "resources", dt_text(d, L_("11. Resources")));
    const Unit *units[MAX_UNITS];
    int nu = doc_resource_units(m, units, MAX_UNITS);
    if (nu == 0) {
        missing(d, L_("No partner commits resources and no activity has a budget."));
        return;
    }
    double committed[MAX_UNITS] = {0}, budgeted[MAX_UNITS] = {0};

    doc_para(d, dt_text(d, L_("What each partner commits to the partnership, per unit:")));
    DocBlock *tb = unit_table(d, L_("Partner"), NULL, units, nu);
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        if (p->commits.n == 0)
            continue;
        DocText **r = doc_row(d, tb);
        dt_add(d, r[0], DS_PLAIN, fmt_title(&p->d));
        double row[MAX_UNITS] = {0};
        bool has[MAX_UNITS] = {0};
        for (int k = 0; k < p->commits.n; k++) {
            int c = unit_col(units, nu, p->commits.v[k].q.unit);
            if (c >= 0) {
                row[c] += p->commits.v[k].q.value;
                has[c] = true;
            }
        }
        for (int c = 0; c < nu; c++)
            if (has[c]) {
                dt_gen(d, r[1 + c], DS_PLAIN, fmt_quantity(d->a, row[c], units[c]));
                committed[c] += row[c];
            }
    }
    totals_row(d, tb, 1, committed, units, nu);

    doc_para(d, dt_text(d, L_("The budgets of the activities, and the partners who provide them:")));
    tb = unit_table(d, L_("Activity"), L_("Provided by"), units, nu);
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *a = m->activities.v[i];
        /* One row per providing partner, in the order they first appear. */
        for (int k = 0; k < a->budgets.n; k++) {
            Partner *src = doc_budget_source(a, &a->budgets.v[k]);
            bool seen = false;
            for (int j = 0; j < k; j++)
                seen |= doc_budget_source(a, &a->budgets.v[j]) == src;
            if (seen)
                continue;
            DocText **r = doc_row(d, tb);
            fmt_ref(d, r[0], &a->d);
            if (src)
                dt_add(d, r[1], DS_PLAIN, fmt_title(&src->d));
            double row[MAX_UNITS] = {0};
            bool has[MAX_UNITS] = {0};
            for (int j = k; j < a->budgets.n; j++) {
                if (doc_budget_source(a, &a->budgets.v[j]) != src)
                    continue;
                int c = unit_col(units, nu, a->budgets.v[j].q.unit);
                if (c >= 0) {
                    row[c] += a->budgets.v[j].q.value;
                    has[c] = true;
                }
            }
            for (int c = 0; c < nu; c++)
                if (has[c]) {
                    dt_gen(d, r[2 + c], DS_PLAIN, fmt_quantity(d->a, row[c], units[c]));
                    budgeted[c] += row[c];
                }
        }
    }
    totals_row(d, tb, 2, budgeted, units, nu);

    doc_para(d, dt_text(d, L_("Committed resources against the activities' budgets:")));
    tb = doc_table(d, "lrrr", L_("Unit"), L_("Committed"), L_("Budgeted"), L_("Not allocated"));
    for (int c = 0; c < nu; c++) {
        DocText **r = doc_row(d, tb);
        dt_add(d, r[0], DS_PLAIN, units[c]->d.title ? units[c]->d.title : units[c]->d.id);
        dt_gen(d, r[1], DS_PLAIN, fmt_quantity(d->a, committed[c], units[c]));
        dt_gen(d, r[2], DS_PLAIN, fmt_quantity(d->a, budgeted[c], units[c]));
        double left = committed[c] - budgeted[c];
        if (left < 0)
            dt_genf(d, r[3], DS_STRONG, L_("short by %s"), fmt_quantity(d->a, -left, units[c]));
        else
            dt_gen(d, r[3], DS_PLAIN, fmt_quantity(d->a, left, units[c]));
    }
}

/* ---- 12. term; signatures --------------------------------------------------------------- */

static void term(Doc *d, const Model *m)
{
    const Agreement *ag = m->agreement;
    doc_heading(d, 2, "term", dt_text(d, L_("12. Term")));
    if (ag->term_start != DATE_NONE) {
        int y0, m0, d0, y1, m1, d1;
        date_to_civil(ag->term_start, &y0, &m0, &d0);
        date_to_civil(ag->term_end + 1, &y1, &m1, &d1);
        int months = (y1 - y0) * 12 + (m1 - m0);
        DocText *t = dt_genf(d, NULL, DS_PLAIN, L_("This agreement is in force from %s to %s"),
                             fmt_date(d->a, ag->term_start), fmt_date(d->a, ag->term_end));
        if (d0 == d1 && months > 0)
            dt_genf(d, t, DS_PLAIN, L_(" (%d months)"), months);
        doc_para(d, dt_gen(d, t, DS_PLAIN, L_(", unless the partners amend it or end it earlier "
                                           "under section 10.")));
    } else {
        missing(d, L_("The agreement states no term."));
    }
    if (ag->version) {
        DocText *t = dt_gen(d, NULL, DS_PLAIN, L_("This is version "));
        dt_add(d, t, DS_STRONG, ag->version);
        doc_para(d, dt_gen(d, t, DS_PLAIN, L_(" of the agreement.")));
    }
    if (ag->nested_in) {
        const Model *pm = ag->nested_in->model;
        DocText *t = dt_gen(d, NULL, DS_PLAIN, L_("This agreement is a local part of "));
        if (pm && pm->agreement)
            dt_add(d, t, DS_EM, fmt_title(&pm->agreement->d));
        if (!d->for_signature) {
            dt_gen(d, t, DS_PLAIN, " (");
            dt_gen(d, t, DS_CODE, ag->nested_in->d.id);
            dt_gen(d, t, DS_PLAIN, ")");
        }
        doc_para(d, dt_gen(d, t, DS_PLAIN, L_(", whose indicators it feeds where stated in "
                                           "section 6.")));
    }
}

static void signatures(Doc *d, const Model *m)
{
    doc_pagebreak(d);
    doc_heading(d, 2, "signatures", dt_text(d, L_("Signatures")));
    DocText *t = dt_gen(d, NULL, DS_PLAIN, L_("Signed for each party by its authorised "
                                          "signatory, for "));
    dt_add(d, t, DS_EM, fmt_title(&m->agreement->d));
    if (m->agreement->version) {
        dt_gen(d, t, DS_PLAIN, L_(", version "));
        dt_add(d, t, DS_PLAIN, m->agreement->version);
    }
    doc_para(d, dt_gen(d, t, DS_PLAIN, "."));
    /* One block per signatory (a board may sign with two people); a
     * partner that names nobody gets one block with a line for the name. */
    DocBlock *b = doc_signatures(d);
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        for (int k = 0; k < p->signatories.n; k++) {
            const Signatory *sg = &p->signatories.v[k];
            /* The older `signatory "TEXT"` may be an office rather than a
             * person ("Permanent Secretary"): it is shown as the title,
             * with a line for the name. */
            if (sg->title)
                doc_signature(d, b, dt_user(d, fmt_title(&p->d)), dt_user(d, sg->name),
                              dt_user(d, sg->title));
            else
                doc_signature(d, b, dt_user(d, fmt_title(&p->d)), NULL, dt_user(d, sg->name));
        }
        if (p->signatories.n == 0)
            doc_signature(d, b, dt_user(d, fmt_title(&p->d)), NULL, NULL);
    }
}

/* ---- Annex A ---------------------------------------------------------------------------- */

static const char *where(Doc *d, const Diag *g, const Diagnostic *x)
{
    if (x->span.file == NO_FILE || !g->sm || x->span.file >= (uint32_t)g->sm->files.n)
        return "";
    const SrcFile *f = g->sm->files.v[x->span.file];
    const char *name = f->display ? f->display : f->path;
    const char *slash = strrchr(name, '/');
    int line, col;
    src_linecol(g->sm, x->span, &line, &col);
    return arena_printf(d->a, "%s:%d", slash ? slash + 1 : name, line);
}

static void annex(Doc *d, const Diag *g)
{
    doc_pagebreak(d);
    doc_heading(d, 2, "annex-a", dt_text(d, L_("Annex A. Findings of the checks")));
    doc_para(d, dt_text(d, L_("For the facilitator, not part of the agreement: charterc checks the "
                           "agreement for gaps and conflicts. This annex lists the findings that "
                           "remain, and those the partners have allowed, with their reasons. The "
                           "copy for signature leaves it out.")));
    int open = 0, allowed = 0;
    for (int i = 0; g && i < g->items.n; i++) {
        if (g->items.v[i]->allowed)
            allowed++;
        else
            open++;
    }
    doc_heading(d, 3, "annex-a-open", dt_text(d, L_("A.1 Findings that remain")));
    if (open == 0) {
        doc_para(d, dt_text(d, L_("None: the checks found no gap and no conflict.")));
    } else {
        DocBlock *tb = doc_table(d, "lllll", L_("Check"), L_("Severity"), L_("About"), L_("Finding"), L_("Where"));
        tb->cls = "findings";
        for (int i = 0; i < g->items.n; i++) {
            const Diagnostic *x = g->items.v[i];
            if (x->allowed)
                continue;
            DocText **r = doc_row(d, tb);
            dt_gen(d, r[0], DS_CODE, x->check);
            dt_gen(d, r[1], x->sev == SEV_ERROR ? DS_STRONG : DS_PLAIN,
                   x->sev == SEV_ERROR ? "error" : x->sev == SEV_WARNING ? "warning" : "note");
            dt_add(d, r[2], DS_PLAIN, x->subject);
            dt_add(d, r[3], DS_PLAIN, x->message);
            dt_add(d, r[4], DS_PLAIN, where(d, g, x));
        }
    }
    doc_heading(d, 3, "annex-a-allowed", dt_text(d, L_("A.2 Allowed findings")));
    if (allowed == 0) {
        doc_para(d, dt_text(d, L_("None: the agreement allows no finding.")));
        return;
    }
    DocBlock *tb = doc_table(d, "llll", L_("Check"), L_("About"), L_("Finding"), L_("Reason"));
    tb->cls = "allowed";
    for (int i = 0; i < g->items.n; i++) {
        const Diagnostic *x = g->items.v[i];
        if (!x->allowed)
            continue;
        DocText **r = doc_row(d, tb);
        dt_gen(d, r[0], DS_CODE, x->check);
        dt_add(d, r[1], DS_PLAIN, x->subject);
        dt_add(d, r[2], DS_PLAIN, x->message);
        dt_add(d, r[3], DS_PLAIN, x->allow_reason ? x->allow_reason : "");
    }
}

void doc_agreement_terms(Doc *d, const Model *m, const Diag *findings)
{
    communication(d, m);
    backbone(d, m);
    governance(d, m);
    resources(d, m);
    term(d, m);
    doc_agreement_provisions(d, m, 13);
    signatures(d, m);
    if (!d->for_signature)
        annex(d, findings);
}
