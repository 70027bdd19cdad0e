/* resolve_blocks.c - the top-level blocks that are not named
 * declarations: the agenda, tensions, communication and governance. */
#include <string.h>

#include "resolve_int.h"
#include "suggest.h"

/* ---- tension ------------------------------------------------------ */

static void te_resolution(Cur *c, Decl *d)
{
    if (cur_string(c, &((Tension *)(void *)d)->resolution, "the resolution, as a string"))
        cur_end(c);
}

static const StmtDef tension_defs[] = {{"resolution", te_resolution, false, false}};

void resolve_tension(Resolver *r, Scope *s, const Stmt *st)
{
    Cur c;
    cur_init(&c, r, s, st);
    Tension *t = arena_alloc(r->a, sizeof *t);
    t->span = st->span;
    t->file = st->span.file;
    if (!cur_ident(&c, &t->interest, &t->interest_span, "the interest's name") ||
        !cur_word(&c, "between") || !cur_refs(&c, K_PARTNER, "a tension", &t->partners, resolve_push_ptr) ||
        !cur_end(&c))
        return;
    if (t->partners.n < 2)
        diag_report(r->d, CHECK_SYNTAX, st->head_span, "file",
                    "a tension is between at least two partners");
    /* The tension is passed where a Decl is expected only to reach its fields. */
    resolve_block(r, s, (Decl *)(void *)t, &st->block, tension_defs, NDEFS(tension_defs), &t->allows,
              "a tension");
    VEC_PUSH(r->a, s->m->tensions, t);
}

/* ---- agenda, communication, governance ---------------------------- */

void resolve_agenda(Resolver *r, Scope *s, const Stmt *st)
{
    Model *m = s->m;
    if (m->has_agenda) {
        Diagnostic *g = diag_report(r->d, CHECK_SYNTAX, st->head_span, "file",
                                    "a second agenda; write one agenda block");
        diag_related(r->d, g, m->agenda_span, "the first agenda");
        return;
    }
    m->has_agenda = true;
    m->agenda_span = (Span){st->head_span.file, st->head_span.lo, st->head_span.hi};
    static const char *const names[] = {"vision", "problem", "principle", "need"};
    for (int i = 0; i < st->block.n; i++) {
        const Stmt *x = st->block.v[i];
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
                    diag_report(r->d, CHECK_SYNTAX, x->head_span, "file",
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
            Diagnostic *g = diag_report(r->d, CHECK_UNKNOWN_STATEMENT, x->head_span, "file",
                                        "the agenda does not know the statement `%s`", x->head);
            const char *sg = suggest_from(x->head, names, 4);
            if (sg)
                diag_hint(r->d, g, "did you mean '%s'?", sg);
        }
        }
    }
}

static bool partners_or_all(Cur *c, bool *all, void *vec)
{
    if (cur_is_word(c, "all")) {
        c->i++;
        *all = true;
        return true;
    }
    return cur_refs(c, K_PARTNER, "a communication", vec, resolve_push_ptr);
}

static Comm *comm_head(Cur *c, CommKind kind)
{
    Comm *cm = arena_alloc(c->r->a, sizeof *cm);
    cm->kind = kind;
    cm->span = c->st->span;
    Span sp;
    if (!cur_ident(c, &cm->id, &sp, "its id") || !cur_string(c, &cm->title, "its title, as a string") ||
        !cur_word(c, "every") || !cur_duration(c, &cm->every, true))
        return NULL;
    return cm;
}

static void co_meeting(Cur *c, Decl *d, CommKind kind)
{
    (void)d;
    Comm *cm = comm_head(c, kind);
    if (cm && cur_word(c, "with") && partners_or_all(c, &cm->with_all, &cm->with) && cur_end(c))
        VEC_PUSH(c->r->a, c->s->m->comms, cm);
}

static void co_meet(Cur *c, Decl *d) { co_meeting(c, d, COMM_MEETING); }
static void co_review(Cur *c, Decl *d) { co_meeting(c, d, COMM_REVIEW); }

static void co_report(Cur *c, Decl *d)
{
    (void)d;
    Comm *cm = comm_head(c, COMM_REPORT);
    if (cm && cur_word(c, "by") &&
        cur_refs(c, K_PARTNER, "a report's `by`", &cm->by, resolve_push_ptr) && cur_word(c, "to") &&
        partners_or_all(c, &cm->to_all, &cm->to) && cur_end(c))
        VEC_PUSH(c->r->a, c->s->m->comms, cm);
}

const StmtDef resolve_comm_defs[] = {
    {"meeting", co_meet, true, false},
    {"report", co_report, true, false},
    {"review", co_review, true, false},
};
const int resolve_ncomm_defs = NDEFS(resolve_comm_defs);

static void gv_decisions(Cur *c, Decl *d)
{
    (void)d;
    Model *m = c->s->m;
    m->decisions_span = c->st->span;
    if (cur_is_word(c, "consensus") || cur_is_word(c, "majority")) {
        m->decisions = cur_is_word(c, "consensus") ? DECIDE_CONSENSUS : DECIDE_MAJORITY;
        c->i++;
    } else {
        const Arg *a = cur_peek(c);
        if (a && a->kind == ARG_IDENT && !model_lookup(m, a->text)) {
            static const char *const w[] = {"consensus", "majority"};
            cur_choice(c, w, 2, "consensus, majority or a partner");
            return;
        }
        m->decider = (Partner *)cur_ref(c, K_PARTNER, "`decisions`");
        if (!m->decider)
            return;
        m->decisions = DECIDE_PARTNER;
    }
    cur_end(c);
}

static void gv_escalation(Cur *c, Decl *d)
{
    (void)d;
    if (cur_string(c, &c->s->m->escalation, "how disputes are resolved, as a string"))
        cur_end(c);
}

static void gv_data_sharing(Cur *c, Decl *d)
{
    (void)d;
    if (cur_string(c, &c->s->m->data_sharing, "the data-sharing terms, as a string"))
        cur_end(c);
}

const StmtDef resolve_governance_defs[] = {
    {"decisions", gv_decisions, false, false},
    {"escalation", gv_escalation, false, false},
    {"data_sharing", gv_data_sharing, false, false},
};
const int resolve_ngovernance_defs = NDEFS(resolve_governance_defs);

