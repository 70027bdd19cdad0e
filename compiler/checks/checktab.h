/* checktab.h - the table of every check, made from checks.def: name,
 * family, severity and reference text, indexed by CheckId.  Diagnostics,
 * `allow`, `explain`, SARIF rules and docs/checks.md all read it.  It
 * holds data only; the functions that run the checks are checks.c's. */
#ifndef CHARTER_CHECKTAB_H
#define CHARTER_CHECKTAB_H

#include "buf.h"
#include "checkid.h"
#include "diag.h"

typedef enum CheckFamily {
    CF_LANGUAGE,    /* language errors: always errors, cannot be allowed */
    CF_GAP,         /* something the agreement needs is missing */
    CF_CONFLICT     /* two parts of the agreement disagree */
} CheckFamily;

typedef struct CheckInfo {
    const char *name;       /* what users write: `allow NAME`, `explain NAME` */
    CheckFamily family;
    Severity sev;           /* default severity */
    const char *summary;    /* one line: what it finds */
    const char *why;        /* why it matters */
    const char *fix;        /* how to fix it, or allow it */
    const char *example;    /* a small agreement fragment that triggers it */
} CheckInfo;

/* In the order of checks.def: check_table[CHECK_X] is check X. */
extern const CheckInfo check_table[CHECK_COUNT];

/* The check a user names (`allow NAME`, `explain NAME`), or NULL. */
const CheckInfo *check_find(const char *name);
/* The family a user names in `explain --list FAMILY`: "language", "gap"
 * or "conflict"; -1 for any other word. */
int check_family_find(const char *word);
/* The reference text `charterc explain NAME` prints. */
void check_reference(const CheckInfo *c, Buf *out);
/* The whole reference as Markdown: docs/checks.md is this text
 * (`charterc explain --markdown`, `make docs`). */
void check_reference_markdown(Buf *out);

#endif
