/* diag.h - every message the compiler prints goes through here.
 *
 * Diagnostics are collected during a compilation, sorted by location and
 * printed at the end in one of four formats (text in the GCC layout, JSON,
 * SARIF 2.1.0, GitHub workflow commands) to any FILE, so tests can capture
 * them. */
#ifndef CHARTER_DIAG_H
#define CHARTER_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "checkid.h"
#include "source.h"

typedef enum Severity { SEV_NOTE, SEV_WARNING, SEV_ERROR } Severity;

typedef enum DiagFormat { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_GITHUB } DiagFormat;

typedef struct Related {
    Span span;
    const char *message;
} Related;

typedef struct Diagnostic {
    CheckId id;             /* the check it is a finding of (checks.def) */
    const char *check;      /* that check's name, as users write it */
    Severity sev;
    Span span;
    const char *subject;    /* "KIND ID", or "file" */
    const char *message;
    const char *hint;       /* printed as a note at the same place; may be NULL */
    const char *fix;        /* the text that replaces the span, when the hint is
                             * that mechanical ("did you mean"); may be NULL */
    VEC(Related) related;
    bool allowed;           /* suppressed by `allow`; kept for the annex */
    const char *allow_reason;
    int seq;                /* emission order, the tie-break when sorting */
} Diagnostic;

typedef struct Diag {
    Arena *arena;
    SrcMgr *sm;
    VEC(Diagnostic *) items;
    int errors;             /* not counting allowed findings */
    int warnings, notes;
    int file_errors_cap;    /* language errors kept per file (50; 0: no cap) */
    VEC(int) file_errors;   /* language errors reported so far, by file */
} Diag;

void diag_init(Diag *d, Arena *a, SrcMgr *sm);
/* Reports a finding of check `check` with that check's severity (an error
 * for every language error).  `subject` is "KIND ID", or NULL for a finding
 * about the file. */
Diagnostic *diag_report(Diag *d, CheckId check, Span span, const char *subject,
                        const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void diag_hint(Diag *d, Diagnostic *g, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The hint "did you mean 'WORD'?", and WORD as the fix of the finding's
 * span, which must be the misspelt word and nothing else. */
void diag_suggest(Diag *d, Diagnostic *g, const char *word);
/* The hint "write TEXT", and TEXT as the fix of the finding's span, which
 * must be on one line: a correction as mechanical as a suggestion (the
 * string in straight quotes for one in typographic quotes). */
void diag_replace(Diag *d, Diagnostic *g, const char *text);
void diag_related(Diag *d, Diagnostic *g, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Marks a finding allowed, moving it out of the counts. */
void diag_allow(Diag *d, Diagnostic *g, const char *reason);
/* Turns every warning into an error (--strict). */
void diag_strict(Diag *d);
/* Stable sort by file, then offset, then emission order. */
void diag_sort(Diag *d);
/* Number of error diagnostics of the language-error family in file `file`. */
int diag_count_in_file(const Diag *d, uint32_t file);

void diag_print(const Diag *d, FILE *out, DiagFormat fmt, bool color);
void diag_print_one(const Diag *d, const Diagnostic *g, FILE *out, bool color);

/* Whether colour is wanted for `f` given --color=auto|always|never. */
bool diag_want_color(const char *mode, FILE *f);

#endif
