/* checktab.h - the one table of every check: name, family, severity and
 * reference text.  `allow`, `explain`, SARIF rules and docs/checks.md all
 * read it.  Adding a check touches this table and the file of its family. */
#ifndef CHARTER_CHECKTAB_H
#define CHARTER_CHECKTAB_H

#include "buf.h"
#include "diag.h"

typedef enum CheckFamily {
    CF_LANGUAGE,    /* language errors: always errors, cannot be allowed */
    CF_GAP,         /* something the agreement needs is missing */
    CF_CONFLICT     /* two parts of the agreement disagree */
} CheckFamily;

typedef struct CheckInfo {
    const char *name;
    CheckFamily family;
    Severity sev;           /* default severity */
    const char *summary;    /* one line: what it finds */
    const char *why;        /* why it matters */
    const char *fix;        /* how to fix it, or allow it */
    const char *example;    /* a small agreement fragment that triggers it */
} CheckInfo;

extern const CheckInfo check_table[];
extern const int check_count;

const CheckInfo *check_find(const char *name);
/* The reference text `charterc explain NAME` prints. */
void check_reference(const CheckInfo *c, Buf *out);
/* The whole reference as Markdown: docs/checks.md is this text
 * (`charterc explain --markdown`, `make docs`). */
void check_reference_markdown(Buf *out);

#endif
