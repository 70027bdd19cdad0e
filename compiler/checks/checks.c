/* checks.c - the check driver: runs the families and applies `allow`. */
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

Diagnostic *check_report(CheckCtx *x, const char *name, const Decl *subject,
                         const AllowList *allows, Span span, const char *fmt, ...)
{
    const CheckInfo *ci = check_find(name);
    Severity sev = ci ? ci->sev : SEV_WARNING;
    const Decl *subj = subject ? subject : (const Decl *)x->m->agreement;
    va_list ap;
    va_start(ap, fmt);
    char *msg = arena_vprintf(x->c->arena, fmt, ap);
    va_end(ap);
    Diagnostic *g = diag_report(&x->c->diag, sev, name, span,
                                subj ? subj->subject : "file", "%s", msg);
    /* An allow in the declaration, then in the subject's extra list, then
     * at the top of the file the subject is in. */
    Allow *al = subj ? find_allow((AllowList *)&subj->allows, name) : NULL;
    if (!al)
        al = find_allow((AllowList *)allows, name);
    uint32_t file = subj ? subj->file : span.file;
    for (int i = 0; !al && i < x->m->file_allows.n; i++)
        if (x->m->file_allows.v[i].file == file)
            al = find_allow(&x->m->file_allows.v[i].allows, name);
    if (al) {
        al->used = true;
        diag_allow(&x->c->diag, g, al->reason);
    }
    return g;
}

void checks_run(Compilation *c, Model *m, const CheckOptions *o)
{
    CheckCtx x = {c, m, o};
    checks_gaps(&x);
    checks_conflicts(&x);
}
