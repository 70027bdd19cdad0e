/* checks.c - the check driver: runs the checks in the order of checks.def
 * and applies `allow` to their findings. */
#include "checks.h"

#include <stdarg.h>
#include <string.h>

#include "checktab.h"

void checks_default_options(CheckOptions *o)
{
    o->max_indicators = 15;
    o->min_sectors = 2;
    o->max_share = 50;
    o->strict = false;
    o->tr = NULL;
}

static Allow *find_allow(AllowList *l, const char *name)
{
    if (!l)
        return NULL;
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->v[i].check, name) == 0)
            return &l->v[i];
    return NULL;
}

Diagnostic *check_report(CheckCtx *x, CheckId check, const Decl *subject,
                         const AllowList *allows, Span span, const char *fmt, ...)
{
    const char *name = check_table[check].name;
    const Decl *subj = subject ? subject : (const Decl *)x->m->agreement;
    va_list ap;
    va_start(ap, fmt);
    char *msg = arena_vprintf(x->c->arena, fmt, ap);
    va_end(ap);
    Diagnostic *g = diag_report(&x->c->diag, check, span,
                                subj ? model_decl_subject(x->c->arena, subj) : "file", "%s", msg);
    /* An allow in the declaration, then in the subject's extra list, then
     * at the top of the file the subject is in. */
    Allow *al = subj ? find_allow((AllowList *)&subj->allows, name) : NULL;
    if (!al)
        al = find_allow((AllowList *)allows, name);
    /* A subject the prelude declares (a topic no clause covers) is allowed
     * in the file where the finding points. */
    uint32_t file = subj && !subj->is_std ? subj->span.file : span.file;
    for (int i = 0; !al && i < x->m->file_allows.n; i++)
        if (x->m->file_allows.v[i].file == file)
            al = find_allow(&x->m->file_allows.v[i].allows, name);
    if (al) {
        al->used = true;
        diag_allow(&x->c->diag, g, al->reason);
    }
    return g;
}

/* The function of every check with its family, in the order of checks.def. */
static const struct {
    CheckFamily family;
    void (*run)(CheckCtx *x);
} runs[] = {
#define CHECK(id, name, family, severity, function, summary, why, fix, example) \
    {CF_##family, function},
#include "checks.def"
};

void checks_run(Compilation *c, Model *m, const CheckOptions *o)
{
    /* One scratch arena, reset after each check: the two resource checks
     * take 2.6 MB each on the dense benchmark agreement, and the second
     * reuses the first's pages. */
    CheckCtx x = {c, m, o, arena_new()};
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        /* Without an agreement, missing_agreement was reported and the
         * gaps, which all ask what the agreement lacks, have no subject. */
        if (runs[i].family == CF_GAP && (!m || !m->agreement))
            continue;
        runs[i].run(&x);
        arena_reset(x.scratch);
    }
    arena_free(x.scratch);
}
