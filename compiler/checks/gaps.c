/* gaps.c - the gap checks: something the agreement needs is missing.
 *
 * Each check is one function over the model of the root file and its plain
 * `use`s; prelude declarations (d.is_std) are never subjects.  Findings
 * about the agreement as a whole pass a NULL subject to check_report() and
 * point at the agreement's id.  Every message carries its evidence (what is
 * missing, which declarations are involved) and every finding a hint that
 * says how to fix it or allow it.
 *
 * No check compares all pairs of anything: each makes one pass over the
 * lists it reads, marking what it meets in a pointer set (expected O(1)
 * per operation), so every check is linear in the size of the model.
 * The checks of partners, communication and backbone are in
 * gaps_partners.c. */
#include "checks.h"

#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "gaps_int.h"

/* ---- helpers shared with gaps_partners.c ------------------ */

Span gap_agreement_span(const CheckCtx *x)
{
    return x->m->agreement->d.id_span;
}

const char *gap_agreement_id(const CheckCtx *x)
{
    return x->m->agreement->d.id;
}

void gap_names_init(NameList *l, int max)
{
    buf_init(&l->b);
    l->n = 0;
    l->max = max;
}

void gap_names_add(NameList *l, const char *name)
{
    if (l->n < l->max)
        buf_printf(&l->b, "%s%s", l->n ? ", " : "", name);
    l->n++;
}

/* The joined text, in the arena; frees the buffer. */
const char *gap_names_done(CheckCtx *x, NameList *l)
{
    if (l->n > l->max)
        buf_printf(&l->b, " and %d more", l->n - l->max);
    const char *s = arena_strdup(x->c->arena, l->n ? buf_cstr(&l->b) : "");
    buf_free(&l->b);
    return s;
}

void gap_hint(CheckCtx *x, Diagnostic *g, const char *fix)
{
    diag_hint(&x->c->diag, g, "%s, or `allow %s \"reason\"`", fix, g->check);
}

/* ---- the common agenda -------------------------------------------- */

/* agenda_missing: O(1). */
void check_agenda_missing(CheckCtx *x)
{
    Model *m = x->m;
    if (!m->has_agenda) {
        Diagnostic *g = check_report(x, CHECK_AGENDA_MISSING, NULL, NULL, gap_agreement_span(x),
                                     "agreement '%s' has no agenda: the partners state no "
                                     "shared vision of change", gap_agreement_id(x));
        gap_hint(x, g, "add `agenda { vision \"...\" problem \"...\" }`");
    } else if (!m->vision || !*m->vision) {
        Diagnostic *g = check_report(x, CHECK_AGENDA_MISSING, NULL, NULL, gap_agreement_span(x),
                                     "the agenda of agreement '%s' states no vision",
                                     gap_agreement_id(x));
        diag_related(&x->c->diag, g, m->agenda_span, "the agenda, without `vision`");
        gap_hint(x, g, "add `vision \"...\"` to the agenda");
    }
}

/* problem_missing: O(1).  Without any agenda, agenda_missing says it. */
void check_problem_missing(CheckCtx *x)
{
    Model *m = x->m;
    if (!m->has_agenda || (m->problem && *m->problem))
        return;
    Diagnostic *g = check_report(x, CHECK_PROBLEM_MISSING, NULL, NULL, gap_agreement_span(x),
                                 "the agenda of agreement '%s' states no problem",
                                 gap_agreement_id(x));
    diag_related(&x->c->diag, g, m->agenda_span, "the agenda, without `problem`");
    gap_hint(x, g, "add `problem \"...\"` to the agenda (the partners' common understanding of "
               "the problem)");
}

/* need_unaddressed: O(activities' addresses + needs). */
void check_need_unaddressed(CheckCtx *x)
{
    Model *m = x->m;
    if (m->needs.n == 0)
        return;
    HMap addressed;
    hmap_init_ptr(&addressed, x->scratch, m->needs.n);
    for (int i = 0; i < m->activities.n; i++)
        for (int k = 0; k < m->activities.v[i]->addresses.n; k++)
            hmap_ptr_add(&addressed, m->activities.v[i]->addresses.v[k]);
    for (int i = 0; i < m->needs.n; i++) {
        Need *n = m->needs.v[i];
        if (n->d.is_std || hmap_ptr_has(&addressed, n))
            continue;
        Diagnostic *g = check_report(x, CHECK_NEED_UNADDRESSED, &n->d, NULL, n->d.id_span,
                                     "need '%s' is addressed by no activity", n->d.id);
        gap_hint(x, g, arena_printf(x->c->arena, "add `addresses %s` to the activity that meets it",
                                    n->d.id));
    }
}

/* ---- the agreement block ------------------------------------------ */

/* lead_missing: O(1). */
void check_lead_missing(CheckCtx *x)
{
    Agreement *a = x->m->agreement;
    if (a->lead)
        return;
    Diagnostic *g = check_report(x, CHECK_LEAD_MISSING, NULL, NULL, gap_agreement_span(x),
                                 "agreement '%s' names no project lead", a->d.id);
    gap_hint(x, g, "add `lead PARTNER` to the agreement block");
}

/* scope_missing: O(1). */
void check_scope_missing(CheckCtx *x)
{
    Agreement *a = x->m->agreement;
    if (a->scope && *a->scope)
        return;
    Diagnostic *g = check_report(x, CHECK_SCOPE_MISSING, NULL, NULL, gap_agreement_span(x),
                                 "agreement '%s' states no scope", a->d.id);
    gap_hint(x, g, "add `scope \"what the project covers\"` to the agreement block");
}

/* term_missing: O(1). */
void check_term_missing(CheckCtx *x)
{
    Agreement *a = x->m->agreement;
    if (a->term_start != DATE_NONE)
        return;
    Diagnostic *g = check_report(x, CHECK_TERM_MISSING, NULL, NULL, gap_agreement_span(x),
                                 "agreement '%s' has no term", a->d.id);
    gap_hint(x, g, "add `term START to END` to the agreement block");
}

/* exit_terms_missing: O(1). */
void check_exit_terms_missing(CheckCtx *x)
{
    Agreement *a = x->m->agreement;
    Diagnostic *g;
    bool no_amend = !a->amendment || !*a->amendment, no_withdraw = a->withdrawal.n == 0;
    if (no_amend || no_withdraw) {
        g = check_report(x, CHECK_EXIT_TERMS_MISSING, NULL, NULL, gap_agreement_span(x),
                         "agreement '%s' states %s", a->d.id,
                         no_amend && no_withdraw ? "no amendment terms and no withdrawal notice"
                         : no_amend              ? "no amendment terms"
                                                 : "no withdrawal notice");
        gap_hint(x, g,
             no_amend && no_withdraw
                 ? "add `amendment \"...\"` and `withdrawal 90 days notice` to the agreement block"
             : no_amend ? "add `amendment \"how the agreement is changed\"` to the agreement block"
                        : "add `withdrawal 90 days notice` to the agreement block");
    }
}

/* governance_missing: O(1). */
void check_governance_missing(CheckCtx *x)
{
    Model *m = x->m;
    if (m->decisions != DECIDE_UNSET)
        return;
    Diagnostic *g = check_report(x, CHECK_GOVERNANCE_MISSING, NULL, NULL, gap_agreement_span(x),
                                 "agreement '%s' states no decision rule", gap_agreement_id(x));
    if (m->has_governance)
        diag_related(&x->c->diag, g, m->governance_span, "the governance block, without `decisions`");
    gap_hint(x, g, "add `decisions consensus` (or `majority`) to a `governance { }` block");
}

/* ---- shared measurement ------------------------------------------- */

/* The user's indicators. */
static int indicator_count(const Model *m)
{
    int n = 0;
    for (int i = 0; i < m->indicators.n; i++)
        if (!m->indicators.v[i]->d.is_std)
            n++;
    return n;
}

/* measurement_missing: O(indicators). */
void check_measurement_missing(CheckCtx *x)
{
    if (indicator_count(x->m) > 0)
        return;
    Diagnostic *g = check_report(x, CHECK_MEASUREMENT_MISSING, NULL, NULL, gap_agreement_span(x),
                                 "agreement '%s' has no indicator: nothing measures its "
                                 "progress", gap_agreement_id(x));
    gap_hint(x, g, "declare `indicator ID \"...\" { unit ... direction ... target ... }` and "
                   "name it in a goal's `measured_by`");
}

/* too_many_indicators: O(indicators). */
void check_too_many_indicators(CheckCtx *x)
{
    int n = indicator_count(x->m);
    if (n <= x->o->max_indicators)
        return;
    Diagnostic *g = check_report(x, CHECK_TOO_MANY_INDICATORS, NULL, NULL, gap_agreement_span(x),
                                 "agreement '%s' has %d indicators, more than %d: shared "
                                 "measurement works on a short list", gap_agreement_id(x), n,
                                 x->o->max_indicators);
    gap_hint(x, g, "merge or drop indicators (or change the threshold with --max-indicators N)");
}

/* goal_unmeasured: O(goals). */
void check_goal_unmeasured(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->goals.n; i++) {
        Goal *g = m->goals.v[i];
        if (g->d.is_std || g->measured_by.n > 0)
            continue;
        Diagnostic *d = check_report(x, CHECK_GOAL_UNMEASURED, &g->d, NULL, g->d.id_span,
                                     "goal '%s' has no indicator", g->d.id);
        gap_hint(x, d, "add `measured_by INDICATOR`");
    }
}

/* Adds every indicator an expression reads to `used`: O(expression size). */
static void mark_expr(HMap *used, const Expr *e)
{
    while (e) {
        if (e->kind == EX_NAME && e->indicator)
            hmap_ptr_add(used, e->indicator);
        for (int i = 0; i < e->args.n; i++)
            mark_expr(used, e->args.v[i]);
        mark_expr(used, e->l);
        e = e->r;
    }
}

/* indicator_orphan: O(goals' indicators + milestones' expressions +
 * formulas' inputs + indicators). */
void check_indicator_orphan(CheckCtx *x)
{
    Model *m = x->m;
    HMap used;
    hmap_init_ptr(&used, x->scratch, m->indicators.n);
    for (int i = 0; i < m->goals.n; i++)
        for (int k = 0; k < m->goals.v[i]->measured_by.n; k++)
            hmap_ptr_add(&used, m->goals.v[i]->measured_by.v[k]);
    for (int i = 0; i < m->milestones.n; i++)
        mark_expr(&used, m->milestones.v[i]->requires);
    for (int i = 0; i < m->indicators.n; i++) {
        Indicator *ind = m->indicators.v[i];
        for (int k = 0; k < ind->inputs.n; k++)
            hmap_ptr_add(&used, ind->inputs.v[k]);
        mark_expr(&used, ind->formula);
    }
    for (int i = 0; i < m->indicators.n; i++) {
        Indicator *ind = m->indicators.v[i];
        if (ind->d.is_std || hmap_ptr_has(&used, ind))
            continue;
        Diagnostic *g = check_report(x, CHECK_INDICATOR_ORPHAN, &ind->d, NULL, ind->d.id_span,
                                     "indicator '%s' is used by no goal, milestone or formula",
                                     ind->d.id);
        gap_hint(x, g,
             arena_printf(x->c->arena, "name it in a goal's `measured_by %s`, a milestone's "
                                       "`requires` or a formula (or remove it)", ind->d.id));
    }
}

/* indicator_incomplete: O(indicators). */
void check_indicator_incomplete(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->indicators.n; i++) {
        Indicator *ind = m->indicators.v[i];
        if (ind->d.is_std)
            continue;
        /* A derived indicator takes its reporting from its inputs. */
        bool derived = ind->formula != NULL;
        const char *missing[7], *fix[7];
        int n = 0;
#define MISSING(cond, what, stmt) \
    if (cond) {                   \
        missing[n] = what;        \
        fix[n++] = stmt;          \
    }
        MISSING(!ind->unit, "unit", "`unit UNIT`");
        MISSING(ind->direction == 0, "direction", "`direction up|down`");
        MISSING(!derived && !ind->has_baseline, "baseline", "`baseline VALUE on DATE`");
        MISSING(ind->targets.n == 0, "target", "`target VALUE by DATE`");
        MISSING(!derived && ind->frequency.n == 0, "frequency", "`frequency quarterly`");
        MISSING(!derived && ind->reporters.n == 0, "reporter", "`reported_by PARTNER`");
        MISSING(!derived && (!ind->source || !*ind->source), "source", "`source \"...\"`");
#undef MISSING
        if (n == 0)
            continue;
        Buf what, how;
        buf_init(&what);
        buf_init(&how);
        for (int k = 0; k < n; k++) {
            const char *sep = k == 0 ? "" : k == n - 1 ? " or " : ", ";
            buf_printf(&what, "%s%s", sep, missing[k]);
            buf_printf(&how, "%s%s", k == 0 ? "" : k == n - 1 ? " and " : ", ", fix[k]);
        }
        Diagnostic *g = check_report(x, CHECK_INDICATOR_INCOMPLETE, &ind->d, NULL, ind->d.id_span,
                                     "indicator '%s' has no %s", ind->d.id, buf_cstr(&what));
        gap_hint(x, g, arena_printf(x->c->arena, "add %s", buf_cstr(&how)));
        buf_free(&what);
        buf_free(&how);
    }
}

/* data_sharing_missing: O(indicators). */
void check_data_sharing_missing(CheckCtx *x)
{
    Model *m = x->m;
    if (m->data_sharing && *m->data_sharing)
        return;
    for (int i = 0; i < m->indicators.n; i++) {
        Indicator *ind = m->indicators.v[i];
        if (ind->d.is_std || !ind->personal_data)
            continue;
        Diagnostic *g = check_report(x, CHECK_DATA_SHARING_MISSING, &ind->d, NULL, ind->d.id_span,
                                     "indicator '%s' involves personal data but the governance "
                                     "states no data-sharing terms", ind->d.id);
        if (m->has_governance)
            diag_related(&x->c->diag, g, m->governance_span,
                         "the governance block, without `data_sharing`");
        gap_hint(x, g, "add `data_sharing \"who sees which data, under what rules\"` to the "
                   "governance block");
    }
}

/* ---- legal effect and clauses ---------------------------------------- */

/* binding_unstated: O(1). */
void check_binding_unstated(CheckCtx *x)
{
    if (x->m->agreement->binding != BINDING_UNSET)
        return;
    Diagnostic *g = check_report(x, CHECK_BINDING_UNSTATED, NULL, NULL, gap_agreement_span(x),
                                 "agreement '%s' does not say whether it binds the partners",
                                 gap_agreement_id(x));
    gap_hint(x, g, "add `binding no` (a statement of intent) or `binding yes` to the "
                   "agreement block");
}

static bool covered(const Model *m, const char *topic)
{
    for (int i = 0; i < m->clauses.n; i++)
        for (int k = 0; k < m->clauses.v[i]->covers.n; k++)
            if (strcmp(m->clauses.v[i]->covers.v[k]->d.id, topic) == 0)
                return true;
    return false;
}

static bool anything_binds(const Model *m)
{
    if (m->agreement->binding == BINDING_YES)
        return true;
    for (int i = 0; i < m->clauses.n; i++)
        if (m->clauses.v[i]->binding == BINDING_YES)
            return true;
    return false;
}

static bool personal_data(const Model *m)
{
    if (m->data_sharing && *m->data_sharing)
        return true;
    for (int i = 0; i < m->indicators.n; i++)
        if (!m->indicators.v[i]->d.is_std && m->indicators.v[i]->personal_data)
            return true;
    return false;
}

/* clause_missing: one finding per topic the agreement needs and no clause
 * covers, about that topic (declared by the prelude, or replaced by the
 * agreement), at the agreement.  O(clauses' topics x 5 + indicators). */
void check_clause_missing(CheckCtx *x)
{
    Model *m = x->m;
    bool personal = personal_data(m), binds = anything_binds(m);
    const struct {
        const char *topic;
        bool needed;
        const char *why;
    } need[] = {
        {"termination", true, "every agreement says how it ends"},
        {"dispute_resolution", !(m->escalation && *m->escalation),
         "governance has no `escalation` either"},
        {"confidentiality", personal, "personal data is reported or shared"},
        {"data_protection", personal, "personal data is reported or shared"},
        {"governing_law", binds, "the agreement or one of its clauses binds"},
    };
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        if (!need[i].needed || covered(m, need[i].topic))
            continue;
        const Decl *t = model_lookup(m, K_TOPIC, need[i].topic);
        Diagnostic *g = check_report(x, CHECK_CLAUSE_MISSING, t, NULL, gap_agreement_span(x),
                                     "no clause covers %s (%s): %s",
                                     t && t->title ? t->title : need[i].topic, need[i].topic,
                                     need[i].why);
        gap_hint(x, g, arena_printf(x->c->arena, "add `clause ID \"Heading\" { covers %s  text "
                                                 "\"...\" }`", need[i].topic));
    }
}

/* ---- mutually reinforcing activities ------------------------------- */

/* goal_unsupported: O(activities' goals + goals). */
void check_goal_unsupported(CheckCtx *x)
{
    Model *m = x->m;
    HMap supported;
    hmap_init_ptr(&supported, x->scratch, m->goals.n);
    for (int i = 0; i < m->activities.n; i++)
        for (int k = 0; k < m->activities.v[i]->supports.n; k++)
            hmap_ptr_add(&supported, m->activities.v[i]->supports.v[k]);
    for (int i = 0; i < m->goals.n; i++) {
        Goal *g = m->goals.v[i];
        if (g->d.is_std || hmap_ptr_has(&supported, g))
            continue;
        Diagnostic *d = check_report(x, CHECK_GOAL_UNSUPPORTED, &g->d, NULL, g->d.id_span,
                                     "goal '%s' is supported by no activity", g->d.id);
        gap_hint(x, d,
             arena_printf(x->c->arena, "add `supports %s` to an activity that works toward it",
                          g->d.id));
    }
}

/* activity_unlinked: O(activities). */
void check_activity_unlinked(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->activities.n; i++) {
        Activity *a = m->activities.v[i];
        if (a->d.is_std || a->supports.n > 0)
            continue;
        Diagnostic *g = check_report(x, CHECK_ACTIVITY_UNLINKED, &a->d, NULL, a->d.id_span,
                                     "activity '%s' supports no goal", a->d.id);
        gap_hint(x, g, "add `supports GOAL`");
    }
}

/* activity_unscheduled: O(activities). */
void check_activity_unscheduled(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->activities.n; i++) {
        Activity *a = m->activities.v[i];
        if (a->d.is_std || a->start != DATE_NONE)
            continue;
        Diagnostic *g = check_report(x, CHECK_ACTIVITY_UNSCHEDULED, &a->d, NULL, a->d.id_span,
                                     "activity '%s' has no period: it is in no schedule",
                                     a->d.id);
        gap_hint(x, g, "add `period START to END`");
    }
}

/* ---- milestones ---------------------------------------------------- */

/* milestone_unowned: O(milestones). */
void check_milestone_unowned(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->milestones.n; i++) {
        Milestone *ms = m->milestones.v[i];
        if (ms->d.is_std || ms->owner)
            continue;
        Diagnostic *g = check_report(x, CHECK_MILESTONE_UNOWNED, &ms->d, NULL, ms->d.id_span,
                                     "milestone '%s' has no owner", ms->d.id);
        gap_hint(x, g, "add `owner PARTNER` (the partner accountable for it)");
    }
}

/* milestone_undated: O(milestones). */
void check_milestone_undated(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->milestones.n; i++) {
        Milestone *ms = m->milestones.v[i];
        if (ms->d.is_std || ms->due != DATE_NONE)
            continue;
        Diagnostic *g = check_report(x, CHECK_MILESTONE_UNDATED, &ms->d, NULL, ms->d.id_span,
                                     "milestone '%s' has no due date", ms->d.id);
        gap_hint(x, g, "add `due DATE`");
    }
}
