/* gaps_partners.c - the gaps about the partners, how they communicate
 * and who runs the backbone.  Same rules as
 * gaps.c: user declarations only, one pass per check, evidence in
 * every message and a hint on every finding. */
#include <string.h>

#include "gaps_int.h"
#include "numtext.h"

/* ---- partners ----------------------------------------------------- */

/* sector_diversity: O(partners). */
void check_sector_diversity(CheckCtx *x)
{
    Model *m = x->m;
    HMap seen;
    hmap_init_ptr(&seen, x->scratch, m->partners.n);
    NameList sectors;
    gap_names_init(&sectors, 8);
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
        if (hmap_ptr_has(&seen, p->sector))
            continue;
        hmap_ptr_add(&seen, p->sector);
        gap_names_add(&sectors, p->sector->d.id);
    }
    int n = (int)seen.n;
    if (n >= x->o->min_sectors) {
        buf_free(&sectors.b);
        return;
    }
    const char *list = gap_names_done(x, &sectors);
    const char *missing =
        without ? arena_printf(x->c->arena, " (%d of %d partner%s state%s no sector)", without,
                               partners, partners == 1 ? "" : "s", without == 1 ? "s" : "")
                : "";
    Diagnostic *g;
    if (n == 0)
        g = check_report(x, CHECK_SECTOR_DIVERSITY, NULL, NULL, gap_agreement_span(x),
                         "no partner of agreement '%s' states a sector%s; a cross-sector "
                         "partnership needs at least %d", gap_agreement_id(x), missing,
                         x->o->min_sectors);
    else
        g = check_report(x, CHECK_SECTOR_DIVERSITY, NULL, NULL, gap_agreement_span(x),
                         "the partners of agreement '%s' come from %d sector%s (%s)%s; a "
                         "cross-sector partnership needs at least %d", gap_agreement_id(x), n,
                         n == 1 ? "" : "s", list, missing, x->o->min_sectors);
    gap_hint(x, g, "bring in a partner from another sector and give every partner `sector SECTOR` "
               "(or change the threshold with --min-sectors N)");
}

/* incentive_missing: O(partners). */
void check_incentive_missing(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->partners.n; i++) {
        Partner *p = m->partners.v[i];
        if (p->d.is_std || p->incentives.n > 0)
            continue;
        Diagnostic *g = check_report(x, CHECK_INCENTIVE_MISSING, &p->d, NULL, p->d.id_span,
                                     "partner '%s' states no incentive", p->d.id);
        gap_hint(x, g, "add `incentive ID \"what it wants\" { interest NAME wants more }`");
    }
}

/* incentive_without_interest: one finding per incentive.  O(partners +
 * incentives). */
void check_incentive_without_interest(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->partners.n; i++) {
        Partner *p = m->partners.v[i];
        for (int k = 0; !p->d.is_std && k < p->incentives.n; k++) {
            const Incentive *in = p->incentives.v[k];
            if (in->wants.n > 0)
                continue;
            Diagnostic *g = check_report(x, CHECK_INCENTIVE_WITHOUT_INTEREST, &p->d, NULL,
                                         in->span, "incentive '%s' of partner '%s' names no "
                                         "interest, so no check can compare it with the "
                                         "others'", in->id, p->d.id);
            gap_hint(x, g, "add `interest NAME wants more` (or `less`) to its block");
        }
    }
}

static bool names_signatory(const Partner *p)
{
    for (int k = 0; k < p->signatories.n; k++)
        if (*p->signatories.v[k].name)
            return true;
    return false;
}

/* signatory_missing: O(partners + signatories). */
void check_signatory_missing(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->partners.n; i++) {
        Partner *p = m->partners.v[i];
        if (p->d.is_std || names_signatory(p))
            continue;
        Diagnostic *g = check_report(x, CHECK_SIGNATORY_MISSING, &p->d, NULL, p->d.id_span,
                                     "partner '%s' names no signatory", p->d.id);
        gap_hint(x, g, "add `signatory \"NAME\" title \"TITLE\"` for who signs for the partner");
    }
}

/* The commitments of a partner, "2000 USD, 300 hours", for evidence. */
static const char *commitments_text(CheckCtx *x, const Partner *p)
{
    NameList l;
    gap_names_init(&l, 4);
    for (int i = 0; i < p->commits.n; i++) {
        const Quantity *q = &p->commits.v[i].q;
        gap_names_add(&l, arena_printf(x->c->arena, "%s %s",
                                       num_str(x->c->arena, q->value, NUM_PLAIN),
                                       q->unit ? q->unit->d.id : ""));
    }
    return gap_names_done(x, &l);
}

/* partner_idle: O(activities' leads, partners and budgets + milestones +
 * indicators' reporters + partners). */
void check_partner_idle(CheckCtx *x)
{
    Model *m = x->m;
    HMap busy;
    hmap_init_ptr(&busy, x->scratch, m->partners.n);
    for (int i = 0; i < m->activities.n; i++) {
        Activity *a = m->activities.v[i];
        hmap_ptr_add(&busy, a->lead);
        for (int k = 0; k < a->partners.n; k++)
            hmap_ptr_add(&busy, a->partners.v[k]);
        for (int k = 0; k < a->budgets.n; k++)
            hmap_ptr_add(&busy, a->budgets.v[k].from);
    }
    for (int i = 0; i < m->milestones.n; i++)
        hmap_ptr_add(&busy, m->milestones.v[i]->owner);
    for (int i = 0; i < m->indicators.n; i++)
        for (int k = 0; k < m->indicators.v[i]->reporters.n; k++)
            hmap_ptr_add(&busy, m->indicators.v[i]->reporters.v[k]);
    for (int i = 0; i < m->partners.n; i++) {
        Partner *p = m->partners.v[i];
        if (p->d.is_std || p->backbone.n > 0 || hmap_ptr_has(&busy, p))
            continue;
        const char *commits = commitments_text(x, p);
        Diagnostic *g = check_report(
            x, CHECK_PARTNER_IDLE, &p->d, NULL, p->d.id_span,
            "partner '%s'%s%s%s has no role: it leads no activity, takes part in none, owns no "
            "milestone, reports no indicator, provides no budget and performs no backbone function",
            p->d.id, *commits ? " (commits " : "", commits, *commits ? ")" : "");
        gap_hint(x, g, "give it a role (`lead`, `partners`, `owner`, `reported_by`, `budget ... from`, "
                   "`backbone`)");
    }
}

/* partner_not_reporting: O(indicators' reporters + activities + partners):
 * the activities are grouped by lead in one pass. */
void check_partner_not_reporting(CheckCtx *x)
{
    Model *m = x->m;
    HMap reporting;
    hmap_init_ptr(&reporting, x->scratch, m->partners.n);
    for (int i = 0; i < m->indicators.n; i++)
        for (int k = 0; k < m->indicators.v[i]->reporters.n; k++)
            hmap_ptr_add(&reporting, m->indicators.v[i]->reporters.v[k]);
    /* One group per lead that reports nothing, in order of its first
     * activity.  Grown as leads are found: sized by the activities, the
     * array was 1.4 MB of fresh memory on the dense benchmark agreement,
     * where every lead reports. */
    VEC(struct Group { Partner *p; Activity *first; NameList led; }) groups = {0};
    HMap index;
    hmap_init_ptr(&index, x->scratch, m->partners.n);
    for (int i = 0; i < m->activities.n; i++) {
        Activity *a = m->activities.v[i];
        Partner *p = a->lead;
        if (!p || p->d.is_std || a->d.is_std || hmap_ptr_has(&reporting, p))
            continue;
        int *gi = hmap_ptr_put(&index, p, -1);
        if (*gi < 0) {
            *gi = groups.n;
            VEC_PUSH(x->scratch, groups, ((struct Group){.p = p, .first = a}));
            gap_names_init(&groups.v[*gi].led, 5);
        }
        gap_names_add(&groups.v[*gi].led, a->d.id);
    }
    for (int i = 0; i < groups.n; i++) {
        struct Group *gr = &groups.v[i];
        int nled = gr->led.n;
        const char *list = gap_names_done(x, &gr->led);
        Diagnostic *g = check_report(x, CHECK_PARTNER_NOT_REPORTING, &gr->p->d, NULL,
                                     gr->p->d.id_span, "partner '%s' leads %s %s but reports no "
                                     "indicator", gr->p->d.id,
                                     nled == 1 ? "activity" : "activities", list);
        diag_related(&x->c->diag, g, gr->first->d.id_span, "'%s' leads this activity",
                     gr->p->d.id);
        gap_hint(x, g, arena_printf(x->c->arena, "add %s to the `reported_by` of an indicator its "
                                             "work moves", gr->p->d.id));
    }
}

/* ---- continuous communication ------------------------------------- */

/* Whether some recurring communication of this kind exists. */
static bool recurring(const Model *m, CommKind kind)
{
    for (int i = 0; i < m->comms.n; i++)
        if (m->comms.v[i]->kind == kind && m->comms.v[i]->every.n > 0)
            return true;
    return false;
}

/* communication_missing: O(communications). */
void check_communication_missing(CheckCtx *x)
{
    Model *m = x->m;
    if (recurring(m, COMM_MEETING))
        return;
    Diagnostic *g = check_report(x, CHECK_COMMUNICATION_MISSING, NULL, NULL, gap_agreement_span(x),
                                 "agreement '%s' has no recurring meeting", gap_agreement_id(x));
    if (m->has_communication)
        diag_related(&x->c->diag, g, m->communication_span,
                     "the communication block, without `meeting`");
    gap_hint(x, g, "add `meeting ID \"...\" every month with all` to a `communication { }` block");
}

/* learning_missing: O(communications). */
void check_learning_missing(CheckCtx *x)
{
    Model *m = x->m;
    if (recurring(m, COMM_REVIEW))
        return;
    Diagnostic *g = check_report(x, CHECK_LEARNING_MISSING, NULL, NULL, gap_agreement_span(x),
                                 "agreement '%s' has no recurring learning review",
                                 gap_agreement_id(x));
    if (m->has_communication)
        diag_related(&x->c->diag, g, m->communication_span,
                     "the communication block, without `review`");
    gap_hint(x, g, "add `review learning \"What failed, what worked\" every 6 months with all` "
                   "to the communication block");
}

/* partner_uncovered: O(communications' partners + partners).  Without any
 * communication at all, communication_missing reports the one cause
 * instead of one finding per partner. */
void check_partner_uncovered(CheckCtx *x)
{
    Model *m = x->m;
    if (m->comms.n == 0)
        return;
    HMap in;
    hmap_init_ptr(&in, x->scratch, m->partners.n);
    for (int i = 0; i < m->comms.n; i++) {
        const Comm *c = m->comms.v[i];
        if (c->with_all || c->to_all)
            return;     /* everyone is included */
        for (int k = 0; k < c->with.n; k++)
            hmap_ptr_add(&in, c->with.v[k]);
        for (int k = 0; k < c->by.n; k++)
            hmap_ptr_add(&in, c->by.v[k]);
        for (int k = 0; k < c->to.n; k++)
            hmap_ptr_add(&in, c->to.v[k]);
    }
    for (int i = 0; i < m->partners.n; i++) {
        Partner *p = m->partners.v[i];
        if (p->d.is_std || hmap_ptr_has(&in, p))
            continue;
        Diagnostic *g = check_report(x, CHECK_PARTNER_UNCOVERED, &p->d, NULL, p->d.id_span,
                                     "partner '%s' is in no meeting, report or review", p->d.id);
        diag_related(&x->c->diag, g, m->communication_span, "the communication block");
        gap_hint(x, g,
             arena_printf(x->c->arena, "add %s to a meeting's or review's `with`, or to a report's "
                                       "`by` or `to` (or write `with all`)", p->d.id));
    }
}

/* feedback_missing: O(communications' partners + partners). */
void check_feedback_missing(CheckCtx *x)
{
    Model *m = x->m;
    Partner *lead = m->agreement->lead;
    /* Lead and backbone partners receive feedback; every other partner is
     * a participant who should be able to give it. */
    NameList parts, centre;
    gap_names_init(&parts, 5);
    gap_names_init(&centre, 5);
    for (int i = 0; i < m->partners.n; i++) {
        Partner *p = m->partners.v[i];
        if (p->d.is_std)
            continue;
        gap_names_add(p == lead || p->backbone.n > 0 ? &centre : &parts, p->d.id);
    }
    bool pointless = parts.n == 0 || centre.n == 0;
    const char *participants = gap_names_done(x, &parts);
    const char *receivers = gap_names_done(x, &centre);
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
    Diagnostic *g = check_report(x, CHECK_FEEDBACK_MISSING, NULL, NULL, gap_agreement_span(x),
                                 "no report goes from a participant (%s) to the lead or a backbone "
                                 "partner (%s)", participants, receivers);
    if (m->has_communication)
        diag_related(&x->c->diag, g, m->communication_span, "the communication block");
    gap_hint(x, g, "add `report ID \"...\" every quarter by PARTNER, ... to LEAD` so the partners "
               "who do the work tell the lead and the backbone what they see");
}

/* ---- backbone support --------------------------------------------- */

/* Whether no partner of the agreement itself performs a backbone
 * function: O(partners). */
static bool no_backbone_here(const Model *m)
{
    for (int i = 0; i < m->partners.n; i++)
        if (!m->partners.v[i]->d.is_std && m->partners.v[i]->backbone.n > 0)
            return false;
    return true;
}

/* backbone_missing: O(partners). */
void check_backbone_missing(CheckCtx *x)
{
    if (!no_backbone_here(x->m))
        return;
    Diagnostic *g = check_report(x, CHECK_BACKBONE_MISSING, NULL, NULL, gap_agreement_span(x),
                                 "no partner of agreement '%s' performs a backbone function",
                                 gap_agreement_id(x));
    gap_hint(x, g, "add `backbone FUNCTION, ...` and a `coordinator` to the partner that will "
               "coordinate the partnership");
}

/* backbone_function_unassigned: O(levels x (partners' functions + the six
 * functions)).  The levels are this agreement and each agreement it is
 * nested in; functions are compared by id, since each model has its own
 * copy of the prelude. */
void check_backbone_function_unassigned(CheckCtx *x)
{
    Model *m = x->m;
    const Agreement *a = m->agreement;
    if (!a->nested_in && no_backbone_here(m))
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
    gap_names_init(&levels, 6);
    const Model *lv = m;
    for (int depth = 0; lv && depth < 32; depth++) {
        if (depth > 0)
            gap_names_add(&levels, lv->agreement ? lv->agreement->d.id : "?");
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
    gap_names_init(&missing, 16);
    for (int f = 0; f < nfn; f++)
        if (!done[f])
            gap_names_add(&missing, fns[f]->d.id);
    int nmissing = missing.n, nlevels = levels.n;
    const char *list = gap_names_done(x, &missing);
    const char *parents = gap_names_done(x, &levels);
    if (nmissing == 0)
        return;
    Diagnostic *g = check_report(
        x, CHECK_BACKBONE_FUNCTION_UNASSIGNED, NULL, NULL, gap_agreement_span(x),
        "no partner of agreement '%s'%s performs the backbone function%s %s", a->d.id,
        nlevels ? arena_printf(x->c->arena, ", nor of the agreement%s it is nested in (%s),",
                               nlevels == 1 ? "" : "s", parents)
                : "",
        nmissing == 1 ? "" : "s", list);
    if (a->nested_in)
        diag_related(&x->c->diag, g, a->nested_in->d.id_span, "the agreement it is nested in");
    gap_hint(x, g, arena_printf(x->c->arena, "add %s to the `backbone` of the partner best suited to "
                                         "%s", nmissing == 1 ? "it" : "them",
                            nmissing == 1 ? "it" : "each"));
}
