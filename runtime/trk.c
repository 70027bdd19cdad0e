/* trk.c - what every tracker command shares: loading the carried agreement,
 * its indexes by id, the options and messages. */
#define _POSIX_C_SOURCE 200809L
#include "trk.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lang.h"
#include "suggest.h"
#include "term.h"
#include "texts.h"
#include "translation.h"

/* ---- messages ------------------------------------------------------------- */

/* One line, control characters escaped (term.h): a message may quote a
 * field of a CSV file. */
static void vmsg(const Trk *t, const char *kind, const char *fmt, va_list ap)
{
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s: %s", t->prog, kind);
    buf_vprintf(&b, fmt, ap);
    term_line(stderr, "%s", buf_cstr(&b));
    buf_free(&b);
}

int trk_fail(const Trk *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(t, "error: ", fmt, ap);
    va_end(ap);
    return 2;
}

void trk_warn(const Trk *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(t, "warning: ", fmt, ap);
    va_end(ap);
}

void trk_note(const Trk *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(t, "", fmt, ap);
    va_end(ap);
}

void trk_timing(const char *phase)
{
    static int on = -1;
    static struct timespec t0;
    if (on < 0) {
        on = getenv("CHARTER_TIMING") != NULL;
        clock_gettime(CLOCK_MONOTONIC, &t0);
    }
    if (!on || !phase)
        return;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    term_printf(stderr, "timing: %-12s %7.1f ms\n", phase,
            (double)(t.tv_sec - t0.tv_sec) * 1e3 + (double)(t.tv_nsec - t0.tv_nsec) / 1e6);
}

/* ---- loading -------------------------------------------------------------- */

static int32_t local_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm))
        return date_from_civil(1970, 1, 1);
    return date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int trk_load(Trk *t, const char *prog)
{
    memset(t, 0, sizeof *t);
    trk_timing(NULL);
    t->prog = prog;
    t->today = local_today();
    t->min_cell = TRK_MIN_CELL;
    char err[512];
    /* Messages name the program as the user typed it. */
    if (bundle_read("/proc/self/exe", prog, &t->bundle, err, sizeof err) != 0) {
        term_line(stderr, "%s: error: %s", prog, err);
        return 2;
    }
    trk_timing("bundle read");
    /* Every command checks the payload against the trailer's SHA-256 before
     * it reads anything of it: a changed byte could still compile, and the
     * tracker would then report on an agreement nobody signed. */
    if (!bundle_verify(&t->bundle)) {
        term_line(stderr, "%s: error: this tracker is damaged: the agreement it carries does not "
                          "match its SHA-256; rebuild it with 'charterc tracker'", prog);
        bundle_free(&t->bundle);
        t->damaged = true;
        return 2;
    }
    trk_timing("verified");
    t->comp = compile_new();
    t->a = t->comp->arena;
    if (!bundle_index_parse(t->bundle.index, t->a, &t->ix))
        return trk_fail(t, "the agreement this tracker carries is damaged (bad index)");
    t->data_dir = arena_printf(t->a, "./%s-data", t->ix.agreement);
    return 0;
}

/* Maps each declaration's id to its position. */
static void index_ids(HMap *m, Arena *a, Decl *const *decls, int n)
{
    hmap_init_str(m, a, n, true);
    for (int i = 0; i < n; i++)
        hmap_str_put(m, decls[i]->id, strlen(decls[i]->id), i);
}

/* The agreement's own text in the language in use, from the translation
 * the tracker carries (bundle.h), as `charterc doc --lang` gives it; with
 * none, the text as written.  0, or 2 after the messages. */
static int trk_translate(const Trk *t)
{
    if (!t->m || lang_is_english())
        return 0;
    const BundlePo *po = bundle_po(&t->bundle, lang_current()->code);
    if (!po)
        return 0;
    int st = 0;
    Translation *tr = tr_load_text(t->a, &t->comp->sm, &t->comp->diag, po->display, po->lang,
                                   po->text, po->len, &st);
    if (!tr) {
        diag_sort(&t->comp->diag);
        diag_print(&t->comp->diag, stderr, FMT_TEXT, false);
        return trk_fail(t, "the translation %s this tracker carries cannot be read", po->display);
    }
    TextList texts = {0};
    texts_collect(t->a, t->m, t->comp->trees.v, t->comp->trees.n, &texts);
    tr_apply(tr, &texts);
    return 0;
}

int trk_compile(Trk *t)
{
    if (t->m)
        return 0;
    int st = bundle_compile(&t->bundle, t->comp);
    if (st != 0 || !t->comp->model || !t->comp->model->agreement || compile_errors(t->comp) > 0) {
        diag_sort(&t->comp->diag);
        diag_print(&t->comp->diag, stderr, FMT_TEXT, false);
        return trk_fail(t, "the agreement this tracker carries does not compile");
    }
    trk_timing("compiled");
    Model *m = t->m = t->comp->model;
    /* In the language of --lang when it was chosen before compiling
     * (trk_lang does it when it comes after). */
    texts_std_translate(t->a, m);
    if (trk_translate(t) != 0)
        return 2;
    t->ag = m->agreement;
    t->nind = m->indicators.n;
    t->npart = m->partners.n;
    t->nms = m->milestones.n;
    t->ind = m->indicators.v;
    t->part = m->partners.v;
    t->ms = m->milestones.v;
    index_ids(&t->ind_ix, t->a, (Decl *const *)t->ind, t->nind);
    index_ids(&t->part_ix, t->a, (Decl *const *)t->part, t->npart);
    index_ids(&t->ms_ix, t->a, (Decl *const *)t->ms, t->nms);
    return 0;
}

void trk_free(Trk *t)
{
    bundle_index_free(&t->ix);
    compile_free(t->comp);
    bundle_free(&t->bundle);
}

int trk_indicator(const Trk *t, const char *id, size_t len)
{
    return hmap_str_get(&t->ind_ix, id, len);
}

int trk_partner(const Trk *t, const char *id, size_t len)
{
    return hmap_str_get(&t->part_ix, id, len);
}

int trk_milestone(const Trk *t, const char *id, size_t len)
{
    return hmap_str_get(&t->ms_ix, id, len);
}

int trk_indicator_of(const Trk *t, const Indicator *ind)
{
    int i = trk_indicator(t, ind->d.id, strlen(ind->d.id));
    return i >= 0 && t->ind[i] == ind ? i : -1;
}

int trk_partner_of(const Trk *t, const Partner *p)
{
    int i = trk_partner(t, p->d.id, strlen(p->d.id));
    return i >= 0 && t->part[i] == p ? i : -1;
}

static const char *suggest_among(const char *word, Decl *const *decls, int n)
{
    Suggest s;
    suggest_init(&s, word);
    for (int i = 0; i < n; i++)
        suggest_offer(&s, decls[i]->id);
    return suggest_best(&s);
}

const char *trk_suggest_indicator(const Trk *t, const char *word)
{
    return suggest_among(word, (Decl *const *)t->ind, t->nind);
}

const char *trk_suggest_partner(const Trk *t, const char *word)
{
    return suggest_among(word, (Decl *const *)t->part, t->npart);
}

const char *trk_suggest_milestone(const Trk *t, const char *word)
{
    return suggest_among(word, (Decl *const *)t->ms, t->nms);
}

const char *trk_did_you_mean(const Trk *t, const char *suggestion)
{
    return suggestion ? arena_printf(t->a, "; did you mean '%s'?", suggestion) : "";
}

const char *trk_path(const Trk *t, const char *file)
{
    size_t n = strlen(t->data_dir);
    while (n > 1 && t->data_dir[n - 1] == '/')
        n--;
    return arena_printf(t->a, "%.*s/%s", (int)n, t->data_dir, file);
}

/* ---- options -------------------------------------------------------------- */

/* The options of every command; the tracker's usage lists them. */
static const OptSpec common_opts[] = {
    {"data", 'd', true},
    {"allow-extern", 0, false},
    {"help", 'h', false},
};

/* The option parser's messages, escaped as every message is. */
static void opts_error(const char *name, const char *text)
{
    term_line(stderr, "%s: error: %s", name, text);
}

bool trk_args(Trk *t, Opts *a, const OptSpec *specs, int nspecs, int argc, char **argv,
              const char *cmd)
{
    /* `record x -3` records minus three: a negative number is a value. */
    const OptsProgram prog = {t->prog, common_opts, sizeof common_opts / sizeof common_opts[0],
                              true, opts_error};
    if (!opts_parse(a, &prog, cmd, specs, nspecs, argc, argv))
        return false;
    const char *d = opts_get(a, "data");
    if (d) {
        if (!*d) {
            trk_fail(t, "--data needs a folder");
            return false;
        }
        t->data_dir = d;
    }
    if (opts_get(a, "allow-extern"))
        t->allow_extern = true;
    return true;
}

bool trk_date_arg(const Trk *t, const char *text, const char *what, int32_t *out)
{
    if (strcmp(text, "today") == 0) {
        *out = t->today;
        return true;
    }
    if (!date_parse(text, out)) {
        trk_fail(t, "%s '%s' is not a date of the form YYYY-MM-DD (or 'today')", what, text);
        return false;
    }
    return true;
}

bool trk_as_of(const Trk *t, const Opts *a, int32_t *out)
{
    const char *text = opts_get(a, "as-of");
    *out = t->today;
    return !text || trk_date_arg(t, text, "--as-of", out);
}

bool trk_lang(const Trk *t, const Opts *a)
{
    const char *code = opts_get(a, "lang");
    char err[512];
    if (code && !lang_use(code, err, sizeof err)) {
        trk_fail(t, "%s", err);
        return false;
    }
    /* The standard library's names and the agreement's own text in that
     * language, as in the documents (trk_compile does it for a tracker
     * that compiles later). */
    if (t->m) {
        texts_std_translate(t->a, t->m);
        if (trk_translate(t) != 0)
            return false;
    }
    return true;
}

const char *trk_duration_text(const Trk *t, Duration d)
{
    unsigned long n = (unsigned long)(d.n < 0 ? -d.n : d.n);
    const char *f = "%d";
    /* TRANSLATORS: a duration, such as the window of `due` or the rhythm of
     * a meeting in the calendar. */
    switch (d.unit) {
    case DUR_DAY: f = LN_("%1$d day", "%1$d days", n); break;
    case DUR_WEEK: f = LN_("%1$d week", "%1$d weeks", n); break;
    case DUR_MONTH: f = LN_("%1$d month", "%1$d months", n); break;
    case DUR_QUARTER: f = LN_("%1$d quarter", "%1$d quarters", n); break;
    case DUR_YEAR: f = LN_("%1$d year", "%1$d years", n); break;
    }
    return arena_printf(t->a, f, d.n);
}

bool trk_min_cell(Trk *t, const Opts *a)
{
    const char *mc = opts_get(a, "min-cell");
    if (!mc)
        return true;
    char *end;
    long v = strtol(mc, &end, 10);
    if (*mc == '\0' || *end != '\0' || v < 0 || v > 1000000000) {
        trk_fail(t, "--min-cell wants a whole number, not '%s'", mc);
        return false;
    }
    t->min_cell = (int)v;
    t->min_cell_given = true;
    return true;
}
