/* checks_gaps.c - something the agreement needs is missing (CHECKS.md, Gaps).
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
 * per operation), so every check is linear in the size of the model. */
#include "checks.h"

#include <stdint.h>
#include <string.h>

#include "buf.h"

/* ---- a pointer map: open addressing, grows at half full ------------ */

typedef struct PtrMap {
    Arena *a;
    const void **key;
    int *val;
    uint32_t mask;      /* capacity - 1, capacity a power of two */
    uint32_t n;
} PtrMap;

/* A set is a map whose values are not read. */
typedef PtrMap PtrSet;

static uint32_t ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

static void pmap_init(PtrMap *s, Arena *a, int expected)
{
    uint32_t cap = 16;
    while (cap < (uint32_t)expected * 2u + 2u)
        cap *= 2;
    s->a = a;
    s->key = arena_alloc(a, cap * sizeof *s->key);
    s->val = arena_alloc(a, cap * sizeof *s->val);
    s->mask = cap - 1;
    s->n = 0;
}

/* The value of key p, or NULL when p is absent. */
static int *pmap_get(const PtrMap *s, const void *p)
{
    for (uint32_t i = ptr_hash(p) & s->mask;; i = (i + 1) & s->mask) {
        if (!s->key[i])
            return NULL;
        if (s->key[i] == p)
            return &s->val[i];
    }
}

/* The value of key p, inserted with `init` when absent.  p is not NULL. */
static int *pmap_put(PtrMap *s, const void *p, int init)
{
    int *v = pmap_get(s, p);
    if (v)
        return v;
    if ((s->n + 1) * 2 > s->mask + 1) {
        PtrMap t;
        pmap_init(&t, s->a, (int)(s->mask + 1));
        for (uint32_t i = 0; i <= s->mask; i++)
            if (s->key[i])
                *pmap_put(&t, s->key[i], 0) = s->val[i];
        *s = t;
    }
    uint32_t i = ptr_hash(p) & s->mask;
    while (s->key[i])
        i = (i + 1) & s->mask;
    s->key[i] = p;
    s->val[i] = init;
    s->n++;
    return &s->val[i];
}

static void pset_init(PtrSet *s, Arena *a, int expected) { pmap_init(s, a, expected); }
static bool pset_has(const PtrSet *s, const void *p) { return p && pmap_get(s, p); }
static void pset_add(PtrSet *s, const void *p)
{
    if (p)
        pmap_put(s, p, 0);
}

/* ---- helpers ------------------------------------------------------ */

static Span agreement_span(const CheckCtx *x)
{
    return x->m->agreement->d.id_span;
}

static const char *agreement_id(const CheckCtx *x)
{
    return x->m->agreement->d.id;
}

/* Joins up to `max` names with ", " and says how many more there are. */
typedef struct NameList {
    Buf b;
    int n, max;
} NameList;

static void names_init(NameList *l, int max)
{
    buf_init(&l->b);
    l->n = 0;
    l->max = max;
}

static void names_add(NameList *l, const char *name)
{
    if (l->n < l->max)
        buf_printf(&l->b, "%s%s", l->n ? ", " : "", name);
    l->n++;
}

/* The joined text, in the arena; frees the buffer. */
static const char *names_done(CheckCtx *x, NameList *l)
{
    if (l->n > l->max)
        buf_printf(&l->b, " and %d more", l->n - l->max);
    const char *s = arena_strdup(x->c->arena, l->n ? buf_cstr(&l->b) : "");
    buf_free(&l->b);
    return s;
}

static void hint(CheckCtx *x, Diagnostic *g, const char *fix, const char *check)
{
    diag_hint(&x->c->diag, g, "%s, or `allow %s \"reason\"`", fix, check);
}

/* ---- the common agenda -------------------------------------------- */

/* agenda_missing: O(1). */
static void check_agenda_missing(CheckCtx *x)
{
    Model *m = x->m;
    if (!m->has_agenda) {
        Diagnostic *g = check_report(x, "agenda_missing", NULL, NULL, agreement_span(x),
                                     "agreement '%s' has no agenda: the partners state no "
                                     "shared vision of change", agreement_id(x));
        hint(x, g, "add `agenda { vision \"...\" problem \"...\" }`", "agenda_missing");
    } else if (!m->vision || !*m->vision) {
        Diagnostic *g = check_report(x, "agenda_missing", NULL, NULL, agreement_span(x),
                                     "the agenda of agreement '%s' states no vision",
                                     agreement_id(x));
        diag_related(&x->c->diag, g, m->agenda_span, "the agenda, without `vision`");
        hint(x, g, "add `vision \"...\"` to the agenda", "agenda_missing");
    }
}

/* problem_missing: O(1).  Without any agenda, agenda_missing says it. */
static void check_problem_missing(CheckCtx *x)
{
    Model *m = x->m;
    if (!m->has_agenda || (m->problem && *m->problem))
        return;
    Diagnostic *g = check_report(x, "problem_missing", NULL, NULL, agreement_span(x),
                                 "the agenda of agreement '%s' states no problem",
                                 agreement_id(x));
    diag_related(&x->c->diag, g, m->agenda_span, "the agenda, without `problem`");
    hint(x, g, "add `problem \"...\"` to the agenda (the partners' common understanding of "
               "the problem)", "problem_missing");
}

/* need_unaddressed: O(activities' addresses + needs). */
static void check_need_unaddressed(CheckCtx *x)
{
    Model *m = x->m;
    if (m->needs.n == 0)
        return;
    PtrSet addressed;
    pset_init(&addressed, x->c->arena, m->needs.n);
    for (int i = 0; i < m->activities.n; i++)
        for (int k = 0; k < m->activities.v[i]->addresses.n; k++)
            pset_add(&addressed, m->activities.v[i]->addresses.v[k]);
    for (int i = 0; i < m->needs.n; i++) {
        Need *n = m->needs.v[i];
        if (n->d.is_std || pset_has(&addressed, n))
            continue;
        Diagnostic *g = check_report(x, "need_unaddressed", &n->d, NULL, n->d.id_span,
                                     "need '%s' is addressed by no activity", n->d.id);
        hint(x, g,
             arena_printf(x->c->arena, "add `addresses %s` to the activity that meets it", n->d.id),
             "need_unaddressed");
    }
}

/* ---- the agreement block ------------------------------------------ */

/* lead_missing, scope_missing, term_missing, exit_terms_missing: O(1). */
static void check_agreement_terms(CheckCtx *x)
{
    Agreement *a = x->m->agreement;
    Diagnostic *g;
    if (!a->lead) {
        g = check_report(x, "lead_missing", NULL, NULL, agreement_span(x),
                         "agreement '%s' names no project lead", a->d.id);
        hint(x, g, "add `lead PARTNER` to the agreement block", "lead_missing");
    }
    if (!a->scope || !*a->scope) {
        g = check_report(x, "scope_missing", NULL, NULL, agreement_span(x),
                         "agreement '%s' states no scope", a->d.id);
        hint(x, g, "add `scope \"what the project covers\"` to the agreement block",
             "scope_missing");
    }
    if (a->term_start == DATE_NONE) {
        g = check_report(x, "term_missing", NULL, NULL, agreement_span(x),
                         "agreement '%s' has no term", a->d.id);
        hint(x, g, "add `term START to END` to the agreement block", "term_missing");
    }
    bool no_amend = !a->amendment || !*a->amendment, no_withdraw = a->withdrawal.n == 0;
    if (no_amend || no_withdraw) {
        g = check_report(x, "exit_terms_missing", NULL, NULL, agreement_span(x),
                         "agreement '%s' states %s", a->d.id,
                         no_amend && no_withdraw ? "no amendment terms and no withdrawal notice"
                         : no_amend              ? "no amendment terms"
                                                 : "no withdrawal notice");
        hint(x, g,
             no_amend && no_withdraw
                 ? "add `amendment \"...\"` and `withdrawal 90 days notice` to the agreement block"
             : no_amend ? "add `amendment \"how the agreement is changed\"` to the agreement block"
                        : "add `withdrawal 90 days notice` to the agreement block",
             "exit_terms_missing");
    }
}

/* governance_missing: O(1). */
static void check_governance_missing(CheckCtx *x)
{
    Model *m = x->m;
    if (m->decisions != DECIDE_UNSET)
        return;
    Diagnostic *g = check_report(x, "governance_missing", NULL, NULL, agreement_span(x),
                                 "agreement '%s' states no decision rule", agreement_id(x));
    if (m->has_governance)
        diag_related(&x->c->diag, g, m->governance_span, "the governance block, without `decisions`");
    hint(x, g, "add `decisions consensus` (or `majority`) to a `governance { }` block",
         "governance_missing");
}

/* ---- partners ----------------------------------------------------- */

/* sector_diversity: O(partners). */
static void check_sector_diversity(CheckCtx *x)
{
    Model *m = x->m;
    PtrSet seen;
    pset_init(&seen, x->c->arena, m->partners.n);
    NameList sectors;
    names_init(&sectors, 8);
    int without = 0, partners = 0;
    for (int i = 0; i < m->partners.n; i++) {
        Partner *p = m->partners.v[i];
        if (p->d.is_std)
            continue;
        partners++;
        if (!p->sector) {
            without++;
            continue;
        }
        if (pset_has(&seen, p->sector))
            continue;
        pset_add(&seen, p->sector);
        names_add(&sectors, p->sector->d.id);
    }
    int n = (int)seen.n;
    if (n >= x->o->min_sectors) {
        buf_free(&sectors.b);
        return;
    }
    const char *list = names_done(x, &sectors);
    const char *missing =
        without ? arena_printf(x->c->arena, " (%d of %d partner%s state%s no sector)", without,
                               partners, partners == 1 ? "" : "s", without == 1 ? "s" : "")
                : "";
    Diagnostic *g;
    if (n == 0)
        g = check_report(x, "sector_diversity", NULL, NULL, agreement_span(x),
                         "no partner of agreement '%s' states a sector%s; a cross-sector "
                         "partnership needs at least %d", agreement_id(x), missing,
                         x->o->min_sectors);
    else
        g = check_report(x, "sector_diversity", NULL, NULL, agreement_span(x),
                         "the partners of agreement '%s' come from %d sector%s (%s)%s; a "
                         "cross-sector partnership needs at least %d", agreement_id(x), n,
                         n == 1 ? "" : "s", list, missing, x->o->min_sectors);
    hint(x, g, "bring in a partner from another sector and give every partner `sector SECTOR` "
               "(or change the threshold with --min-sectors N)", "sector_diversity");
}

/* incentive_missing, signatory_missing: O(partners). */
static void check_partner_statements(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->partners.n; i++) {
        Partner *p = m->partners.v[i];
        if (p->d.is_std)
            continue;
        if (p->incentives.n == 0) {
            Diagnostic *g = check_report(x, "incentive_missing", &p->d, NULL, p->d.id_span,
                                         "partner '%s' states no incentive", p->d.id);
            hint(x, g, "add `incentive ID \"what it wants\" { interest NAME wants more }`",
                 "incentive_missing");
        }
        if (!p->signatory || !*p->signatory) {
            Diagnostic *g = check_report(x, "signatory_missing", &p->d, NULL, p->d.id_span,
                                         "partner '%s' names no signatory", p->d.id);
            hint(x, g, "add `signatory \"who signs for the partner\"`", "signatory_missing");
        }
    }
}

/* The commitments of a partner, "2000 USD, 300 hours", for evidence. */
static const char *commitments_text(CheckCtx *x, const Partner *p)
{
    NameList l;
    names_init(&l, 4);
    for (int i = 0; i < p->commits.n; i++) {
        const Quantity *q = &p->commits.v[i];
        names_add(&l, arena_printf(x->c->arena, "%.15g %s", q->value,
                                   q->unit ? q->unit->d.id : ""));
    }
    return names_done(x, &l);
}

/* partner_idle: O(activities' leads, partners and budgets + milestones +
 * indicators' reporters + partners). */
static void check_partner_idle(CheckCtx *x)
{
    Model *m = x->m;
    PtrSet busy;
    pset_init(&busy, x->c->arena, m->partners.n);
    for (int i = 0; i < m->activities.n; i++) {
        Activity *a = m->activities.v[i];
        pset_add(&busy, a->lead);
        for (int k = 0; k < a->partners.n; k++)
            pset_add(&busy, a->partners.v[k]);
        for (int k = 0; k < a->budgets.n; k++)
            pset_add(&busy, a->budgets.v[k].from);
    }
    for (int i = 0; i < m->milestones.n; i++)
        pset_add(&busy, m->milestones.v[i]->owner);
    for (int i = 0; i < m->indicators.n; i++)
        for (int k = 0; k < m->indicators.v[i]->reporters.n; k++)
            pset_add(&busy, m->indicators.v[i]->reporters.v[k]);
    for (int i = 0; i < m->partners.n; i++) {
        Partner *p = m->partners.v[i];
        if (p->d.is_std || p->backbone.n > 0 || pset_has(&busy, p))
            continue;
        const char *commits = commitments_text(x, p);
        Diagnostic *g = check_report(
            x, "partner_idle", &p->d, NULL, p->d.id_span,
            "partner '%s'%s%s%s has no role: it leads no activity, takes part in none, owns no "
            "milestone, reports no indicator, provides no budget and performs no backbone function",
            p->d.id, *commits ? " (commits " : "", commits, *commits ? ")" : "");
        hint(x, g, "give it a role (`lead`, `partners`, `owner`, `reported_by`, `budget ... from`, "
                   "`backbone`)", "partner_idle");
    }
}

/* partner_not_reporting: O(indicators' reporters + activities + partners):
 * the activities are grouped by lead in one pass. */
static void check_partner_not_reporting(CheckCtx *x)
{
    Model *m = x->m;
    PtrSet reporting;
    pset_init(&reporting, x->c->arena, m->partners.n);
    for (int i = 0; i < m->indicators.n; i++)
        for (int k = 0; k < m->indicators.v[i]->reporters.n; k++)
            pset_add(&reporting, m->indicators.v[i]->reporters.v[k]);
    /* One group per lead that reports nothing, in order of its first
     * activity. */
    struct Group { Partner *p; Activity *first; NameList led; } *groups =
        arena_alloc(x->c->arena, (size_t)(m->activities.n + 1) * sizeof *groups);
    int ngroups = 0;
    PtrMap index;
    pmap_init(&index, x->c->arena, m->partners.n);
    for (int i = 0; i < m->activities.n; i++) {
        Activity *a = m->activities.v[i];
        Partner *p = a->lead;
        if (!p || p->d.is_std || a->d.is_std || pset_has(&reporting, p))
            continue;
        int *gi = pmap_put(&index, p, -1);
        if (*gi < 0) {
            *gi = ngroups++;
            groups[*gi].p = p;
            groups[*gi].first = a;
            names_init(&groups[*gi].led, 5);
        }
        names_add(&groups[*gi].led, a->d.id);
    }
    for (int i = 0; i < ngroups; i++) {
        struct Group *gr = &groups[i];
        int nled = gr->led.n;
        const char *list = names_done(x, &gr->led);
        Diagnostic *g = check_report(x, "partner_not_reporting", &gr->p->d, NULL,
                                     gr->p->d.id_span, "partner '%s' leads %s %s but reports no "
                                     "indicator", gr->p->d.id,
                                     nled == 1 ? "activity" : "activities", list);
        diag_related(&x->c->diag, g, gr->first->d.id_span, "'%s' leads this activity",
                     gr->p->d.id);
        hint(x, g, arena_printf(x->c->arena, "add %s to the `reported_by` of an indicator its "
                                             "work moves", gr->p->d.id),
             "partner_not_reporting");
    }
}

/* ---- shared measurement ------------------------------------------- */

/* measurement_missing, too_many_indicators: O(indicators). */
static void check_indicator_count(CheckCtx *x)
{
    Model *m = x->m;
    int n = 0;
    for (int i = 0; i < m->indicators.n; i++)
        if (!m->indicators.v[i]->d.is_std)
            n++;
    if (n == 0) {
        Diagnostic *g = check_report(x, "measurement_missing", NULL, NULL, agreement_span(x),
                                     "agreement '%s' has no indicator: nothing measures its "
                                     "progress", agreement_id(x));
        hint(x, g, "declare `indicator ID \"...\" { unit ... direction ... target ... }` and "
                   "name it in a goal's `measured_by`", "measurement_missing");
    } else if (n > x->o->max_indicators) {
        Diagnostic *g = check_report(x, "too_many_indicators", NULL, NULL, agreement_span(x),
                                     "agreement '%s' has %d indicators, more than %d: shared "
                                     "measurement works on a short list", agreement_id(x), n,
                                     x->o->max_indicators);
        hint(x, g, "merge or drop indicators (or change the threshold with --max-indicators N)",
             "too_many_indicators");
    }
}

/* goal_unmeasured: O(goals). */
static void check_goal_unmeasured(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->goals.n; i++) {
        Goal *g = m->goals.v[i];
        if (g->d.is_std || g->measured_by.n > 0)
            continue;
        Diagnostic *d = check_report(x, "goal_unmeasured", &g->d, NULL, g->d.id_span,
                                     "goal '%s' has no indicator", g->d.id);
        hint(x, d, "add `measured_by INDICATOR`", "goal_unmeasured");
    }
}

/* Adds every indicator an expression reads to `used`: O(expression size). */
static void mark_expr(PtrSet *used, const Expr *e)
{
    while (e) {
        if ((e->kind == EX_NAME || e->kind == EX_CALL) && e->ref &&
            ((const Decl *)e->ref)->kind == K_INDICATOR)
            pset_add(used, e->ref);
        for (int i = 0; i < e->args.n; i++)
            mark_expr(used, e->args.v[i]);
        mark_expr(used, e->l);
        e = e->r;
    }
}

/* indicator_orphan: O(goals' indicators + milestones' expressions +
 * formulas' inputs + indicators). */
static void check_indicator_orphan(CheckCtx *x)
{
    Model *m = x->m;
    PtrSet used;
    pset_init(&used, x->c->arena, m->indicators.n);
    for (int i = 0; i < m->goals.n; i++)
        for (int k = 0; k < m->goals.v[i]->measured_by.n; k++)
            pset_add(&used, m->goals.v[i]->measured_by.v[k]);
    for (int i = 0; i < m->milestones.n; i++)
        mark_expr(&used, m->milestones.v[i]->requires);
    for (int i = 0; i < m->indicators.n; i++) {
        Indicator *ind = m->indicators.v[i];
        for (int k = 0; k < ind->inputs.n; k++)
            pset_add(&used, ind->inputs.v[k]);
        mark_expr(&used, ind->formula);
    }
    for (int i = 0; i < m->indicators.n; i++) {
        Indicator *ind = m->indicators.v[i];
        if (ind->d.is_std || pset_has(&used, ind))
            continue;
        Diagnostic *g = check_report(x, "indicator_orphan", &ind->d, NULL, ind->d.id_span,
                                     "indicator '%s' is used by no goal, milestone or formula",
                                     ind->d.id);
        hint(x, g,
             arena_printf(x->c->arena, "name it in a goal's `measured_by %s`, a milestone's "
                                       "`requires` or a formula (or remove it)", ind->d.id),
             "indicator_orphan");
    }
}

/* indicator_incomplete: O(indicators). */
static void check_indicator_incomplete(CheckCtx *x)
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
        Diagnostic *g = check_report(x, "indicator_incomplete", &ind->d, NULL, ind->d.id_span,
                                     "indicator '%s' has no %s", ind->d.id, buf_cstr(&what));
        hint(x, g, arena_printf(x->c->arena, "add %s", buf_cstr(&how)), "indicator_incomplete");
        buf_free(&what);
        buf_free(&how);
    }
}

/* data_sharing_missing: O(indicators). */
static void check_data_sharing_missing(CheckCtx *x)
{
    Model *m = x->m;
    if (m->data_sharing && *m->data_sharing)
        return;
    for (int i = 0; i < m->indicators.n; i++) {
        Indicator *ind = m->indicators.v[i];
        if (ind->d.is_std || !ind->personal_data)
            continue;
        Diagnostic *g = check_report(x, "data_sharing_missing", &ind->d, NULL, ind->d.id_span,
                                     "indicator '%s' involves personal data but the governance "
                                     "states no data-sharing terms", ind->d.id);
        if (m->has_governance)
            diag_related(&x->c->diag, g, m->governance_span,
                         "the governance block, without `data_sharing`");
        hint(x, g, "add `data_sharing \"who sees which data, under what rules\"` to the "
                   "governance block", "data_sharing_missing");
    }
}

/* ---- mutually reinforcing activities ------------------------------- */

/* goal_unsupported: O(activities' goals + goals). */
static void check_goal_unsupported(CheckCtx *x)
{
    Model *m = x->m;
    PtrSet supported;
    pset_init(&supported, x->c->arena, m->goals.n);
    for (int i = 0; i < m->activities.n; i++)
        for (int k = 0; k < m->activities.v[i]->supports.n; k++)
            pset_add(&supported, m->activities.v[i]->supports.v[k]);
    for (int i = 0; i < m->goals.n; i++) {
        Goal *g = m->goals.v[i];
        if (g->d.is_std || pset_has(&supported, g))
            continue;
        Diagnostic *d = check_report(x, "goal_unsupported", &g->d, NULL, g->d.id_span,
                                     "goal '%s' is supported by no activity", g->d.id);
        hint(x, d,
             arena_printf(x->c->arena, "add `supports %s` to an activity that works toward it",
                          g->d.id),
             "goal_unsupported");
    }
}

/* activity_unlinked: O(activities). */
static void check_activity_unlinked(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->activities.n; i++) {
        Activity *a = m->activities.v[i];
        if (a->d.is_std || a->supports.n > 0)
            continue;
        Diagnostic *g = check_report(x, "activity_unlinked", &a->d, NULL, a->d.id_span,
                                     "activity '%s' supports no goal", a->d.id);
        hint(x, g, "add `supports GOAL`", "activity_unlinked");
    }
}

/* ---- continuous communication ------------------------------------- */

/* communication_missing, learning_missing: O(communications). */
static void check_recurring(CheckCtx *x)
{
    Model *m = x->m;
    bool meeting = false, review = false;
    for (int i = 0; i < m->comms.n; i++) {
        const Comm *c = m->comms.v[i];
        if (c->every.n <= 0)
            continue;
        meeting |= c->kind == COMM_MEETING;
        review |= c->kind == COMM_REVIEW;
    }
    if (!meeting) {
        Diagnostic *g = check_report(x, "communication_missing", NULL, NULL, agreement_span(x),
                                     "agreement '%s' has no recurring meeting", agreement_id(x));
        if (m->has_communication)
            diag_related(&x->c->diag, g, m->communication_span,
                         "the communication block, without `meeting`");
        hint(x, g, "add `meeting ID \"...\" every month with all` to a `communication { }` block",
             "communication_missing");
    }
    if (!review) {
        Diagnostic *g = check_report(x, "learning_missing", NULL, NULL, agreement_span(x),
                                     "agreement '%s' has no recurring learning review",
                                     agreement_id(x));
        if (m->has_communication)
            diag_related(&x->c->diag, g, m->communication_span,
                         "the communication block, without `review`");
        hint(x, g, "add `review learning \"What failed, what worked\" every 6 months with all` "
                   "to the communication block", "learning_missing");
    }
}

/* partner_uncovered: O(communications' partners + partners).  Without any
 * communication at all, communication_missing reports the one cause
 * instead of one finding per partner. */
static void check_partner_uncovered(CheckCtx *x)
{
    Model *m = x->m;
    if (m->comms.n == 0)
        return;
    PtrSet in;
    pset_init(&in, x->c->arena, m->partners.n);
    for (int i = 0; i < m->comms.n; i++) {
        const Comm *c = m->comms.v[i];
        if (c->with_all || c->to_all)
            return;     /* everyone is included */
        for (int k = 0; k < c->with.n; k++)
            pset_add(&in, c->with.v[k]);
        for (int k = 0; k < c->by.n; k++)
            pset_add(&in, c->by.v[k]);
        for (int k = 0; k < c->to.n; k++)
            pset_add(&in, c->to.v[k]);
    }
    for (int i = 0; i < m->partners.n; i++) {
        Partner *p = m->partners.v[i];
        if (p->d.is_std || pset_has(&in, p))
            continue;
        Diagnostic *g = check_report(x, "partner_uncovered", &p->d, NULL, p->d.id_span,
                                     "partner '%s' is in no meeting, report or review", p->d.id);
        diag_related(&x->c->diag, g, m->communication_span, "the communication block");
        hint(x, g,
             arena_printf(x->c->arena, "add %s to a meeting's or review's `with`, or to a report's "
                                       "`by` or `to` (or write `with all`)", p->d.id),
             "partner_uncovered");
    }
}

/* feedback_missing: O(communications' partners + partners). */
static void check_feedback_missing(CheckCtx *x)
{
    Model *m = x->m;
    Partner *lead = m->agreement->lead;
    /* Lead and backbone partners receive feedback; every other partner is
     * a participant who should be able to give it. */
    NameList parts, centre;
    names_init(&parts, 5);
    names_init(&centre, 5);
    for (int i = 0; i < m->partners.n; i++) {
        Partner *p = m->partners.v[i];
        if (p->d.is_std)
            continue;
        names_add(p == lead || p->backbone.n > 0 ? &centre : &parts, p->d.id);
    }
    bool pointless = parts.n == 0 || centre.n == 0;
    const char *participants = names_done(x, &parts);
    const char *receivers = names_done(x, &centre);
    if (pointless)
        return;     /* no one to give feedback, or no one to receive it */
    for (int i = 0; i < m->comms.n; i++) {
        const Comm *c = m->comms.v[i];
        if (c->kind != COMM_REPORT)
            continue;
        bool from_participant = false, to_centre = c->to_all;
        for (int k = 0; k < c->by.n; k++)
            from_participant |= c->by.v[k] != lead && c->by.v[k]->backbone.n == 0;
        for (int k = 0; k < c->to.n; k++)
            to_centre |= c->to.v[k] == lead || c->to.v[k]->backbone.n > 0;
        if (from_participant && to_centre)
            return;
    }
    Diagnostic *g = check_report(x, "feedback_missing", NULL, NULL, agreement_span(x),
                                 "no report goes from a participant (%s) to the lead or a backbone "
                                 "partner (%s)", participants, receivers);
    if (m->has_communication)
        diag_related(&x->c->diag, g, m->communication_span, "the communication block");
    hint(x, g, "add `report ID \"...\" every quarter by PARTNER, ... to LEAD` so the partners "
               "who do the work tell the lead and the backbone what they see", "feedback_missing");
}

/* ---- backbone support --------------------------------------------- */

/* backbone_missing: O(partners).  Returns whether it reported. */
static bool check_backbone_missing(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->partners.n; i++)
        if (!m->partners.v[i]->d.is_std && m->partners.v[i]->backbone.n > 0)
            return false;
    Diagnostic *g = check_report(x, "backbone_missing", NULL, NULL, agreement_span(x),
                                 "no partner of agreement '%s' performs a backbone function",
                                 agreement_id(x));
    hint(x, g, "add `backbone FUNCTION, ...` and a `coordinator` to the partner that will "
               "coordinate the partnership", "backbone_missing");
    return true;
}

/* backbone_function_unassigned: O(levels x (partners' functions + the six
 * functions)).  The levels are this agreement and each agreement it is
 * nested in; functions are compared by id, since each model has its own
 * copy of the prelude. */
static void check_backbone_function_unassigned(CheckCtx *x, bool none_here)
{
    Model *m = x->m;
    const Agreement *a = m->agreement;
    if (none_here && !a->nested_in)
        return;     /* backbone_missing said it: all six are unassigned */
    /* The six functions are the prelude's; a function is performed when a
     * partner at some level names a function of that id. */
    int nfn = 0;
    const BackboneFn *fns[16];
    bool done[16] = {false};
    for (int i = 0; i < m->backbone_fns.n && nfn < 16; i++)
        if (m->backbone_fns.v[i]->d.is_std)
            fns[nfn++] = m->backbone_fns.v[i];
    NameList levels;
    names_init(&levels, 6);
    const Model *lv = m;
    for (int depth = 0; lv && depth < 32; depth++) {
        if (depth > 0)
            names_add(&levels, lv->agreement ? lv->agreement->d.id : "?");
        for (int i = 0; i < lv->partners.n; i++) {
            const Partner *p = lv->partners.v[i];
            for (int k = 0; k < p->backbone.n; k++)
                for (int f = 0; f < nfn; f++)
                    if (strcmp(fns[f]->d.id, p->backbone.v[k]->d.id) == 0)
                        done[f] = true;
        }
        lv = lv->agreement && lv->agreement->nested_in ? lv->agreement->nested_in->model : NULL;
    }
    NameList missing;
    names_init(&missing, 16);
    for (int f = 0; f < nfn; f++)
        if (!done[f])
            names_add(&missing, fns[f]->d.id);
    int nmissing = missing.n, nlevels = levels.n;
    const char *list = names_done(x, &missing);
    const char *parents = names_done(x, &levels);
    if (nmissing == 0)
        return;
    Diagnostic *g = check_report(
        x, "backbone_function_unassigned", NULL, NULL, agreement_span(x),
        "no partner of agreement '%s'%s performs the backbone function%s %s", a->d.id,
        nlevels ? arena_printf(x->c->arena, ", nor of the agreement%s it is nested in (%s),",
                               nlevels == 1 ? "" : "s", parents)
                : "",
        nmissing == 1 ? "" : "s", list);
    if (a->nested_in)
        diag_related(&x->c->diag, g, a->nested_in->d.id_span, "the agreement it is nested in");
    hint(x, g, arena_printf(x->c->arena, "add %s to the `backbone` of the partner best suited to "
                                         "%s", nmissing == 1 ? "it" : "them",
                            nmissing == 1 ? "it" : "each"),
         "backbone_function_unassigned");
}

/* ---- milestones ---------------------------------------------------- */

/* milestone_unowned, milestone_undated: O(milestones). */
static void check_milestones(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->milestones.n; i++) {
        Milestone *ms = m->milestones.v[i];
        if (ms->d.is_std)
            continue;
        if (!ms->owner) {
            Diagnostic *g = check_report(x, "milestone_unowned", &ms->d, NULL, ms->d.id_span,
                                         "milestone '%s' has no owner", ms->d.id);
            hint(x, g, "add `owner PARTNER` (the partner accountable for it)", "milestone_unowned");
        }
        if (ms->due == DATE_NONE) {
            Diagnostic *g = check_report(x, "milestone_undated", &ms->d, NULL, ms->d.id_span,
                                         "milestone '%s' has no due date", ms->d.id);
            hint(x, g, "add `due DATE`", "milestone_undated");
        }
    }
}

void checks_gaps(CheckCtx *x)
{
    if (!x->m || !x->m->agreement)
        return;     /* missing_agreement was reported */
    check_agenda_missing(x);
    check_problem_missing(x);
    check_need_unaddressed(x);
    check_agreement_terms(x);
    check_sector_diversity(x);
    check_partner_statements(x);
    check_partner_idle(x);
    check_indicator_count(x);
    check_goal_unmeasured(x);
    check_indicator_orphan(x);
    check_indicator_incomplete(x);
    check_partner_not_reporting(x);
    check_goal_unsupported(x);
    check_activity_unlinked(x);
    check_recurring(x);
    check_partner_uncovered(x);
    check_feedback_missing(x);
    bool none = check_backbone_missing(x);
    check_backbone_function_unassigned(x, none);
    check_milestones(x);
    check_governance_missing(x);
    check_data_sharing_missing(x);
}
