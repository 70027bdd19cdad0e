/* resolve_blocks.c - the top-level blocks that are not named
 * declarations: the agenda, tensions, communication and governance. */
#include <string.h>

#include "numtext.h"
#include "resolve_int.h"
#include "suggest.h"

/* ---- tension ------------------------------------------------------ */

static void te_resolution(Cur *c, Tension *t)
{
    if (cur_string(c, &t->resolution, "the resolution, as a string"))
        cur_end(c);
}

const StmtDef resolve_tension_defs[] = {
    {"resolution", {.tension = te_resolution}, false, false},
};
const int resolve_ntension_defs = NDEFS(resolve_tension_defs);

/* NAME, NAME, ... of partners, each added to `out` once; false when a
 * name is missing or does not resolve (reported). */
static bool partner_list(Cur *c, RefPlace place, PartnerList *out)
{
    CurList l;
    cur_list_init(&l, c, place);
    while (cur_list_next(&l))
        RESOLVE_LIST_PUSH(&l, *out, Partner);
    return l.ok;
}

void resolve_tension(Resolver *r, Scope *s, const Stmt *st)
{
    Cur c;
    cur_init(&c, r, s, st);
    Tension *t = arena_alloc(r->a, sizeof *t);
    t->span = st->span;
    t->file = st->span.file;
    if (!cur_ident(&c, &t->interest, &t->interest_span, "the interest's name") ||
        !cur_word(&c, "between") || !partner_list(&c, REF_TENSION, &t->partners) ||
        !cur_end(&c))
        return;
    if (t->partners.n < 2)
        diag_report(r->d, CHECK_SYNTAX, ast_head_span(st), "file",
                    "a tension is between at least two partners");
    BlockWalk w;
    int k;
    resolve_walk_init(&w, r, s, ast_block(st), resolve_tension_defs, resolve_ntension_defs,
                      &t->allows, "a tension");
    while ((k = resolve_walk_next(&w, &c)) >= 0)
        resolve_tension_defs[k].read.tension(&c, t);
    VEC_PUSH(r->a, s->m->tensions, t);
}

/* ---- agenda, communication, governance ---------------------------- */

const char *const resolve_agenda_heads[4] = {"vision", "problem", "principle", "need"};

void resolve_agenda(Resolver *r, Scope *s, const Stmt *st)
{
    const char *const *names = resolve_agenda_heads;
    Model *m = s->m;
    if (m->has_agenda) {
        Diagnostic *g = diag_report(r->d, CHECK_SYNTAX, ast_head_span(st), "file",
                                    "a second agenda; write one agenda block");
        diag_related(r->d, g, m->agenda_span, "the first agenda");
        return;
    }
    m->has_agenda = true;
    m->agenda_span = ast_head_span(st);
    for (int i = 0; i < ast_block(st)->n; i++) {
        const Stmt *x = ast_block(st)->v[i];
        Cur c;
        cur_init(&c, r, s, x);
        int k = 0;
        while (k < 4 && strcmp(x->head, names[k]) != 0)
            k++;
        const char *text;
        switch (k) {
        case 0:
        case 1:
            if (cur_string(&c, &text, "the text, as a string") && cur_end(&c)) {
                const char **slot = k == 0 ? &m->vision : &m->problem;
                if (*slot)
                    diag_report(r->d, CHECK_SYNTAX, ast_head_span(x), "file",
                                "`%s` is given twice in the agenda", x->head);
                *slot = text;
            }
            break;
        case 2:
            if (cur_string(&c, &text, "the principle, as a string") && cur_end(&c))
                VEC_PUSH(r->a, m->principles, text);
            break;
        case 3:
            break;      /* declared by load_declare */
        default: {
            Diagnostic *g = diag_report(r->d, CHECK_UNKNOWN_STATEMENT, ast_head_span(x), "file",
                                        "the agenda does not know the statement `%s`", x->head);
            const char *sg = suggest_from(x->head, names, 4);
            if (sg)
                diag_suggest(r->d, g, sg);
        }
        }
    }
}

void resolve_model_block(Resolver *r, Scope *s, const Stmt *st, const StmtDef *defs, int n,
                         const char *where)
{
    BlockWalk w;
    Cur c;
    int k;
    resolve_walk_init(&w, r, s, ast_block(st), defs, n, NULL, where);
    while ((k = resolve_walk_next(&w, &c)) >= 0)
        defs[k].read.model(&c, s->m);
}

static bool partners_or_all(Cur *c, bool *all, PartnerList *out)
{
    if (cur_is_word(c, "all")) {
        c->i++;
        *all = true;
        return true;
    }
    return partner_list(c, REF_COMMUNICATION, out);
}

/* `on WEEKDAY [N|last]` and `at HH:MM` after a rhythm: which day of each
 * period, at what time.  A weekday with a number (the second Tuesday)
 * needs a rhythm of months, quarters or years; a weekly rhythm takes the
 * weekday alone; a rhythm of days takes no day. */
static bool comm_when(Cur *c, Comm *cm)
{
    cm->minutes = -1;
    if (cur_is_word(c, "on")) {
        c->i++;
        static const char *const w[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday"};
        const Arg *at = cur_peek(c);
        int k = cur_one_of(c, w, 7, NULL);
        if (k < 0)
            return false;
        cm->weekday = k + 1;
        const Arg *n = cur_peek(c);
        if (n && n->kind == ARG_NUMBER) {
            if (n->num < 1 || n->num > 5 || n->num != (int)n->num) {
                diag_report(c->r->d, CHECK_SYNTAX, n->span, "file",
                            "which %s of the month is 1 to 5 (or `last`), not %s", w[k],
                            num_str(c->r->a, n->num, NUM_PLAIN));
                return false;
            }
            cm->nth = (int)n->num;
            c->i++;
        } else if (cur_is_word(c, "last")) {
            cm->nth = -1;
            c->i++;
        }
        bool months = cm->every.unit >= DUR_MONTH;
        if (cm->every.unit == DUR_DAY || (months && cm->nth == 0) ||
            (!months && cm->nth != 0)) {
            if (months)
                diag_report(c->r->d, CHECK_SYNTAX, at->span, "file",
                            "say which %s of the month: `on %s 2` or `on %s last`", w[k], w[k],
                            w[k]);
            else if (cm->every.unit == DUR_WEEK)
                diag_report(c->r->d, CHECK_SYNTAX, at->span, "file",
                            "a weekly rhythm takes the weekday alone: `on %s`", w[k]);
            else
                diag_report(c->r->d, CHECK_SYNTAX, at->span, "file",
                            "a rhythm counted in days falls on no fixed weekday");
            return false;
        }
    }
    if (cur_is_word(c, "at")) {
        c->i++;
        const Arg *t = cur_peek(c);
        if (!t || t->kind != ARG_TIME) {
            cur_error(c, "a time of day such as 10:00");
            return false;
        }
        c->i++;
        cm->minutes = t->bad ? -1 : (int)t->num;
    }
    return true;
}

static Comm *comm_head(Cur *c, CommKind kind)
{
    Comm *cm = arena_alloc(c->r->a, sizeof *cm);
    cm->kind = kind;
    cm->span = c->st->span;
    Span sp;
    if (!cur_ident(c, &cm->id, &sp, "its id") || !cur_string(c, &cm->title, "its title, as a string") ||
        !cur_word(c, "every") || !cur_duration(c, &cm->every, true) || !comm_when(c, cm))
        return NULL;
    return cm;
}

static void co_meeting(Cur *c, Model *m, CommKind kind)
{
    Comm *cm = comm_head(c, kind);
    if (cm && cur_word(c, "with") && partners_or_all(c, &cm->with_all, &cm->with) && cur_end(c))
        VEC_PUSH(c->r->a, m->comms, cm);
}

static void co_meet(Cur *c, Model *m) { co_meeting(c, m, COMM_MEETING); }
static void co_review(Cur *c, Model *m) { co_meeting(c, m, COMM_REVIEW); }

static void co_report(Cur *c, Model *m)
{
    Comm *cm = comm_head(c, COMM_REPORT);
    if (cm && cur_word(c, "by") && partner_list(c, REF_REPORT_BY, &cm->by) &&
        cur_word(c, "to") && partners_or_all(c, &cm->to_all, &cm->to) && cur_end(c))
        VEC_PUSH(c->r->a, m->comms, cm);
}

const StmtDef resolve_comm_defs[] = {
    {"meeting", {.model = co_meet}, true, false},
    {"report", {.model = co_report}, true, false},
    {"review", {.model = co_review}, true, false},
};
const int resolve_ncomm_defs = NDEFS(resolve_comm_defs);

static void gv_decisions(Cur *c, Model *m)
{
    m->decisions_span = c->st->span;
    if (cur_is_word(c, "consensus") || cur_is_word(c, "majority")) {
        m->decisions = cur_is_word(c, "consensus") ? DECIDE_CONSENSUS : DECIDE_MAJORITY;
        c->i++;
    } else {
        const Arg *a = cur_peek(c);
        if (a && a->kind == ARG_IDENT && !model_kinds_named(m, a->text)) {
            static const char *const w[] = {"consensus", "majority"};
            cur_one_of(c, w, 2, "a partner");
            return;
        }
        m->decider = (Partner *)cur_ref(c, REF_DECISIONS);
        if (!m->decider)
            return;
        m->decisions = DECIDE_PARTNER;
    }
    cur_end(c);
}

static void gv_escalation(Cur *c, Model *m)
{
    if (cur_string(c, &m->escalation, "how disputes are resolved, as a string"))
        cur_end(c);
}

static void gv_min_cell(Cur *c, Model *m)
{
    double n;
    Span sp;
    if (!cur_number(c, &n, &sp, "the smallest group size, a whole number") || !cur_end(c))
        return;
    if (n < 1 || n > 1000000 || n != (int)n) {
        diag_report(c->r->d, CHECK_SYNTAX, sp, "file",
                    "`min_cell` is a whole number of people from 1 to 1000000, not %g", n);
        return;
    }
    m->min_cell = (int)n;
    m->min_cell_span = c->st->span;
}

static void gv_data_sharing(Cur *c, Model *m)
{
    if (cur_string(c, &m->data_sharing, "the data-sharing terms, as a string"))
        cur_end(c);
}

const StmtDef resolve_governance_defs[] = {
    {"decisions", {.model = gv_decisions}, false, false},
    {"escalation", {.model = gv_escalation}, false, false},
    {"min_cell", {.model = gv_min_cell}, false, false},
    {"data_sharing", {.model = gv_data_sharing}, false, false},
};
const int resolve_ngovernance_defs = NDEFS(resolve_governance_defs);

