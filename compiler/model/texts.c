/* texts.c - the list of an agreement's texts (texts.h): one walk over the
 * model in the order of its declaration kinds, sorted afterwards into
 * source order. */
#include "texts.h"

#include <stdlib.h>
#include <string.h>

#include "lang.h"

typedef struct Walk {
    Arena *a;
    Model *m;
    TextList *out;
    /* Where each string argument of the trees is written.  Equal strings
     * may share one pointer (the scanner keeps one copy of a string it
     * read recently, ast_unpack interns them), so a text's places are a
     * chain: `at` maps the text to its first place in `spans`, and
     * `next` links each place to the following one (-1 ends). */
    HMap at;
    VEC(Span) spans;
    VEC(int) next;
    HMap contexts;          /* each context once */
} Walk;

static void index_args(Walk *w, const ArgList *args)
{
    for (int i = 0; i < args->n; i++) {
        const Arg *g = &args->v[i];
        if (g->kind == ARG_STRING && g->text) {
            int *first = hmap_ptr_put(&w->at, g->text, w->spans.n);
            int k = *first;
            while (k != w->spans.n && w->next.v[k] >= 0)
                k = w->next.v[k];
            if (k != w->spans.n)
                w->next.v[k] = w->spans.n;
            VEC_PUSH(w->a, w->spans, g->span);
            VEC_PUSH(w->a, w->next, -1);
        } else if (g->kind == ARG_GROUP) {
            index_args(w, g->group);
        }
    }
}

static void index_stmts(Walk *w, const StmtList *l)
{
    for (int i = 0; i < l->n; i++) {
        index_args(w, &l->v[i]->args);
        index_stmts(w, ast_block(l->v[i]));
    }
}

/* Adds the text at *slot, unless it is empty or its context was taken.
 * Its place is where the text is written inside `within` (the statement
 * or declaration that holds it); when it cannot be found there (a text
 * the resolver copied), the holder's name, else `within`. */
static void add(Walk *w, const char **slot, const Decl *holder, const AllowList *allows,
                Span within, const char *context, const char *what)
{
    if (!*slot || !**slot)
        return;
    size_t n = strlen(context);
    bool added;
    hmap_str_insert(&w->contexts, context, n, hmap_hash(context, n), &added);
    if (!added)
        return;
    Span span = holder ? holder->id_span : within;
    int first = hmap_ptr_index(&w->at, *slot);
    /* Inside `within`, else inside the holder, else the first place after
     * `within` starts (a block's span is its head only). */
    for (int pass = 0; pass < 3; pass++) {
        Span box = pass == 0 ? within
                 : pass == 1 && holder ? holder->span
                 : (Span){within.file, within.lo, UINT32_MAX};
        for (int k = first; k >= 0; k = w->next.v[k]) {
            Span p = w->spans.v[k];
            if (p.file == box.file && p.lo >= box.lo && p.hi <= box.hi) {
                VEC_PUSH(w->a, *w->out, ((Text){slot, context, what, holder, allows, p}));
                return;
            }
        }
    }
    VEC_PUSH(w->a, *w->out, ((Text){slot, context, what, holder, allows, span}));
}

/* "KIND ID": the context of a declaration's title, which the contexts of
 * its other texts start with; the standard library's titles have it too
 * in the catalogues of fixed text. */
static const char *decl_context(Arena *a, const Decl *d)
{
    return arena_printf(a, "%s %s", decl_kind_name(d->kind), d->id);
}

/* The lists of the kinds the standard library declares (its vocabularies),
 * each given to X. */
#define VOCAB_LISTS(X, arg, m)                                                \
    X(arg, (m)->units) X(arg, (m)->sectors) X(arg, (m)->levels)             \
    X(arg, (m)->backbone_fns) X(arg, (m)->phases) X(arg, (m)->topics)

static const char *head(Walk *w, Decl *d)
{
    const char *ctx = decl_context(w->a, d);
    add(w, &d->title, d, NULL, d->span, ctx, arena_printf(w->a, "the title of %s", ctx));
    return ctx;
}

static void field(Walk *w, Decl *d, const char *ctx, const char **slot, const char *name,
                  const char *what)
{
    add(w, slot, d, NULL, d->span, arena_printf(w->a, "%s %s", ctx, name),
        arena_printf(w->a, "%s of %s", what, ctx));
}

static void partner_texts(Walk *w, Partner *p)
{
    Arena *a = w->a;
    const char *ctx = head(w, &p->d);
    field(w, &p->d, ctx, &p->coordinator, "coordinator", "the backbone coordinator");
    for (int i = 0; i < p->signatories.n; i++) {
        Signatory *s = &p->signatories.v[i];
        const char *sc = arena_printf(a, "%s signatory %d", ctx, i + 1);
        add(w, &s->name, &p->d, NULL, s->span, sc,
            arena_printf(a, "the signatory of %s", ctx));
        add(w, &s->title, &p->d, NULL, s->span, arena_printf(a, "%s title", sc),
            arena_printf(a, "the title of a signatory of %s", ctx));
    }
    for (int i = 0; i < p->contacts.n; i++)
        add(w, &p->contacts.v[i].role, &p->d, NULL, p->contacts.v[i].span,
            arena_printf(a, "%s contact %d role", ctx, i + 1),
            arena_printf(a, "the role of a contact of %s", ctx));
    for (int i = 0; i < p->commits.n; i++) {
        Commitment *k = &p->commits.v[i];
        const char *kc = arena_printf(a, "%s commitment %d", ctx, i + 1);
        add(w, &k->what, &p->d, NULL, k->span, arena_printf(a, "%s what", kc),
            arena_printf(a, "what %s gives in kind", ctx));
        add(w, &k->condition, &p->d, NULL, k->span, arena_printf(a, "%s condition", kc),
            arena_printf(a, "the condition a commitment of %s is subject to", ctx));
    }
    for (int i = 0; i < p->incentives.n; i++) {
        Incentive *in = p->incentives.v[i];
        add(w, &in->text, &p->d, NULL, in->span,
            arena_printf(a, "%s incentive %s", ctx, in->id),
            arena_printf(a, "what %s gains from the agreement", ctx));
    }
}

static void agreement_texts(Walk *w)
{
    Model *m = w->m;
    Agreement *ag = m->agreement;
    if (ag) {
        const char *ctx = head(w, &ag->d);
        field(w, &ag->d, ctx, &ag->scope, "scope", "the scope");
        field(w, &ag->d, ctx, &ag->amendment, "amendment", "the amendment procedure");
    }
    Span at = ag ? ag->d.id_span : (Span){NO_FILE, 0, 0};
    at = m->has_agenda ? m->agenda_span : at;
    add(w, &m->vision, NULL, NULL, at, "agenda vision", "the vision of the agenda");
    add(w, &m->problem, NULL, NULL, at, "agenda problem", "the problem the agenda addresses");
    for (int i = 0; i < m->principles.n; i++)
        add(w, &m->principles.v[i], NULL, NULL, at,
            arena_printf(w->a, "agenda principle %d", i + 1), "a principle of the agenda");
    for (int i = 0; i < m->tensions.n; i++) {
        Tension *t = m->tensions.v[i];
        add(w, &t->resolution, t->partners.n ? &t->partners.v[0]->d : NULL, &t->allows, t->span,
            arena_printf(w->a, "tension %s resolution", t->interest),
            arena_printf(w->a, "how the partners live with the tension over %s", t->interest));
    }
    for (int i = 0; i < m->comms.n; i++) {
        Comm *c = m->comms.v[i];
        static const char *const kinds[] = {"meeting", "report", "review"};
        const char *ctx = arena_printf(w->a, "communication %s %s", kinds[c->kind], c->id);
        add(w, &c->title, NULL, NULL, c->span, ctx, arena_printf(w->a, "the title of %s", ctx));
    }
    at = m->has_governance ? m->governance_span : at;
    add(w, &m->escalation, NULL, NULL, at, "governance escalation",
        "where a dispute goes (governance)");
    add(w, &m->data_sharing, NULL, NULL, at, "governance data_sharing",
        "what data the partners share (governance)");
}

/* The declarations of one kind's list that the agreement wrote. */
#define TITLES(w, list)                                                   \
    for (int i_ = 0; i_ < (list).n; i_++)                                 \
        if (!(list).v[i_]->d.is_std)                                      \
            head((w), &(list).v[i_]->d);

static void decl_texts(Walk *w)
{
    Model *m = w->m;
    for (int i = 0; i < m->partners.n; i++)
        if (!m->partners.v[i]->d.is_std)
            partner_texts(w, m->partners.v[i]);
    TITLES(w, m->needs)
    TITLES(w, m->goals)
    for (int i = 0; i < m->indicators.n; i++) {
        Indicator *ind = m->indicators.v[i];
        if (!ind->d.is_std)
            field(w, &ind->d, head(w, &ind->d), &ind->source, "source", "the data source");
    }
    TITLES(w, m->dimensions)
    TITLES(w, m->activities)
    for (int i = 0; i < m->milestones.n; i++) {
        Milestone *ms = m->milestones.v[i];
        if (!ms->d.is_std)
            field(w, &ms->d, head(w, &ms->d), &ms->deliverable, "deliverable", "the deliverable");
    }
    for (int i = 0; i < m->clauses.n; i++) {
        Clause *cl = m->clauses.v[i];
        if (!cl->d.is_std)
            field(w, &cl->d, head(w, &cl->d), &cl->text, "text", "the text");
    }
    VOCAB_LISTS(TITLES, w, m)
}

static int by_place(const void *pa, const void *pb)
{
    const Text *a = pa, *b = pb;
    if (a->span.file != b->span.file)
        return a->span.file < b->span.file ? -1 : 1;
    if (a->span.lo != b->span.lo)
        return a->span.lo < b->span.lo ? -1 : 1;
    return strcmp(a->context, b->context);
}

void texts_collect(Arena *a, Model *m, Ast *const *trees, int ntrees, TextList *out)
{
    Walk w = {.a = a, .m = m, .out = out};
    hmap_init_ptr(&w.at, a, 1024);
    hmap_init_str(&w.contexts, a, 256, false);
    for (int i = 0; i < ntrees; i++)
        index_stmts(&w, &trees[i]->top);
    agreement_texts(&w);
    decl_texts(&w);
    if (out->n > 1)
        qsort(out->v, (size_t)out->n, sizeof *out->v, by_place);
}

/* One list's standard titles, in the language in use. */
#define STD_TITLES(a, list)                                               \
    for (int i_ = 0; i_ < (list).n; i_++)                                 \
        std_title((a), &(list).v[i_]->d);

static void std_title(Arena *a, Decl *d)
{
    if (d->is_std && d->title)
        d->title = lang_ptext(decl_context(a, d), d->title);
}

void texts_std_translate(Arena *a, Model *m)
{
    if (lang_is_english())
        return;
    VOCAB_LISTS(STD_TITLES, a, m)
}
