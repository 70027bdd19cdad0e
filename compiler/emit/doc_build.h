/* doc_build.h - `charterc build`: every output of an agreement in one
 * folder, with an index page.
 *
 * The folder holds agreement.md, agreement.html and agreement.docx, a
 * commitment sheet per partner (partner-ID.md and partner-ID.html),
 * schedule.svg, network.dot,
 * network.svg (when Graphviz is installed), ID-tracker (the executable
 * tracker, written by bundle.h) and index.html, which links them all.
 * Each file is written atomically and left alone when its content would
 * not change. */
#ifndef CHARTER_DOC_BUILD_H
#define CHARTER_DOC_BUILD_H

#include <stdbool.h>

#include "buf.h"
#include "compile.h"

typedef struct BuildFile {
    const char *name;       /* relative to the folder: "agreement.html" */
    const char *group;      /* "agreement", "sheet", "picture", "tracker" */
    const char *title;      /* link text, generated (no user text) */
    const char *what;       /* one line saying what it is, generated */
    const char *partner;    /* the partner's id, for sheets; else NULL */
} BuildFile;

typedef struct Build {
    Compilation *c;
    const char *dir;        /* the folder, without a trailing slash */
    VEC(BuildFile) files;
    int written, unchanged;
    int findings, allowed;  /* of the checks, for the index */
} Build;

/* Writes `content` to DIR/name and lists it in the index.  Returns 0, or
 * prints why on stderr and returns 2. */
int build_write(Build *b, const char *name, const Buf *content, const char *group,
                const char *title, const char *what);

/* Runs the whole build into `dir` (created when missing); the model must
 * have no language errors.  `epoch` is the time the Word file records
 * (doc_render_docx).  With `second`, the same agreement compiled again
 * for the language `second_lang` (doc_bi.h), the documents are in two
 * languages: agreement.html, agreement.docx and each partner-ID.html side
 * by side (the language in use on the left), agreement.LANG.md and
 * partner-ID.LANG.md once per language; the pictures and the index in the
 * language in use.  Returns the exit status. */
int build_all(Compilation *c, Compilation *second, const char *second_lang, const char *dir,
              long long epoch);

#endif
