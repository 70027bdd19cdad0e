/* schedule.c - the conflicts of the schedule: dependency_cycle,
 * schedule_inversion, outside_membership, outside_term, phase_order,
 * reporting_too_infrequent.  n milestones with e `after` links in all. */
#include <stdlib.h>
#include <string.h>

#include "conflicts_int.h"

/* ---- dependency_cycle ------------------------------------------------ */

typedef struct Frame {
    int v, e;               /* a milestone and the next `after` link to follow */
} Frame;

/* The strongly connected components of the `after` graph (Tarjan's DFS,
 * iterative so a long chain cannot overflow the stack); comp[v] numbers
 * them.  O(n + e). */
static int after_components(Model *m, const HMap *ix, Arena *a, int *comp)
{
    int n = m->milestones.n;
    int *index = arena_alloc(a, (size_t)n * sizeof *index);    /* 0: not visited */
    int *low = arena_alloc(a, (size_t)n * sizeof *low);
    int *stack = arena_alloc(a, (size_t)n * sizeof *stack);
    bool *on = arena_alloc(a, (size_t)n * sizeof *on);
    Frame *calls = arena_alloc(a, (size_t)n * sizeof *calls);
    int counter = 0, sp = 0, ncomp = 0;
    for (int s = 0; s < n; s++) {
        if (index[s])
            continue;
        int depth = 0;
        calls[depth++] = (Frame){s, 0};
        index[s] = low[s] = ++counter;
        stack[sp++] = s;
        on[s] = true;
        while (depth > 0) {
            Frame *f = &calls[depth - 1];
            int v = f->v;
            const Milestone *mv = m->milestones.v[v];
            if (f->e < mv->after.n) {
                int w = hmap_ptr_index(ix, mv->after.v[f->e++]);
                if (w < 0)
                    continue;
                if (!index[w]) {
                    index[w] = low[w] = ++counter;
                    stack[sp++] = w;
                    on[w] = true;
                    calls[depth++] = (Frame){w, 0};
                } else if (on[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            if (low[v] == index[v]) {
                int w;
                do {
                    w = stack[--sp];
                    on[w] = false;
                    comp[w] = ncomp;
                } while (w != v);
                ncomp++;
            }
            depth--;
            if (depth > 0) {
                int u = calls[depth - 1].v;
                if (low[v] < low[u])
                    low[u] = low[v];
            }
        }
    }
    return ncomp;
}

/* One finding per cycle: per strongly connected component of the `after`
 * graph that has a cycle, spelled as the shortest cycle through its first
 * milestone in source order (found by a breadth-first search inside the
 * component).  O(n + e). */
void check_dependency_cycle(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->scratch;
    int n = m->milestones.n;
    if (n == 0)
        return;
    HMap ix;
    HMAP_POSITIONS(&ix, a, m->milestones);
    int *comp = arena_alloc(a, (size_t)n * sizeof *comp);
    int ncomp = after_components(m, &ix, a, comp);
    int *size = arena_alloc(a, (size_t)ncomp * sizeof *size);
    for (int v = 0; v < n; v++)
        size[comp[v]]++;
    /* The members of each component in source order (a counting sort). */
    int *start = arena_alloc(a, (size_t)(ncomp + 1) * sizeof *start);
    int *members = arena_alloc(a, (size_t)n * sizeof *members);
    for (int k = 0; k < ncomp; k++)
        start[k + 1] = start[k] + size[k];
    int *fill = arena_alloc(a, (size_t)ncomp * sizeof *fill);
    for (int v = 0; v < n; v++)
        members[start[comp[v]] + fill[comp[v]]++] = v;
    bool *done = arena_alloc(a, (size_t)ncomp * sizeof *done);
    int *parent = arena_alloc(a, (size_t)n * sizeof *parent);
    int *pedge = arena_alloc(a, (size_t)n * sizeof *pedge);
    int *seen = arena_alloc(a, (size_t)n * sizeof *seen);     /* stamp: component + 1 */
    int *queue = arena_alloc(a, (size_t)n * sizeof *queue);
    int *path = arena_alloc(a, (size_t)n * sizeof *path);
    int *pathe = arena_alloc(a, (size_t)n * sizeof *pathe);   /* the link path[i] -> path[i+1] */

    for (int first = 0; first < n; first++) {
        int c = comp[first];
        if (done[c])
            continue;
        done[c] = true;     /* `first` is the component's first milestone */
        const Milestone *f = m->milestones.v[first];
        /* Breadth-first search from `first` for a link back to it. */
        int qh = 0, qt = 0, end = -1, end_edge = -1;
        queue[qt++] = first;
        seen[first] = c + 1;
        while (qh < qt && end < 0) {
            int u = queue[qh++];
            const Milestone *mu = m->milestones.v[u];
            for (int k = 0; k < mu->after.n; k++) {
                int w = hmap_ptr_index(&ix, mu->after.v[k]);
                if (w == first) {
                    end = u;
                    end_edge = k;
                    break;
                }
                if (w < 0 || comp[w] != c || seen[w] == c + 1)
                    continue;
                seen[w] = c + 1;
                parent[w] = u;
                pedge[w] = k;
                queue[qt++] = w;
            }
        }
        if (end < 0)
            continue;       /* a component of one milestone without a self-link */
        int len = 0;
        for (int v = end; v != first; v = parent[v])
            len++;
        /* path[0] = first, ..., path[len] = end; then back to first. */
        path[0] = first;
        for (int v = end, i = len; v != first; v = parent[v], i--) {
            path[i] = v;
            pathe[i - 1] = pedge[v];
        }
        pathe[len] = end_edge;
        Buf b;
        buf_init(&b);
        for (int i = 0; i <= len; i++)
            buf_printf(&b, "%s -> ", m->milestones.v[path[i]]->d.id);
        buf_puts(&b, f->d.id);
        if (size[c] > len + 1) {
            /* Other milestones of the same knot: named so none is missed. */
            buf_puts(&b, "; also caught in it:");
            for (int i = 0; i <= len; i++)
                seen[path[i]] = -(c + 1);       /* on the path */
            int listed = 0;
            for (int k = start[c]; k < start[c + 1]; k++)
                if (seen[members[k]] != -(c + 1))
                    buf_printf(&b, "%s '%s'", listed++ ? "," : "",
                               m->milestones.v[members[k]]->d.id);
        }
        Diagnostic *g = check_report(x, CHECK_DEPENDENCY_CYCLE, &f->d, NULL,
                                     f->after_spans.v[pathe[0]],
                                     "milestones come after each other in a cycle: %s",
                                     buf_cstr(&b));
        buf_free(&b);
        for (int i = 1; i <= len; i++) {
            const Milestone *mi = m->milestones.v[path[i]];
            const Milestone *next = m->milestones.v[i < len ? path[i + 1] : first];
            diag_related(&x->c->diag, g, mi->after_spans.v[pathe[i]],
                         "'%s' comes after '%s' here", mi->d.id, next->d.id);
        }
        diag_hint(&x->c->diag, g,
                  "remove one `after` of the cycle so that one milestone can come first, or "
                  "`allow dependency_cycle \"reason\"` in milestone '%s'", f->d.id);
    }
}

/* ---- schedule_inversion ---------------------------------------------- */

/* A partner whose stated `leaves` is before its stated `joins`: reported
 * by schedule_inversion, and then no check compares its membership. */
static bool left_before_joining(const Partner *p)
{
    return p->joins != DATE_NONE && p->leaves != DATE_NONE && p->leaves < p->joins;
}

/* One finding per milestone due before milestones it comes after (direct
 * `after` links), per activity whose period ends before it starts, and for
 * an agreement whose term ends before it starts (outside_term then stays
 * silent: no date can be inside such a term).  O(n + e + activities). */
void check_schedule_inversion(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    const Agreement *ag = m->agreement;
    if (ag && CF_USER(ag) && ag->term_start != DATE_NONE && ag->term_end != DATE_NONE &&
        ag->term_end < ag->term_start) {
        Diagnostic *g = check_report(x, CHECK_SCHEDULE_INVERSION, NULL, NULL, ag->term_span,
                                     "the agreement's term ends %s, before it starts on %s",
                                     cf_date(a, ag->term_end), cf_date(a, ag->term_start));
        diag_hint(&x->c->diag, g, "write the term as `term START to END`, the start first");
    }
    for (int i = 0; i < m->milestones.n; i++) {
        const Milestone *ms = m->milestones.v[i];
        if (ms->due == DATE_NONE || !CF_USER(ms))
            continue;
        Buf b;
        buf_init(&b);
        int bad = 0, first = -1;
        for (int k = 0; k < ms->after.n; k++) {
            const Milestone *p = ms->after.v[k];
            if (p->due == DATE_NONE || p->due <= ms->due)
                continue;
            if (bad++ == 0)
                first = k;
            buf_printf(&b, "%s'%s' (due %s)", bad == 1 ? "" : " and ", p->d.id,
                       cf_date(a, p->due));
        }
        if (bad) {
            const Milestone *p = ms->after.v[first];
            Diagnostic *g = check_report(x, CHECK_SCHEDULE_INVERSION, &ms->d, NULL, ms->due_span,
                                         "milestone '%s' is due %s, before %s which it comes after",
                                         ms->d.id, cf_date(a, ms->due), buf_cstr(&b));
            for (int k = 0; k < ms->after.n; k++) {
                const Milestone *q = ms->after.v[k];
                if (q->due != DATE_NONE && q->due > ms->due)
                    diag_related(&x->c->diag, g, q->due_span, "'%s' is due %s", q->d.id,
                                 cf_date(a, q->due));
            }
            diag_hint(&x->c->diag, g,
                      "move the due date of '%s' to %s or later, or drop `after %s`; or "
                      "`allow schedule_inversion \"reason\"`",
                      ms->d.id, cf_date(a, p->due), p->d.id);
        }
        buf_free(&b);
    }
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        if (!CF_USER(p) || !left_before_joining(p))
            continue;
        Diagnostic *g = check_report(x, CHECK_SCHEDULE_INVERSION, &p->d, NULL, p->leaves_span,
                                     "partner '%s' leaves on %s, before it joins on %s", p->d.id,
                                     cf_date(a, p->leaves), cf_date(a, p->joins));
        diag_related(&x->c->diag, g, p->joins_span, "'%s' joins here", p->d.id);
        diag_hint(&x->c->diag, g, "correct `joins` or `leaves`");
    }
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *ac = m->activities.v[i];
        if (ac->start == DATE_NONE || ac->end == DATE_NONE || ac->end >= ac->start ||
            !CF_USER(ac))
            continue;
        Diagnostic *g = check_report(x, CHECK_SCHEDULE_INVERSION, &ac->d, NULL, ac->period_span,
                                     "activity '%s' ends %s, before it starts on %s", ac->d.id,
                                     cf_date(a, ac->end), cf_date(a, ac->start));
        diag_hint(&x->c->diag, g, "write the period as `period START to END`, the start first");
    }
}

/* ---- outside_membership ---------------------------------------------- */

/* Only a stated `joins` or `leaves` is compared: a membership that is the
 * term is outside_term's business.  Reports one finding per activity led
 * and per milestone owned outside the lead's or owner's membership.
 * O(activities + milestones). */
static const char *outside_stated(Arena *a, const Partner *p, int32_t lo, int32_t hi)
{
    if (!p || left_before_joining(p) || lo == DATE_NONE)
        return NULL;
    if (p->joins != DATE_NONE && lo < p->joins)
        return arena_printf(a, "joins on %s", cf_date(a, p->joins));
    if (p->leaves != DATE_NONE && hi > p->leaves)
        return arena_printf(a, "leaves on %s", cf_date(a, p->leaves));
    return NULL;
}

static void membership_note(CheckCtx *x, Diagnostic *g, const Partner *p)
{
    Span sp = p->joins != DATE_NONE ? p->joins_span : p->leaves_span;
    diag_related(&x->c->diag, g, sp, "'%s' is a member from %s to %s", p->d.id,
                 cf_date(x->c->arena, partner_joins(x->m, p)),
                 cf_date(x->c->arena, partner_leaves(x->m, p)));
}

void check_outside_membership(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    const char *hint = "move the date inside the partner's membership, or hand the work to "
                       "another partner; or `allow outside_membership \"reason\"`";
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *ac = m->activities.v[i];
        const char *why = CF_USER(ac) && ac->end != DATE_NONE
                              ? outside_stated(a, ac->lead, ac->start, ac->end)
                              : NULL;
        if (!why)
            continue;
        Diagnostic *g = check_report(x, CHECK_OUTSIDE_MEMBERSHIP, &ac->d, NULL, ac->period_span,
                                     "activity '%s' runs from %s to %s, but '%s', who leads "
                                     "it, %s", ac->d.id, cf_date(a, ac->start),
                                     cf_date(a, ac->end), ac->lead->d.id, why);
        membership_note(x, g, ac->lead);
        diag_hint(&x->c->diag, g, "%s", hint);
    }
    for (int i = 0; i < m->milestones.n; i++) {
        const Milestone *ms = m->milestones.v[i];
        const char *why = CF_USER(ms) ? outside_stated(a, ms->owner, ms->due, ms->due) : NULL;
        if (!why)
            continue;
        Diagnostic *g = check_report(x, CHECK_OUTSIDE_MEMBERSHIP, &ms->d, NULL, ms->due_span,
                                     "milestone '%s' is due %s, but '%s', who owns it, %s",
                                     ms->d.id, cf_date(a, ms->due), ms->owner->d.id, why);
        membership_note(x, g, ms->owner);
        diag_hint(&x->c->diag, g, "%s", hint);
    }
}

/* ---- outside_term ---------------------------------------------------- */

static bool outside(const Agreement *ag, int32_t d)
{
    return d != DATE_NONE && (d < ag->term_start || d > ag->term_end);
}

static const char *where_in_term(Arena *a, const Agreement *ag, int32_t d)
{
    return d < ag->term_start ? arena_printf(a, "before the term starts (%s)",
                                             cf_date(a, ag->term_start))
                              : arena_printf(a, "after the term ends (%s)",
                                             cf_date(a, ag->term_end));
}

static void term_note(CheckCtx *x, Diagnostic *g, const Agreement *ag)
{
    Arena *a = x->c->arena;
    diag_related(&x->c->diag, g, ag->term_span, "the agreement's term is %s to %s",
                 cf_date(a, ag->term_start), cf_date(a, ag->term_end));
}

/* One finding per milestone, goal, indicator (all its targets outside the
 * term in one message) and activity.  O(n + goals + indicators' targets +
 * activities). */
void check_outside_term(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    const Agreement *ag = m->agreement;
    if (!ag || ag->term_start == DATE_NONE || ag->term_end == DATE_NONE ||
        ag->term_end < ag->term_start)
        return;
    const char *hint = "move the date inside the term, or change the agreement's `term`; or "
                       "`allow outside_term \"reason\"`";
    for (int i = 0; i < m->milestones.n; i++) {
        const Milestone *ms = m->milestones.v[i];
        if (!CF_USER(ms) || !outside(ag, ms->due))
            continue;
        Diagnostic *g = check_report(x, CHECK_OUTSIDE_TERM, &ms->d, NULL, ms->due_span,
                                     "milestone '%s' is due %s, %s", ms->d.id,
                                     cf_date(a, ms->due), where_in_term(a, ag, ms->due));
        term_note(x, g, ag);
        diag_hint(&x->c->diag, g, "%s", hint);
    }
    for (int i = 0; i < m->goals.n; i++) {
        const Goal *go = m->goals.v[i];
        if (!CF_USER(go) || !outside(ag, go->by))
            continue;
        Diagnostic *g = check_report(x, CHECK_OUTSIDE_TERM, &go->d, NULL, go->by_span,
                                     "goal '%s' is to be reached by %s, %s", go->d.id,
                                     cf_date(a, go->by), where_in_term(a, ag, go->by));
        term_note(x, g, ag);
        diag_hint(&x->c->diag, g, "%s", hint);
    }
    for (int i = 0; i < m->indicators.n; i++) {
        const Indicator *ind = m->indicators.v[i];
        if (!CF_USER(ind))
            continue;
        Buf b;
        buf_init(&b);
        int bad = 0, first = -1;
        for (int k = 0; k < ind->targets.n; k++) {
            const Target *t = &ind->targets.v[k];
            if (!outside(ag, t->date))
                continue;
            if (bad++ == 0)
                first = k;
            buf_printf(&b, "%s%s by %s", bad > 1 ? ", " : "", cf_val(a, t->value, ind),
                       cf_date(a, t->date));
        }
        if (bad) {
            const Target *t = &ind->targets.v[first];
            Diagnostic *g = check_report(x, CHECK_OUTSIDE_TERM, &ind->d, NULL, t->span,
                                         "indicator '%s' has %s outside the agreement's term: %s",
                                         ind->d.id, bad == 1 ? "a target" : "targets",
                                         buf_cstr(&b));
            term_note(x, g, ag);
            diag_hint(&x->c->diag, g, "%s", hint);
        }
        buf_free(&b);
    }
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *ac = m->activities.v[i];
        if (!CF_USER(ac) || ac->start == DATE_NONE || ac->end == DATE_NONE)
            continue;
        if (!outside(ag, ac->start) && !outside(ag, ac->end))
            continue;
        const char *why = outside(ag, ac->start) && outside(ag, ac->end) &&
                                  (ac->start < ag->term_start) != (ac->end < ag->term_start)
                              ? "beyond both ends of the term"
                          : outside(ag, ac->start) ? where_in_term(a, ag, ac->start)
                                                   : where_in_term(a, ag, ac->end);
        Diagnostic *g = check_report(x, CHECK_OUTSIDE_TERM, &ac->d, NULL, ac->period_span,
                                     "activity '%s' runs %s to %s, %s", ac->d.id,
                                     cf_date(a, ac->start), cf_date(a, ac->end), why);
        term_note(x, g, ag);
        diag_hint(&x->c->diag, g, "%s", hint);
    }
}

/* ---- phase_order ------------------------------------------------------ */

typedef struct PhaseRec {
    int order;              /* the phase's process order */
    int32_t due;
    int idx;                /* the milestone's position */
} PhaseRec;

static int cmp_phase(const void *a, const void *b)
{
    const PhaseRec *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    if (x->due != y->due)
        return x->due < y->due ? -1 : 1;
    return x->idx - y->idx;
}

typedef struct PhasePair {
    int subject;            /* the first of the two in source order */
    int early, late;        /* the milestone of the earlier and of the later phase */
} PhasePair;

static int cmp_pair(const void *a, const void *b)
{
    const PhasePair *x = a, *y = b;
    if (x->subject != y->subject)
        return x->subject - y->subject;
    if (x->late != y->late)
        return x->late - y->late;
    return x->early - y->early;
}

/* Milestones sorted by phase; each milestone of a later phase is compared
 * with the latest-due milestone of all earlier phases (a running maximum),
 * so a milestone out of order is found with the one it is most out of
 * order with.  One finding per subject: the first of each pair in source
 * order.  O(n log n). */
void check_phase_order(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    int n = 0;
    PhaseRec *r = arena_alloc(x->scratch, (size_t)(m->milestones.n + 1) * sizeof *r);
    for (int i = 0; i < m->milestones.n; i++) {
        const Milestone *ms = m->milestones.v[i];
        if (ms->phase && ms->due != DATE_NONE && CF_USER(ms))
            r[n++] = (PhaseRec){ms->phase->order, ms->due, i};
    }
    qsort(r, (size_t)n, sizeof *r, cmp_phase);
    PhasePair *pairs = arena_alloc(x->scratch, (size_t)(n + 1) * sizeof *pairs);
    int np = 0;
    int best = -1;          /* in r: the latest due of the phases before the current one */
    for (int i = 0; i < n;) {
        int j = i;
        while (j < n && r[j].order == r[i].order)
            j++;
        for (int k = i; k < j; k++)
            if (best >= 0 && r[best].due > r[k].due) {
                int e = r[best].idx, l = r[k].idx;
                pairs[np++] = (PhasePair){e < l ? e : l, e, l};
            }
        /* The group is sorted by due date: its last is its latest. */
        if (best < 0 || r[j - 1].due > r[best].due)
            best = j - 1;
        i = j;
    }
    qsort(pairs, (size_t)np, sizeof *pairs, cmp_pair);
    for (int i = 0; i < np;) {
        int j = i;
        const Milestone *s = m->milestones.v[pairs[i].subject];
        Buf b;
        buf_init(&b);
        while (j < np && pairs[j].subject == pairs[i].subject) {
            const Milestone *e = m->milestones.v[pairs[j].early];
            const Milestone *l = m->milestones.v[pairs[j].late];
            buf_printf(&b, "%sthe %s milestone '%s' is due %s, after the %s milestone '%s' (due %s)",
                       j > i ? "; " : "", e->phase->d.id, e->d.id, cf_date(a, e->due),
                       l->phase->d.id, l->d.id, cf_date(a, l->due));
            j++;
        }
        Diagnostic *g = check_report(x, CHECK_PHASE_ORDER, &s->d, NULL, s->due_span,
                                     "milestones out of the order of the process phases: %s",
                                     buf_cstr(&b));
        buf_free(&b);
        for (int k = i; k < j; k++) {
            const Milestone *o = m->milestones.v[pairs[k].early == pairs[k].subject
                                                     ? pairs[k].late : pairs[k].early];
            diag_related(&x->c->diag, g, o->due_span, "'%s' (phase %s) is due %s", o->d.id,
                         o->phase->d.id, cf_date(a, o->due));
        }
        diag_hint(&x->c->diag, g,
                  "a milestone of an earlier phase (scoping, recruitment, pause, signing, "
                  "execution, scaling) should be due no later than one of a later phase: move a "
                  "date or correct a `phase`; or `allow phase_order \"reason\"`");
        i = j;
    }
}

/* ---- reporting_too_infrequent ------------------------------------------ */

typedef struct ReqRec {
    int ind;                /* the indicator's position */
    int32_t due;
    int ms;                 /* the milestone's position */
} ReqRec;

static int cmp_req(const void *a, const void *b)
{
    const ReqRec *x = a, *y = b;
    if (x->ind != y->ind)
        return x->ind - y->ind;
    if (x->due != y->due)
        return x->due < y->due ? -1 : 1;
    return x->ms - y->ms;
}

/* The span in a requirement where it reads `ind`, else the whole of it. */
static Span reads_at(const Expr *e, const Indicator *ind, bool *found)
{
    if (!e)
        return SPAN_NONE;
    if (e->kind == EX_NAME && e->indicator == ind) {
        *found = true;
        return e->span;
    }
    Span s = reads_at(e->l, ind, found);
    if (*found)
        return s;
    s = reads_at(e->r, ind, found);
    if (*found)
        return s;
    for (int i = 0; i < e->args.n && !*found; i++)
        s = reads_at(e->args.v[i], ind, found);
    return s;
}

static Span requirement_span(const Milestone *ms, const Indicator *ind)
{
    bool found = false;
    Span s = reads_at(ms->requires, ind, &found);
    return found ? s : ms->requires->span;
}

/* Per indicator, the due dates of the milestones that require it, sorted;
 * two consecutive distinct dates closer than one reporting interval (by
 * calendar: a quarter after 2025-03-31 is 2025-06-30) are a finding, the
 * closest such pair named.  One finding per indicator.  O(r log r) for r
 * (milestone, indicator) requirements. */
void check_reporting_too_infrequent(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    HMap ix;
    HMAP_POSITIONS(&ix, x->scratch, m->indicators);
    VEC(ReqRec) recs = {0};
    for (int i = 0; i < m->milestones.n; i++) {
        const Milestone *ms = m->milestones.v[i];
        if (!ms->requires || ms->due == DATE_NONE || !CF_USER(ms))
            continue;
        CfIndList inds = {0};
        cf_expr_indicators(a, ms->requires, &inds);
        for (int k = 0; k < inds.n; k++) {
            int ii = hmap_ptr_index(&ix, inds.v[k]);
            if (ii >= 0)
                VEC_PUSH(x->scratch, recs, ((ReqRec){ii, ms->due, i}));
        }
    }
    if (recs.n > 1)
        qsort(recs.v, (size_t)recs.n, sizeof *recs.v, cmp_req);
    for (int i = 0; i < recs.n;) {
        int j = i;
        while (j < recs.n && recs.v[j].ind == recs.v[i].ind)
            j++;
        const Indicator *ind = m->indicators.v[recs.v[i].ind];
        Duration f = cf_frequency(ind);
        int bp = -1, bq = -1;
        int32_t best_gap = 0;
        /* run: the first record of the current date; prev: of the date before. */
        int run = i, prev = -1;
        for (int k = i + 1; f.n > 0 && k < j; k++) {
            if (recs.v[k].due == recs.v[run].due)
                continue;   /* one report serves both */
            prev = run;
            run = k;
            int32_t gap = recs.v[k].due - recs.v[prev].due;
            if (date_add(recs.v[prev].due, f) > recs.v[k].due && (bp < 0 || gap < best_gap)) {
                bp = prev;
                bq = k;
                best_gap = gap;
            }
        }
        if (bp >= 0 && CF_USER(ind)) {
            const Milestone *p = m->milestones.v[recs.v[bp].ms];
            const Milestone *q = m->milestones.v[recs.v[bq].ms];
            Span at = ind->frequency.n > 0 ? ind->frequency_span : ind->d.id_span;
            Diagnostic *g = check_report(
                x, CHECK_REPORTING_TOO_INFREQUENT, &ind->d, NULL, at,
                "indicator '%s' is reported %s, but milestones '%s' (due %s) and '%s' (due %s) "
                "that require it are only %d days apart",
                ind->d.id, cf_freq(a, f), p->d.id, cf_date(a, p->due), q->d.id,
                cf_date(a, q->due), (int)best_gap);
            diag_related(&x->c->diag, g, requirement_span(p, ind), "'%s' requires '%s' here",
                         p->d.id, ind->d.id);
            diag_related(&x->c->diag, g, requirement_span(q, ind), "'%s' requires '%s' here",
                         q->d.id, ind->d.id);
            diag_hint(&x->c->diag, g,
                      "report '%s' more often, or space the milestones at least one reporting "
                      "interval apart; or `allow reporting_too_infrequent \"reason\"`",
                      ind->d.id);
        }
        i = j;
    }
}
