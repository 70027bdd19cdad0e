/* due.c - `due`: what is due within a window, and what is overdue.
 *
 * Items: milestones not yet done, cancelled or met, due within the window
 * or overdue; indicator reports (each period a reporter owes and has not
 * reported, by its deadline: oblig.h) and reports already missing;
 * the communication block's reports falling in the window (from the
 * term's start, every DURATION).  What it prints is in the language
 * chosen with --lang (lang.h); the kinds sort in English whatever the
 * language, so every language lists the items in the same order. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "due.h"
#include "oblig.h"
#include "period.h"
#include "score.h"
#include "term.h"

typedef struct Item {
    int32_t date;
    const char *kind;
    const char *id;
    const char *who;
    const char *what;
} Item;

static int item_cmp(const void *a, const void *b)
{
    const Item *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    int k = strcmp(x->kind, y->kind);
    return k ? k : strcmp(x->id, y->id);
}

static bool parse_within(const char *s, Duration *out)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (end == s || n < 0 || n > 100000)
        return false;
    while (*end == ' ')
        end++;
    out->n = (int)n;
    out->unit = DUR_DAY;
    if (!*end)
        return true;
    char word[16];
    snprintf(word, sizeof word, "%s", end);
    size_t len = strlen(word);
    if (len > 1 && word[len - 1] == 's')
        word[len - 1] = '\0';
    return duration_unit(word, &out->unit);
}

static bool involves(const Partner *const *v, int n, const Partner *p)
{
    for (int i = 0; i < n; i++)
        if (v[i] == p)
            return true;
    return false;
}

static const char *names(Trk *t, Partner *const *v, int n)
{
    Buf b;
    buf_init(&b);
    for (int i = 0; i < n; i++)
        buf_printf(&b, "%s%s", i ? ", " : "", v[i]->d.id);
    const char *s = arena_strdup(t->a, n ? buf_cstr(&b) : "");
    buf_free(&b);
    return s;
}

typedef VEC(Item) ItemVec;

/* The reports of indicator i (oblig.h): per reporter, one item for the
 * missing ones (deadline passed, no report), dated at the last missed
 * deadline, and one per coming report whose deadline is within the
 * window.  A period is missing or coming, never both. */
static void indicator_reports(Trk *t, Score *s, int i, const Partner *only, int32_t until,
                              ItemVec *items)
{
    const Indicator *ind = t->ind[i];
    const ObsInd *oi = &s->obs.ind[i];
    Oblig ob;
    if (!oblig_init(&ob, t->m, ind, oi->anchor, oi->freq))
        return;
    int last = oblig_last_missed(&ob, s->as_of);
    char d1[16], d2[16];
    for (int r = 0; r < ind->reporters.n; r++) {
        const Partner *p = ind->reporters.v[r];
        if (only && p != only)
            continue;
        int lo, hi;
        oblig_window(&ob, t->m, p, &lo, &hi);
        int miss = s->missing[i][r];
        if (miss > 0) {
            int k = hi < last ? hi : last;
            while (k > lo && (!oblig_in_season(&ob, k) || obs_reported(&s->obs, i, r, k)))
                k--;
            Item it = {oblig_deadline(&ob, k), "report", ind->d.id, p->d.id,
                       arena_printf(t->a, LN_("%1$d report missing", "%1$d reports missing",
                                              (unsigned long)miss), miss)};
            VEC_PUSH(t->a, *items, it);
        }
        for (int k = last + 1 > lo ? last + 1 : lo; k <= hi; k++) {
            int32_t deadline = oblig_deadline(&ob, k);
            if (deadline > until)
                break;
            if (!oblig_in_season(&ob, k) || obs_reported(&s->obs, i, r, k))
                continue;
            int32_t start = period_start(ob.anchor, ob.freq, k);
            int32_t end = period_start(ob.anchor, ob.freq, k + 1) - 1;
            Item it = {deadline, "report", ind->d.id, p->d.id,
                       /* TRANSLATORS: a report a partner owes: the value of a period
                        * (its first and last day). */
                       arena_printf(t->a, L_("the value for %1$s to %2$s"), date_iso(start, d1),
                                    date_iso(end, d2))};
            VEC_PUSH(t->a, *items, it);
        }
    }
}

/* An item's kind for people ("report", "milestone" sort in English). */
static const char *kind_text(const char *kind)
{
    /* TRANSLATORS: the kind of an item of `due`. */
    return strcmp(kind, "report") == 0 ? L_("report") : L_("milestone");
}

/* The heading, then the overdue items and those to come, each a line:
 * date, kind, id, who: what, in columns. */
static void print_items(Trk *t, const ItemVec *items, int32_t as_of, Duration within,
                        const Partner *only)
{
    char d[32], d1[16];
    const char *w = trk_duration_text(t, within);
    date_long(as_of, d);
    /* TRANSLATORS: the first line of `due`: the date it looks from, the
     * window (such as "30 days") and the partner it is limited to. */
    if (only)
        term_printf(stdout, L_("Due as of %1$s, within %2$s, for %3$s"), d, w, only->d.id);
    else
        term_printf(stdout, L_("Due as of %1$s, within %2$s"), d, w);
    term_printf(stdout, "\n");
    if (items->n == 0)
        term_printf(stdout, "\n%s\n", L_("Nothing is due."));
    int wk = 0, wi = 0;
    for (int k = 0; k < items->n; k++) {
        int a1 = term_width(kind_text(items->v[k].kind)), a2 = term_width(items->v[k].id);
        wk = a1 > wk ? a1 : wk;
        wi = a2 > wi ? a2 : wi;
    }
    for (int pass = 0; pass < 2; pass++) {
        bool any = false;
        for (int k = 0; k < items->n; k++) {
            const Item *it = &items->v[k];
            if ((pass == 0) != (it->date < as_of))
                continue;
            if (!any)
                term_printf(stdout, "\n%s\n", pass == 0 ? L_("Overdue") : L_("Coming"));
            any = true;
            const char *kind = kind_text(it->kind);
            term_printf(stdout, "  %s  %s%*s  %s%*s  %s: %s\n", date_iso(it->date, d1), kind,
                        wk - term_width(kind), "", it->id, wi - term_width(it->id), "",
                        *it->who ? it->who : "-", it->what);
        }
    }
}

static const char due_help[] =
    "usage: %s due [--within DURATION] [--partner ID] [--as-of DATE] [--lang CODE]\n\n"
    "What is due: milestones not yet done, indicator reports and the reports of\n"
    "the communication block, within DURATION of the as-of date, and what is\n"
    "overdue already.\n\n"
    "  --within DURATION  such as 30 (days), '2 weeks', '3 months' (default 30 days)\n"
    "  --partner ID       only what this partner owns or reports\n"
    "  --as-of DATE       the date to look from (default: today)\n"
    "  --lang CODE        the language of what it prints (words, dates): en (the\n"
    "                     default), es, fr or ht\n";

int due_cmd(Trk *t, int argc, char **argv)
{
    static const OptSpec opts[] = {
        {"within", 'w', true}, {"partner", 'p', true}, {"as-of", 0, true}, {"lang", 0, true}};
    Opts a;
    if (!trk_args(t, &a, opts, 4, argc, argv, "due"))
        return 2;
    if (opts_get(&a, "help")) {
        term_printf(stdout, due_help, t->prog);
        return 0;
    }
    if (a.npositional > 0)
        return trk_fail(t, "due takes no argument '%s' (see '%s due --help')", a.positional[0], t->prog);
    Duration within = {30, DUR_DAY};
    if (opts_get(&a, "within") && !parse_within(opts_get(&a, "within"), &within))
        return trk_fail(t, "--within wants a duration such as 30, '2 weeks' or '3 months', "
                           "not '%s'", opts_get(&a, "within"));
    int32_t as_of;
    if (!trk_as_of(t, &a, &as_of) || !trk_lang(t, &a))
        return 2;
    int32_t until = date_add(as_of, within);
    Score s;
    int st = score_run(&s, t, as_of, false);
    if (st)
        return st;
    const Partner *only = NULL;
    const char *pid = opts_get(&a, "partner");
    if (pid) {
        int p = trk_partner(t, pid, strlen(pid));
        if (p < 0) {
            const char *sg = trk_suggest_partner(t, pid);
            score_free(&s);
            return trk_fail(t, "unknown partner '%s'%s", pid, trk_did_you_mean(t, sg));
        }
        only = t->part[p];
    }
    ItemVec items = {0};
    /* Milestones. */
    for (int m = 0; m < t->nms; m++) {
        const Milestone *ms = t->ms[m];
        VerdictState state = s.ms[m].state;
        if (ms->due == DATE_NONE || state == VERDICT_DONE || state == VERDICT_CANCELLED ||
            state == VERDICT_MET || ms->due > until)
            continue;
        if (only && ms->owner != only)
            continue;
        Item it = {ms->due, "milestone", ms->d.id, ms->owner ? ms->owner->d.id : "",
                   ms->d.title ? ms->d.title : ""};
        /* TRANSLATORS: a milestone due (its title, %1$s) whose requirement
         * (%2$s, as the agreement writes it) does not hold yet. */
        if (ms->requires)
            it.what = arena_printf(t->a, s.ms[m].req == EVAL_FALSE
                                             ? L_("%1$s (requires %2$s: not yet)")
                                             : L_("%1$s (requires %2$s: no data yet)"),
                                   it.what, score_expr_text(&s, ms->requires));
        VEC_PUSH(t->a, items, it);
    }
    /* Indicator reports. */
    for (int i = 0; i < t->nind; i++)
        indicator_reports(t, &s, i, only, until, &items);
    /* Reports of the communication block. */
    for (int c = 0; c < t->m->comms.n; c++) {
        const Comm *cm = t->m->comms.v[c];
        if (cm->kind != COMM_REPORT || cm->every.n == 0 || t->ag->term_start == DATE_NONE)
            continue;
        if (only && !involves((const Partner *const *)cm->by.v, cm->by.n, only))
            continue;
        for (int q = 1; q < 100000; q++) {
            Duration step = cm->every;
            step.n *= q;
            int32_t when = date_add(t->ag->term_start, step);
            if (when > until || (t->ag->term_end != DATE_NONE && when > t->ag->term_end))
                break;
            if (when < as_of)
                continue;
            const char *title = cm->title ? cm->title : cm->id;
            /* TRANSLATORS: a report of the communication block: its title
             * (%1$s) and the partners it goes to (%2$s), or all of them. */
            Item it = {when, "report", cm->id, names(t, cm->by.v, cm->by.n),
                       cm->to_all ? arena_printf(t->a, L_("%1$s, to all"), title)
                                  : arena_printf(t->a, L_("%1$s, to %2$s"), title,
                                                 names(t, cm->to.v, cm->to.n))};
            VEC_PUSH(t->a, items, it);
        }
    }
    if (items.n > 1)
        qsort(items.v, (size_t)items.n, sizeof *items.v, item_cmp);
    print_items(t, &items, as_of, within, only);
    score_free(&s);
    return 0;
}
