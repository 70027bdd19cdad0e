/* checks.h - the gap and conflict checks over a resolved model.
 *
 * Every check is a row of checks.def (its id, name, family, severity,
 * reference text and function) and a small function over the model in a
 * file of its family: gaps.c and gaps_partners.c for the gaps; schedule.c,
 * measure.c, resources.c and partners.c for the conflicts; translations.c
 * for the two checks of translations, which run only with --lang.  checks_run()
 * runs the functions in the order of checks.def.  A check reports through
 * check_report(), which applies `allow` and the severity of the table. */
#ifndef CHARTER_CHECKS_H
#define CHARTER_CHECKS_H

#include <stdbool.h>

#include "checkid.h"
#include "compile.h"

typedef struct CheckOptions {
    int max_indicators;     /* too_many_indicators, default 15 */
    int min_sectors;        /* sector_diversity, default 2 */
    double max_share;       /* hierarchy_concentration, default 50 (percent) */
    bool strict;            /* every warning becomes an error */
    /* check --lang: the translations to check (translation.h); NULL
     * without --lang, and translation_missing and translation_stale do
     * not run. */
    const struct Translation *tr;
} CheckOptions;

typedef struct CheckCtx {
    Compilation *c;
    Model *m;
    const CheckOptions *o;
    /* For what a check needs only while it runs (its maps, its sorted
     * records, its work arrays): made before each check and freed after
     * it, so that they are not part of the compilation's peak (in c's
     * arena they were 10 MB of a 12 MB agreement's 122 MB).  Nothing a
     * finding keeps may live here: messages go to c's arena. */
    Arena *scratch;
} CheckCtx;

void checks_default_options(CheckOptions *o);
/* Runs every check over the model, adding findings to c->diag; findings
 * covered by an `allow` are kept but marked allowed. */
void checks_run(Compilation *c, Model *m, const CheckOptions *o);

/* Reports a finding of check `check` about declaration `subject` (NULL:
 * the agreement as a whole) at `span`.  `allows` is the extra allow list
 * of a subject that is not a Decl (a tension), or NULL.  Returns the
 * diagnostic so the caller can add related locations and a hint. */
Diagnostic *check_report(CheckCtx *x, CheckId check, const Decl *subject,
                         const AllowList *allows, Span span, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* The function of every check, declared from its row of checks.def. */
#define CHECK(id, name, family, severity, function, summary, why, fix, example) \
    void function(CheckCtx *x);
#include "checks.def"

#endif
