/* cmd_impact.c - `charterc impact FILE --without PARTNER`: what breaks if a
 * partner withdraws.
 *
 * The file is compiled twice.  The second model loses the partner the way
 * a withdrawal would take it out: its activities lose their lead, its
 * indicators it as a reporter, its milestones their owner; its commitments
 * and the budgets it provides (`from` it, or as the lead without `from`)
 * disappear; it leaves meetings, reports, reviews, tensions, the backbone
 * and the decision rule.  Every check runs on both models, and the
 * findings of the second that the first does not have (compared by check
 * and subject) are what the withdrawal breaks. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "checks.h"
#include "cli.h"
#include "numtext.h"
#include "suggest.h"

static const char impact_help[] =
    "usage: charterc impact FILE --without PARTNER [--strict] [--color=WHEN]\n\n"
    "Shows what breaks if PARTNER withdraws from the agreement in FILE: the roles\n"
    "it leaves open (activities without a lead, indicators without a reporter,\n"
    "milestones without an owner, per goal), the resources it takes away per unit\n"
    "(its commitments and the budgets it provides), and the findings that the\n"
    "checks report without it and not with it (compared by check and subject).\n\n"
    "  --without PARTNER     the partner to take out (required)\n"
    "  --strict              count new warnings as errors\n"
    "  --color=WHEN          auto (default), always or never\n\n"
    "The report goes to standard output.  Exit status: 0 when no new error appears\n"
    "without the partner (new warnings are allowed unless --strict), 1 when new\n"
    "errors appear or FILE has errors, 2 on bad usage, an unreadable FILE or an\n"
    "unknown PARTNER.\n";

#define REMOVE_PTR(vec, p)                                      \
    do {                                                        \
        int k_ = 0;                                             \
        for (int i_ = 0; i_ < (vec).n; i_++)                    \
            if ((vec).v[i_] != (p))                             \
                (vec).v[k_++] = (vec).v[i_];                    \
        (vec).n = k_;                                           \
    } while (0)

static bool contains(const void *const *v, int n, const void *p)
{
    for (int i = 0; i < n; i++)
        if (v[i] == p)
            return true;
    return false;
}

/* What the withdrawal changes, for the report. */
typedef struct Losses {
    VEC(Activity *) unled;          /* activities that lose their lead */
    VEC(Indicator *) unreported;    /* indicators left without any reporter */
    VEC(Milestone *) unowned;       /* milestones that lose their owner */
    Buf other;                      /* other roles, one line each */
    /* Resources per unit: what it commits and the budgets it provides. */
    struct UnitLoss {
        const Unit *unit;
        double committed, provided;
        Buf to;                     /* "1500000 to rural_towers, ..." */
    } units[32];
    int nunits;
} Losses;

static struct UnitLoss *unit_loss(Losses *l, const Unit *u)
{
    for (int i = 0; i < l->nunits; i++)
        if (l->units[i].unit == u)
            return &l->units[i];
    if (l->nunits == 32)
        return NULL;
    struct UnitLoss *ul = &l->units[l->nunits++];
    memset(ul, 0, sizeof *ul);
    ul->unit = u;
    buf_init(&ul->to);
    return ul;
}

/* Takes partner p out of model m, recording what it leaves behind. */
static void withdraw(Arena *a, Model *m, Partner *p, Losses *l)
{
    REMOVE_PTR(m->partners, p);
    for (int i = 0; i < p->commits.n; i++) {
        struct UnitLoss *ul = unit_loss(l, p->commits.v[i].q.unit);
        if (ul)
            ul->committed += p->commits.v[i].q.value;
    }
    if (m->agreement->lead == p) {
        m->agreement->lead = NULL;
        buf_printf(&l->other, "  agreement %s loses its project lead\n", m->agreement->d.id);
    }
    for (int i = 0; i < m->activities.n; i++) {
        Activity *ac = m->activities.v[i];
        /* Budgets without `from` are the lead's: they go with it. */
        int k = 0;
        for (int b = 0; b < ac->budgets.n; b++) {
            Budget *bu = &ac->budgets.v[b];
            if (bu->from == p || (!bu->from && ac->lead == p)) {
                struct UnitLoss *ul = unit_loss(l, bu->q.unit);
                if (ul) {
                    ul->provided += bu->q.value;
                    buf_printf(&ul->to, "%s", ul->to.len ? ", " : "");
                    num_put(&ul->to, bu->q.value, NUM_PLAIN);
                    buf_printf(&ul->to, " to %s", ac->d.id);
                }
                continue;
            }
            ac->budgets.v[k++] = *bu;
        }
        ac->budgets.n = k;
        if (ac->lead == p) {
            ac->lead = NULL;
            VEC_PUSH(a, l->unled, ac);
        }
        if (contains((const void *const *)ac->partners.v, ac->partners.n, p)) {
            REMOVE_PTR(ac->partners, p);
            buf_printf(&l->other, "  activity %s loses %s as a partner\n", ac->d.id, p->d.id);
        }
    }
    for (int i = 0; i < m->indicators.n; i++) {
        Indicator *ind = m->indicators.v[i];
        if (!contains((const void *const *)ind->reporters.v, ind->reporters.n, p))
            continue;
        REMOVE_PTR(ind->reporters, p);
        if (ind->reporters.n == 0)
            VEC_PUSH(a, l->unreported, ind);
        else
            buf_printf(&l->other, "  indicator %s loses %s as one of its reporters\n", ind->d.id,
                       p->d.id);
    }
    for (int i = 0; i < m->milestones.n; i++)
        if (m->milestones.v[i]->owner == p) {
            m->milestones.v[i]->owner = NULL;
            VEC_PUSH(a, l->unowned, m->milestones.v[i]);
        }
    /* Communication: a meeting or review with nobody left, or a report
     * with no one to send or receive it, no longer takes place. */
    int k = 0;
    for (int i = 0; i < m->comms.n; i++) {
        Comm *c = m->comms.v[i];
        bool in = contains((const void *const *)c->with.v, c->with.n, p) ||
                  contains((const void *const *)c->by.v, c->by.n, p) ||
                  contains((const void *const *)c->to.v, c->to.n, p);
        REMOVE_PTR(c->with, p);
        REMOVE_PTR(c->by, p);
        REMOVE_PTR(c->to, p);
        const char *kind = c->kind == COMM_MEETING ? "meeting" : c->kind == COMM_REPORT ? "report"
                                                                                        : "review";
        bool gone = c->kind == COMM_REPORT ? c->by.n == 0 || (!c->to_all && c->to.n == 0)
                                           : !c->with_all && c->with.n == 0;
        if (gone) {
            buf_printf(&l->other, "  %s %s no longer takes place: nobody is left to %s\n", kind,
                       c->id, c->kind == COMM_REPORT ? (c->by.n == 0 ? "send it" : "receive it")
                                                     : "attend it");
            continue;
        }
        if (in)
            buf_printf(&l->other, "  %s %s goes on without %s\n", kind, c->id, p->d.id);
        m->comms.v[k++] = c;
    }
    m->comms.n = k;
    k = 0;
    for (int i = 0; i < m->tensions.n; i++) {
        Tension *t = m->tensions.v[i];
        if (contains((const void *const *)t->partners.v, t->partners.n, p)) {
            REMOVE_PTR(t->partners, p);
            if (t->partners.n < 2) {
                buf_printf(&l->other, "  tension %s is void: only one partner is left in it\n",
                           t->interest);
                continue;
            }
        }
        m->tensions.v[k++] = t;
    }
    m->tensions.n = k;
    if (p->backbone.n > 0) {
        buf_printf(&l->other, "  the backbone loses the function%s ", p->backbone.n > 1 ? "s" : "");
        for (int i = 0; i < p->backbone.n; i++)
            buf_printf(&l->other, "%s%s", i ? ", " : "", p->backbone.v[i]->d.id);
        buf_puts(&l->other, "\n");
    }
    if (m->decisions == DECIDE_PARTNER && m->decider == p) {
        m->decisions = DECIDE_UNSET;
        m->decider = NULL;
        buf_printf(&l->other, "  the governance loses its decision rule (%s decides)\n", p->d.id);
    }
}

/* "check\tsubject", the key findings are compared by. */
static char *finding_key(Arena *a, const Diagnostic *g)
{
    return arena_printf(a, "%s\t%s", g->check, g->subject ? g->subject : "");
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static void print_goal_losses(const Model *m, const Losses *l)
{
    for (int i = 0; i < m->goals.n; i++) {
        const Goal *g = m->goals.v[i];
        Buf b;
        buf_init(&b);
        for (int k = 0; k < l->unled.n; k++)
            if (contains((const void *const *)l->unled.v[k]->supports.v,
                         l->unled.v[k]->supports.n, g))
                buf_printf(&b, "%sactivity %s has no lead", b.len ? "; " : "",
                           l->unled.v[k]->d.id);
        /* Its indicators, and the inputs of those that are derived. */
        for (int k = 0; k < l->unreported.n; k++) {
            const Indicator *lost = l->unreported.v[k];
            if (contains((const void *const *)g->measured_by.v, g->measured_by.n, lost)) {
                buf_printf(&b, "%sindicator %s has no reporter", b.len ? "; " : "", lost->d.id);
                continue;
            }
            for (int j = 0; j < g->measured_by.n; j++) {
                const Indicator *mi = g->measured_by.v[j];
                if (contains((const void *const *)mi->inputs.v, mi->inputs.n, lost)) {
                    buf_printf(&b, "%sindicator %s (an input of %s) has no reporter",
                               b.len ? "; " : "", lost->d.id, mi->d.id);
                    break;
                }
            }
        }
        if (b.len)
            printf("  goal %s: %s\n", g->d.id, buf_cstr(&b));
        buf_free(&b);
    }
    /* The ones no goal points at. */
    for (int k = 0; k < l->unled.n; k++)
        if (l->unled.v[k]->supports.n == 0)
            printf("  activity %s has no lead\n", l->unled.v[k]->d.id);
    for (int k = 0; k < l->unreported.n; k++) {
        bool measured = false;
        for (int i = 0; i < m->goals.n && !measured; i++) {
            const Goal *g = m->goals.v[i];
            measured = contains((const void *const *)g->measured_by.v, g->measured_by.n,
                                l->unreported.v[k]);
            for (int j = 0; j < g->measured_by.n && !measured; j++)
                measured = contains((const void *const *)g->measured_by.v[j]->inputs.v,
                                    g->measured_by.v[j]->inputs.n, l->unreported.v[k]);
        }
        if (!measured)
            printf("  indicator %s has no reporter\n", l->unreported.v[k]->d.id);
    }
    for (int k = 0; k < l->unowned.n; k++)
        printf("  milestone %s has no owner\n", l->unowned.v[k]->d.id);
}

/* Compiles FILE, or the text of standard input that the caller read into
 * `in` (it can be read only once, and it is compiled twice).  Prints the
 * errors; NULL, with *status set, when FILE cannot be read or has errors. */
static Compilation *compile_input(const char *path, const Buf *in, const char *mode, int *status)
{
    if (strcmp(path, "-") != 0)
        return cli_compile(path, diag_want_color(mode, stderr), status);
    Compilation *c = compile_new();
    if (compile_text(c, "<stdin>", in->data ? in->data : "", in->len) != 0 ||
        compile_errors(c) > 0) {
        diag_sort(&c->diag);
        diag_print(&c->diag, stderr, FMT_TEXT, diag_want_color(mode, stderr));
        compile_free(c);
        *status = 1;
        return NULL;
    }
    return c;
}

/* The message for a --without that names no partner of the agreement. */
static int unknown_partner(const Model *m, const char *who)
{
    Suggest s;
    suggest_init(&s, who);
    for (int i = 0; m && i < m->partners.n; i++)
        suggest_offer(&s, m->partners.v[i]->d.id);
    const char *best = suggest_best(&s);
    return best ? cli_fail("agreement has no partner '%s'; did you mean '%s'?", who, best)
                : cli_fail("agreement has no partner '%s'", who);
}

/* The findings after the withdrawal that were not there before, into
 * fresh (counted by severity); returns how many of them are allowed.  The
 * keys before are sorted, and a finding after is new when its key is not
 * among them: O((n + k) log n). */
static int new_findings(Compilation *before, Compilation *after, Diag *fresh)
{
    int nb = before->diag.items.n;
    char **keys = arena_alloc(before->arena, (size_t)(nb + 1) * sizeof *keys);
    for (int i = 0; i < nb; i++)
        keys[i] = finding_key(before->arena, before->diag.items.v[i]);
    qsort(keys, (size_t)nb, sizeof *keys, cmp_str);
    diag_init(fresh, after->arena, &after->sm);
    int allowed = 0;
    for (int i = 0; i < after->diag.items.n; i++) {
        Diagnostic *g = after->diag.items.v[i];
        char *key = finding_key(after->arena, g);
        if (bsearch(&key, keys, (size_t)nb, sizeof *keys, cmp_str))
            continue;
        VEC_PUSH(fresh->arena, fresh->items, g);
        if (g->allowed)
            allowed++;
        else if (g->sev == SEV_ERROR)
            fresh->errors++;
        else if (g->sev == SEV_WARNING)
            fresh->warnings++;
        else
            fresh->notes++;
    }
    diag_sort(fresh);
    return allowed;
}

/* The first part of the report: the roles p leaves open, per goal, and
 * the resources it takes away, per unit.  Frees the buffers of l. */
static void print_losses(const Model *m, const Partner *p, Losses *l)
{
    printf("If %s (%s) withdraws from agreement %s:\n\n", p->d.id, p->d.title ? p->d.title : p->d.id,
           m->agreement->d.id);
    if (l->unled.n + l->unreported.n + l->unowned.n > 0) {
        printf("It leaves without a lead, reporter or owner:\n");
        print_goal_losses(m, l);
        printf("\n");
    }
    if (l->other.len) {
        printf("Other roles it leaves:\n%s\n", buf_cstr(&l->other));
    }
    printf("Resources it takes away:\n");
    if (l->nunits == 0)
        printf("  none: it commits nothing and provides no budget\n");
    for (int i = 0; i < l->nunits; i++) {
        struct UnitLoss *ul = &l->units[i];
        const char *unit = ul->unit ? ul->unit->d.id : "(no unit)";
        char n[NUM_TEXT_MAX];
        printf("  %s: commits %s", unit, num_text(ul->committed, NUM_PLAIN, n));
        if (ul->provided > 0)
            printf("; provides %s to activities (%s)", num_text(ul->provided, NUM_PLAIN, n),
                   buf_cstr(&ul->to));
        printf("\n");
        buf_free(&ul->to);
    }
    buf_free(&l->other);
}

/* The second part: how many findings appear without p, then each. */
static void print_findings(const Partner *p, Diag *fresh, int allowed, bool color)
{
    int shown = fresh->items.n - allowed;
    printf("\nFindings that appear without %s: %d", p->d.id, shown);
    if (shown)
        printf(" (%d error%s, %d warning%s)", fresh->errors, fresh->errors == 1 ? "" : "s",
               fresh->warnings, fresh->warnings == 1 ? "" : "s");
    if (allowed)
        printf(", and %d allowed", allowed);
    printf("\n");
    fflush(stdout);
    diag_print(fresh, stdout, FMT_TEXT, color);
}

int cmd_impact(int argc, char **argv)
{
    static const OptSpec opts[] = {
        {"help", 'h', false}, {"without", 0, true}, {"strict", 0, false}, {"color", 0, true},
    };
    Opts o;
    if (!cli_parse(&o, opts, sizeof opts / sizeof opts[0], argc, argv, "impact"))
        return 2;
    if (opts_has(&o, "help")) {
        fputs(impact_help, stdout);
        return 0;
    }
    const char *who = opts_get(&o, "without");
    if (!who || !*who)
        return cli_fail("impact needs --without PARTNER (see 'charterc impact --help')");
    if (o.npositional != 1)
        return cli_fail("impact needs one FILE (see 'charterc impact --help')");
    const char *mode = opts_get(&o, "color");
    if (mode && strcmp(mode, "auto") && strcmp(mode, "always") && strcmp(mode, "never"))
        return cli_fail("--color takes auto, always or never, not '%s'", mode);
    bool color = diag_want_color(mode, stdout);
    const char *path = o.positional[0];

    Buf in;
    buf_init(&in);
    if (strcmp(path, "-") == 0 && buf_read_file(&in, "-") != 0) {
        buf_free(&in);
        return cli_fail("cannot read standard input");
    }
    int status;
    Compilation *before = compile_input(path, &in, mode, &status);
    if (!before) {
        buf_free(&in);
        return status;
    }
    Model *m0 = before->model;
    Decl *d = m0 ? model_lookup(m0, K_PARTNER, who) : NULL;
    if (!m0 || !m0->agreement || !d || d->kind != K_PARTNER || strchr(who, '.')) {
        status = unknown_partner(m0, who);
        compile_free(before);
        buf_free(&in);
        return status;
    }

    /* The second model, from the same text, is the one that loses p. */
    Compilation *after = compile_new();
    int rc = strcmp(path, "-") == 0 ? compile_text(after, "<stdin>", in.data ? in.data : "", in.len)
                                    : compile_file(after, path);
    buf_free(&in);
    /* The file is read twice: between the reads it may have changed so
     * that `who` is gone or names something else. */
    Decl *d1 = rc == 0 && compile_errors(after) == 0 && after->model
                   ? model_lookup(after->model, K_PARTNER, who) : NULL;
    if (!d1 || d1->kind != K_PARTNER) {
        compile_free(before);
        compile_free(after);
        return cli_fail("%s changed while it was read", path);
    }
    Model *m1 = after->model;
    Partner *p = (Partner *)d1;

    CheckOptions co;
    checks_default_options(&co);
    co.strict = opts_has(&o, "strict");
    checks_run(before, m0, &co);
    Losses l;
    memset(&l, 0, sizeof l);
    buf_init(&l.other);
    withdraw(after->arena, m1, p, &l);
    checks_run(after, m1, &co);
    if (co.strict) {
        diag_strict(&before->diag);
        diag_strict(&after->diag);
    }

    Diag fresh;
    int allowed = new_findings(before, after, &fresh);
    print_losses(m1, p, &l);
    print_findings(p, &fresh, allowed, color);
    int result = fresh.errors > 0 ? 1 : 0;
    compile_free(before);
    compile_free(after);
    return result;
}
