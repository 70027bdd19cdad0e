/* partners.c - the conflicts between partners: duplicate_partner,
 * listed_twice, report_to_self, unacknowledged_tension,
 * tension_unresolved, backbone_overlap, backbone_not_separate,
 * hierarchy_concentration.  p partners, a activities, n milestones, w
 * wants, t tensions. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "conflicts_int.h"

/* ---- duplicate_partner, report_to_self ------------------------------------ */

/* A legal name as compared: its letters and digits, lower case ("City of
 * Riverbend," and "city of  Riverbend" are one name); NULL when it has
 * none. */
static const char *legal_key(Arena *a, const char *title)
{
    size_t n = strlen(title), k = 0;
    char *s = arena_alloc(a, n + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)title[i];
        if (ch >= 0x80 || isalnum(ch))
            s[k++] = (char)(ch < 0x80 ? tolower(ch) : ch);
    }
    s[k] = 0;
    return k ? s : NULL;
}

/* One finding per partner whose legal name an earlier partner has, at the
 * later one.  O(p) expected. */
void check_duplicate_partner(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->scratch;
    HMap seen;
    hmap_init_str(&seen, a, m->partners.n, true);
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        const char *key = p->d.title ? legal_key(a, p->d.title) : NULL;
        if (!key)
            continue;
        size_t n = strlen(key);
        int first = hmap_str_get(&seen, key, n);
        if (first < 0) {
            hmap_str_put(&seen, key, n, i);
            continue;
        }
        const Partner *q = m->partners.v[first];
        if (!CF_USER(p))
            continue;
        Diagnostic *g = check_report(x, CHECK_DUPLICATE_PARTNER, &p->d, NULL, p->d.id_span,
                                     "partners '%s' and '%s' have the same legal name \"%s\"",
                                     q->d.id, p->d.id, p->d.title);
        diag_related(&x->c->diag, g, q->d.id_span, "'%s' is declared here", q->d.id);
        diag_hint(&x->c->diag, g, "keep one declaration and refer to it everywhere");
    }
}

static bool lists(const PartnerList *l, const Partner *p)
{
    for (int i = 0; i < l->n; i++)
        if (l->v[i] == p)
            return true;
    return false;
}

/* One finding per repeat the resolver recorded, and per activity whose
 * lead is among its partners.  O(repeats + activities' partners). */
void check_listed_twice(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->repeats.n; i++) {
        const Repeat *rp = &m->repeats.v[i];
        if (rp->subject && rp->subject->is_std)
            continue;
        Diagnostic *g = check_report(x, CHECK_LISTED_TWICE, rp->subject, NULL, rp->span,
                                     "'%s' is listed twice in %s%s%s", rp->named->id, rp->role,
                                     rp->subject ? " of " : "",
                                     rp->subject ? model_decl_subject(x->c->arena, rp->subject)
                                                 : "");
        diag_hint(&x->c->diag, g, "remove the repeat, or write the name that was meant");
    }
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *ac = m->activities.v[i];
        if (!CF_USER(ac) || !ac->lead || !lists(&ac->partners, ac->lead))
            continue;
        Diagnostic *g = check_report(x, CHECK_LISTED_TWICE, &ac->d, NULL, ac->d.id_span,
                                     "'%s' leads activity '%s' and is listed again among its "
                                     "partners", ac->lead->d.id, ac->d.id);
        diag_hint(&x->c->diag, g, "remove '%s' from `partners`: the lead takes part already",
                  ac->lead->d.id);
    }
}

/* One finding per report sent to one partner only, which also sends it.
 * O(reports' senders). */
void check_report_to_self(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->comms.n; i++) {
        const Comm *cm = m->comms.v[i];
        if (cm->kind != COMM_REPORT || cm->to_all || cm->to.n != 1 || !lists(&cm->by, cm->to.v[0]))
            continue;
        const Partner *p = cm->to.v[0];
        Diagnostic *g = check_report(x, CHECK_REPORT_TO_SELF, NULL, NULL, cm->span,
                                     "report '%s' goes from '%s' to '%s' only: it informs no "
                                     "other partner", cm->id, p->d.id, p->d.id);
        diag_hint(&x->c->diag, g, "name the partners that need the report after `to`, or "
                                  "write `to all`; or `allow report_to_self \"reason\"`");
    }
}

/* ---- tensions ----------------------------------------------------------------- */

/* 32 bytes, where a copy of the want's span made 40: one per want (10,000
 * on the dense benchmark agreement). */
typedef struct WantRec {
    const char *interest;   /* want->interest, here for cmp_want */
    const Want *want;
    const Incentive *inc;
    int partner;
    int dir;
} WantRec;

static int cmp_want(const void *a, const void *b)
{
    const WantRec *x = a, *y = b;
    int c = strcmp(x->interest, y->interest);
    if (c)
        return c;
    if (x->dir != y->dir)
        return y->dir - x->dir;     /* more first */
    return x->partner - y->partner;
}

static int cmp_tension(const void *a, const void *b)
{
    const Tension *x = *(Tension *const *)a, *y = *(Tension *const *)b;
    return strcmp(x->interest, y->interest);
}

static bool names(const Tension *t, const Partner *p)
{
    for (int i = 0; i < t->partners.n; i++)
        if (t->partners.v[i] == p)
            return true;
    return false;
}

typedef struct Uncovered {
    const WantRec *more, *less;
} Uncovered;

/* Wants grouped by interest (sorted), tensions sorted by interest and
 * walked alongside; inside an interest, each partner wanting more is
 * paired with each wanting less, and a pair is covered by a tension of
 * that interest naming both.  One finding per interest, its subject the
 * first partner in source order among the uncovered pairs.
 * O(w log w + t log t + sum over interests of |more| * |less| * tensions). */
void check_unacknowledged_tension(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->scratch;
    /* Counted first: grown by doubling, the array was 1.3 MB of fresh
     * memory on the dense benchmark agreement, for 0.4 MB of wants. */
    size_t nw = 0;
    for (int i = 0; i < m->partners.n; i++)
        for (int k = 0; k < m->partners.v[i]->incentives.n; k++)
            nw += (size_t)m->partners.v[i]->incentives.v[k]->wants.n;
    struct { WantRec *v; int n; } w = {arena_alloc(a, (nw + 1) * sizeof(WantRec)), 0};
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *pa = m->partners.v[i];
        if (!CF_USER(pa))
            continue;
        for (int k = 0; k < pa->incentives.n; k++) {
            const Incentive *in = pa->incentives.v[k];
            for (int j = 0; j < in->wants.n; j++) {
                const Want *wa = &in->wants.v[j];
                w.v[w.n++] = (WantRec){wa->interest, wa, in, i, wa->dir};
            }
        }
    }
    if (w.n > 1)
        qsort(w.v, (size_t)w.n, sizeof *w.v, cmp_want);
    Tension **ts = arena_alloc(a, (size_t)(m->tensions.n + 1) * sizeof *ts);
    for (int i = 0; i < m->tensions.n; i++)
        ts[i] = m->tensions.v[i];
    if (m->tensions.n > 1)
        qsort(ts, (size_t)m->tensions.n, sizeof *ts, cmp_tension);
    int tp = 0, stamp = 0;
    int *mark = arena_alloc(a, (size_t)(m->partners.n + 1) * sizeof *mark);
    for (int i = 0; i < w.n;) {
        int j = i, mid = i;
        while (j < w.n && strcmp(w.v[j].interest, w.v[i].interest) == 0)
            j++;
        while (mid < j && w.v[mid].dir > 0)
            mid++;
        const char *interest = w.v[i].interest;
        while (tp < m->tensions.n && strcmp(ts[tp]->interest, interest) < 0)
            tp++;
        int te = tp;
        while (te < m->tensions.n && strcmp(ts[te]->interest, interest) == 0)
            te++;
        VEC(Uncovered) un = {0};
        int subject = -1;
        const WantRec *subj_rec = NULL;
        for (int p = i; p < mid; p++) {
            if (p > i && w.v[p - 1].partner == w.v[p].partner)
                continue;   /* a partner wanting more in two incentives */
            for (int q = mid; q < j; q++) {
                if (q > mid && w.v[q - 1].partner == w.v[q].partner)
                    continue;
                if (w.v[p].partner == w.v[q].partner)
                    continue;
                const Partner *pp = m->partners.v[w.v[p].partner];
                const Partner *pq = m->partners.v[w.v[q].partner];
                bool covered = false;
                for (int t = tp; t < te && !covered; t++)
                    covered = names(ts[t], pp) && names(ts[t], pq);
                if (covered)
                    continue;
                VEC_PUSH(a, un, ((Uncovered){&w.v[p], &w.v[q]}));
                int first = w.v[p].partner < w.v[q].partner ? p : q;
                if (subject < 0 || w.v[first].partner < subject) {
                    subject = w.v[first].partner;
                    subj_rec = &w.v[first];
                }
            }
        }
        if (un.n) {
            stamp++;
            const Partner *s = m->partners.v[subject];
            Buf b;
            buf_init(&b);
            for (int k = 0; k < un.n; k++) {
                const WantRec *mo = un.v[k].more, *le = un.v[k].less;
                buf_printf(&b, "%s'%s' wants more (incentive '%s') and '%s' wants less "
                               "(incentive '%s')",
                           k ? "; " : "", m->partners.v[mo->partner]->d.id, mo->inc->id,
                           m->partners.v[le->partner]->d.id, le->inc->id);
            }
            Diagnostic *g = check_report(x, CHECK_UNACKNOWLEDGED_TENSION, &s->d, NULL,
                                         subj_rec->want->span,
                                         "partners want opposite things of '%s' and no `tension` "
                                         "names both: %s",
                                         interest, buf_cstr(&b));
            buf_free(&b);
            /* Each other partner involved, once; then the partners the
             * tension must name, in source order. */
            for (int k = 0; k < un.n; k++) {
                const WantRec *side[2] = {un.v[k].more, un.v[k].less};
                for (int e = 0; e < 2; e++) {
                    int pi = side[e]->partner;
                    if (mark[pi] == stamp)
                        continue;
                    mark[pi] = stamp;
                    if (pi != subject)
                        diag_related(&x->c->diag, g, side[e]->want->span, "'%s' wants %s %s here",
                                     m->partners.v[pi]->d.id, side[e]->dir > 0 ? "more" : "less",
                                     interest);
                }
            }
            buf_init(&b);
            int named = 0;
            for (int pi = 0; pi < m->partners.n; pi++)
                if (mark[pi] == stamp)
                    buf_printf(&b, "%s%s", named++ ? ", " : "", m->partners.v[pi]->d.id);
            diag_hint(&x->c->diag, g,
                      "acknowledge it openly: `tension %s between %s { resolution \"...\" }`; or "
                      "`allow unacknowledged_tension \"reason\"` in partner '%s'",
                      interest, buf_cstr(&b), s->d.id);
            buf_free(&b);
        }
        i = j;
    }
}

/* One finding per tension without a resolution; its subject the first of
 * its partners in source order.  O(t + p). */
void check_tension_unresolved(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->scratch;
    HMap ix;
    HMAP_POSITIONS(&ix, a, m->partners);
    for (int i = 0; i < m->tensions.n; i++) {
        Tension *t = m->tensions.v[i];
        if ((t->resolution && t->resolution[0]) || t->partners.n == 0)
            continue;
        if (t->file < (uint32_t)x->c->sm.files.n && x->c->sm.files.v[t->file]->is_std)
            continue;
        const Partner *s = NULL;
        int best = -1;
        Buf b;
        buf_init(&b);
        for (int k = 0; k < t->partners.n; k++) {
            int pi = hmap_ptr_index(&ix, t->partners.v[k]);
            if (pi >= 0 && (best < 0 || pi < best)) {
                best = pi;
                s = t->partners.v[k];
            }
            buf_printf(&b, "%s'%s'", k == 0 ? "" : k == t->partners.n - 1 ? " and " : ", ",
                       t->partners.v[k]->d.id);
        }
        if (!s)
            s = t->partners.v[0];
        Diagnostic *g = check_report(x, CHECK_TENSION_UNRESOLVED, &s->d, &t->allows,
                                     t->interest_span,
                                     "the tension over '%s' between %s states no resolution",
                                     t->interest, buf_cstr(&b));
        buf_free(&b);
        diag_related(&x->c->diag, g, s->d.id_span,
                     "'%s', the first of the tension's partners in source order", s->d.id);
        diag_hint(&x->c->diag, g,
                  "write how the partners will live with it: `resolution \"...\"` in the "
                  "tension's block; or `allow tension_unresolved \"reason\"` in it");
    }
}

/* ---- backbone ----------------------------------------------------------------- */

typedef struct BbRec {
    const BackboneFn *fn;
    const Level *level;
    int partner;
} BbRec;

static int cmp_bb(const void *a, const void *b)
{
    const BbRec *x = a, *y = b;
    int c = strcmp(x->fn->d.id, y->fn->d.id);
    if (c)
        return c;
    c = strcmp(x->level->d.id, y->level->d.id);
    if (c)
        return c;
    return x->partner - y->partner;
}

typedef struct Overlap {
    int subject;            /* the first partner of the group */
    int from, to;           /* the group in the sorted records */
} Overlap;

static int cmp_overlap(const void *a, const void *b)
{
    const Overlap *x = a, *y = b;
    if (x->subject != y->subject)
        return x->subject - y->subject;
    return x->from - y->from;
}

/* (function, level, partner) sorted: a group of one function and one
 * level with several partners is an overlap, its subject the first
 * partner in source order; one finding per subject naming all its
 * functions.  O(f log f) for f (partner, function) pairs. */
void check_backbone_overlap(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->scratch;
    VEC(BbRec) r = {0};
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *pa = m->partners.v[i];
        if (!CF_USER(pa) || !pa->level)
            continue;
        for (int k = 0; k < pa->backbone.n; k++)
            VEC_PUSH(a, r, ((BbRec){pa->backbone.v[k], pa->level, i}));
    }
    if (r.n > 1)
        qsort(r.v, (size_t)r.n, sizeof *r.v, cmp_bb);
    VEC(Overlap) ov = {0};
    for (int i = 0; i < r.n;) {
        int j = i;
        while (j < r.n && strcmp(r.v[j].fn->d.id, r.v[i].fn->d.id) == 0 &&
               strcmp(r.v[j].level->d.id, r.v[i].level->d.id) == 0)
            j++;
        if (j - i > 1)
            VEC_PUSH(a, ov, ((Overlap){r.v[i].partner, i, j}));
        i = j;
    }
    if (ov.n > 1)
        qsort(ov.v, (size_t)ov.n, sizeof *ov.v, cmp_overlap);
    for (int i = 0; i < ov.n;) {
        int j = i;
        const Partner *s = m->partners.v[ov.v[i].subject];
        Buf b;
        buf_init(&b);
        while (j < ov.n && ov.v[j].subject == ov.v[i].subject) {
            const Overlap *o = &ov.v[j];
            int cnt = o->to - o->from;
            buf_printf(&b, "%sbackbone function '%s' is performed by %s", j > i ? "; " : "",
                       r.v[o->from].fn->d.id, cnt == 2 ? "both " : "");
            for (int k = o->from; k < o->to; k++)
                buf_printf(&b, "%s'%s'", k == o->from ? "" : k == o->to - 1 ? " and " : ", ",
                           m->partners.v[r.v[k].partner]->d.id);
            buf_printf(&b, " at the %s level", s->level->d.id);
            j++;
        }
        Diagnostic *g = check_report(x, CHECK_BACKBONE_OVERLAP, &s->d, NULL, s->backbone_span, "%s",
                                     buf_cstr(&b));
        buf_free(&b);
        for (int k = i; k < j; k++)
            for (int e = ov.v[k].from + 1; e < ov.v[k].to; e++) {
                const Partner *o = m->partners.v[r.v[e].partner];
                diag_related(&x->c->diag, g, o->backbone_span, "'%s' performs '%s' here",
                             o->d.id, r.v[e].fn->d.id);
            }
        diag_hint(&x->c->diag, g,
                  "decide who does what: leave each backbone function with one partner per "
                  "level; or `allow backbone_overlap \"reason\"` in partner '%s'",
                  s->d.id);
        i = j;
    }
}

/* Activities bucketed by lead (a counting sort over partner positions);
 * one finding per backbone partner that leads some.  O(p + a + f). */
void check_backbone_not_separate(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->scratch;
    int np = m->partners.n;
    HMap ix;
    HMAP_POSITIONS(&ix, a, m->partners);
    int *start = arena_alloc(a, (size_t)(np + 2) * sizeof *start);
    int *lead = arena_alloc(a, (size_t)(m->activities.n + 1) * sizeof *lead);
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *ac = m->activities.v[i];
        lead[i] = CF_USER(ac) ? hmap_ptr_index(&ix, ac->lead) : -1;
        if (lead[i] >= 0)
            start[lead[i] + 2]++;
    }
    for (int p = 0; p < np; p++)
        start[p + 2] += start[p + 1];
    int *led = arena_alloc(a, (size_t)(m->activities.n + 1) * sizeof *led);
    for (int i = 0; i < m->activities.n; i++)
        if (lead[i] >= 0)
            led[start[lead[i] + 1]++] = i;
    /* Now the activities led by partner p are led[start[p] .. start[p+1]). */
    for (int p = 0; p < np; p++) {
        const Partner *pa = m->partners.v[p];
        int from = start[p], to = start[p + 1];
        if (!CF_USER(pa) || pa->backbone.n == 0 || from == to)
            continue;
        Buf fns, acts;
        buf_init(&fns);
        buf_init(&acts);
        for (int k = 0; k < pa->backbone.n; k++)
            buf_printf(&fns, "%s%s", k ? ", " : "", pa->backbone.v[k]->d.id);
        for (int k = from; k < to; k++)
            buf_printf(&acts, "%s'%s'", k == from ? "" : k == to - 1 ? " and " : ", ",
                       m->activities.v[led[k]]->d.id);
        Diagnostic *g = check_report(x, CHECK_BACKBONE_NOT_SEPARATE, &pa->d, NULL,
                                     pa->backbone_span,
                                     "partner '%s' performs backbone functions (%s) and also leads "
                                     "%s %s",
                                     pa->d.id, buf_cstr(&fns), to - from == 1 ? "activity" : "activities",
                                     buf_cstr(&acts));
        buf_free(&fns);
        buf_free(&acts);
        for (int k = from; k < to; k++)
            diag_related(&x->c->diag, g, m->activities.v[led[k]]->d.id_span, "'%s' leads '%s'",
                         pa->d.id, m->activities.v[led[k]]->d.id);
        diag_hint(&x->c->diag, g,
                  "let another partner lead the activities, or give the backbone functions to "
                  "dedicated staff of a partner that leads none; or `allow backbone_not_separate "
                  "\"reason\"` in partner '%s'",
                  pa->d.id);
    }
}

/* ---- hierarchy_concentration ---------------------------------------------- */

/* Counts of activities led and milestones owned per partner; a partner
 * above the share (of at least 4 in all), or named alone by `decisions`,
 * is a finding, one per partner.  O(p + a + n). */
void check_hierarchy_concentration(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    int np = m->partners.n;
    HMap ix;
    HMAP_POSITIONS(&ix, x->scratch, m->partners);
    int *count = arena_alloc(x->scratch, (size_t)(np + 1) * sizeof *count);
    int total = 0;
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *ac = m->activities.v[i];
        if (!CF_USER(ac))
            continue;
        total++;
        int p = hmap_ptr_index(&ix, ac->lead);
        if (p >= 0)
            count[p]++;
    }
    for (int i = 0; i < m->milestones.n; i++) {
        const Milestone *ms = m->milestones.v[i];
        if (!CF_USER(ms))
            continue;
        total++;
        int p = hmap_ptr_index(&ix, ms->owner);
        if (p >= 0)
            count[p]++;
    }
    int decider = m->decisions == DECIDE_PARTNER ? hmap_ptr_index(&ix, m->decider) : -1;
    double share = x->o->max_share;
    for (int p = 0; p < np; p++) {
        const Partner *pa = m->partners.v[p];
        if (!CF_USER(pa))
            continue;
        bool over = total >= 4 && count[p] * 100.0 > share * total &&
                    !cf_close(count[p] * 100.0, share * total);
        if (!over && decider != p)
            continue;
        Buf b;
        buf_init(&b);
        if (over)
            buf_printf(&b, "partner '%s' leads or owns %d of the %d activities and milestones "
                           "(%s%%), more than %s%%",
                       pa->d.id, count[p], total,
                       num_str(a, round(count[p] * 1000.0 / total) / 10, NUM_MESSAGE),
                       num_str(a, share, NUM_MESSAGE));
        if (decider == p)
            buf_printf(&b, "%s`decisions` names '%s' alone", over ? "; and " : "", pa->d.id);
        Diagnostic *g = check_report(x, CHECK_HIERARCHY_CONCENTRATION, &pa->d, NULL,
                                     over ? pa->d.id_span : m->decisions_span, "%s",
                                     buf_cstr(&b));
        buf_free(&b);
        if (over) {
            for (int i = 0; i < m->activities.n; i++)
                if (m->activities.v[i]->lead == pa && CF_USER(m->activities.v[i]))
                    diag_related(&x->c->diag, g, m->activities.v[i]->d.id_span,
                                 "'%s' leads activity '%s'", pa->d.id,
                                 m->activities.v[i]->d.id);
            for (int i = 0; i < m->milestones.n; i++)
                if (m->milestones.v[i]->owner == pa && CF_USER(m->milestones.v[i]))
                    diag_related(&x->c->diag, g, m->milestones.v[i]->d.id_span,
                                 "'%s' owns milestone '%s'", pa->d.id, m->milestones.v[i]->d.id);
        }
        if (decider == p && over)
            diag_related(&x->c->diag, g, m->decisions_span, "the decision rule");
        diag_hint(&x->c->diag, g,
                  "%s; or `allow hierarchy_concentration \"reason\"` in partner '%s'",
                  over && decider == p
                      ? "share the lead of activities and the ownership of milestones among the "
                        "partners, and decide by `consensus` or `majority`"
                  : over ? "share the lead of activities and the ownership of milestones among "
                           "the partners"
                         : "decide by `consensus` or `majority`, so that no partner decides alone",
                  pa->d.id);
    }
}
