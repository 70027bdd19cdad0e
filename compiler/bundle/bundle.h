/* bundle.h - the agreement carried by a tracker executable (bundle_):
 * written by charterc, read by the runtime, described here once.
 *
 * `charterc tracker FILE -o NAME` (and `charterc build`) copies the
 * runtime program and appends the sources it compiled: the root file, the
 * files it uses and the prelude, each with the real path and display name
 * it had.  At start-up the runtime reads them back from /proc/self/exe
 * and compiles them again with bundle_compile(), so the tracker needs
 * neither the source files nor a C compiler.
 *
 * Layout (integers little-endian):
 *
 *   [program][payload][trailer]
 *   payload: "CHBUNDL3", u32 nfiles,
 *            nfiles x (u32 flags, str real, str display, u64 len, text,
 *                      u64 len, view, 2 NUL bytes, u64 len, tree),
 *            str stdlib, str index,        str = u32 length, bytes
 *            u32 ntranslations,
 *            ntranslations x (str lang, str display, u64 len, text)
 *   trailer: 128 bytes: magic "CHARTER-TRACKER1", u64 payload offset,
 *            u64 payload length, the SHA-256 of the payload (32 bytes),
 *            the compiler version (32 bytes, NUL-padded), 32 zero bytes.
 *
 * The first file is the root; flags has BUNDLE_FILE_STD for a file of the
 * standard library.  stdlib is the standard library folder the agreement
 * was compiled with (the prelude is found there by its real path).  The
 * SHA-256 covers every source with its path, so two trackers with equal
 * hashes carry the same agreement.
 *
 * A view is the file as the tracker compiles it: without the declarations
 * it never reads (activities, tensions, partners' blocks but for their
 * `joins` and `leaves`), each replaced
 * by its line breaks so that lines keep their numbers.  The writer checks
 * that the views compile to a model with the same index; when they do
 * not, the views are the sources themselves.
 *
 * A view is followed by two NUL bytes (not counted in its length), as the
 * compiler keeps a file's text: the tracker compiles the view where it
 * lies in the payload instead of copying it (MemFile.terminated).
 *
 * A tree is the syntax tree of the view as compiler/front/ast_pack.h
 * writes it, which the tracker reads back instead of lexing and parsing
 * the view at every start (a third of an empty ledger's start-up on a
 * large agreement); the view stays, for the lines that messages quote.
 * The writer checks that the views compile from their trees to the same
 * index; a tree of length 0 (one that could not be carried) is parsed.
 *
 * The translations are the PO files of the agreement's own text that lie
 * beside its root file when the tracker is made, FILE.LANG.po for each
 * language Charter ships but English (translation.h), as they are; the
 * tracker reads the one of its --lang after compiling, as `charterc doc
 * --lang` reads it from the disk.
 *
 * The index is what reading the observations needs to know about the
 * agreement, so that the runtime can start reading the ledger while it
 * compiles the sources again; it then checks that the model it compiled
 * gives the same index.  One line per item (identifiers never hold
 * spaces):
 *
 *   A AGREEMENT
 *   D DIMENSION VALUE...
 *   P PARTNER JOINS LEAVES
 *   I INDICATOR DERIVED ANCHOR FREQ_N FREQ_UNIT HISTORY R REPORTER... M DIM... E DATE...
 *
 * A P line is written for each partner with a `joins` or `leaves` date
 * (the reader skips it: it is there so that a view that lost the
 * membership, which the view keeps in the partner's block, does not match).
 * DERIVED and HISTORY are 0 or 1 (HISTORY: a formula reads the
 * indicator's whole series, its targets are totals over a span, or it
 * has targets for breakdown cells, or it is the `denominator` of a rate
 * that has); ANCHOR (the first day of the reporting
 * periods: the baseline's date, else the term's start) and each DATE are
 * day numbers since 1970-01-01, `-` for none; FREQ_UNIT is a DurUnit; a
 * DIM is the number of a D line; an E date is the due date of a milestone
 * whose requirement reads the indicator (directly or through formulas),
 * `-` for one without a due date (read at the as-of date). */
#ifndef CHARTER_BUNDLE_H
#define CHARTER_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "compile.h"
#include "date.h"
#include "hmap.h"

#define BUNDLE_PAYLOAD_MAGIC "CHBUNDL3"         /* written without its NUL */
#define BUNDLE_TRAILER_MAGIC "CHARTER-TRACKER1" /* written without its NUL */
#define BUNDLE_TRAILER_SIZE 128
#define BUNDLE_FILE_STD 2u      /* flags: part of the standard library */

/* ---- writing (charterc) -------------------------------------------------- */

/* Appends the payload and trailer for the files of compilation `c` (root
 * first) to `out`, which holds the program; *hex gets the hash. */
void bundle_append(Buf *out, const Compilation *c, char hex[65]);
/* The runtime program a tracker is made of: $CHARTER_RUNTIME, else
 * charter-runtime beside the running program (the build tree's bin/) or
 * in ../lib/charter/ (installed).  0 with its path in `out`, or -1 with
 * one sentence in err. */
int bundle_find_runtime(char *out, size_t size, char *err, size_t errsize);
/* Writes the tracker of compilation `c` (which has no language errors):
 * the program `runtime` with the bundle appended, to `path`, whole or not
 * at all, executable; an identical file is left alone (*changed false).
 * hex gets the SHA-256 of the payload.  0, or -1 with one sentence in err
 * ("cannot write PATH: ..."). */
int bundle_write_tracker(const Compilation *c, const char *runtime, const char *path,
                         bool *changed, char hex[65], char *err, size_t errsize);

/* ---- reading (the runtime) ----------------------------------------------- */

/* A translation of the agreement's text the bundle carries. */
typedef struct BundlePo {
    const char *lang;           /* "fr" */
    const char *display;        /* the file's name as the root's: "riverbend.fr.po" */
    const char *text;           /* the PO file, in the payload */
    size_t len;
} BundlePo;

typedef struct Bundle {
    MemFile *files;             /* files[0] is the root */
    MemFile *views;             /* the same files as the tracker compiles them */
    uint32_t *flags;
    int nfiles;
    const char *stdlib;         /* the standard library folder it was compiled with */
    const char *index;          /* bundle_index() of the model */
    BundlePo *po;               /* the translations, in the order of lang_all() */
    int npo;
    uint8_t sha256[32];         /* as recorded in the trailer */
    char version[33];           /* of the compiler that made it */
    uint64_t offset, length;    /* of the payload in the file */
    const char *payload;        /* the payload, mapped or read; texts point into it */
    void *map;                  /* the mapping that holds it (map_len bytes), or NULL */
    size_t map_len;
    char *copy;                 /* or the malloc'd copy, where the file could not be mapped */
    char *names;                /* the paths, NUL-terminated */
} Bundle;

/* Reads the bundle at the end of the file `path`, which messages call
 * `name`.  Returns 0, or -1 with one sentence in err ("NAME carries no
 * agreement: ..."). */
int bundle_read(const char *path, const char *name, Bundle *b, char *err, size_t errsize);
/* Compiles the views of the bundle read into b into `c` (nothing is read
 * from disk): 0, or 2 when the root is missing; findings are in c->diag. */
int bundle_compile(const Bundle *b, Compilation *c);
/* Whether the payload still hashes to the trailer's SHA-256. */
bool bundle_verify(const Bundle *b);
/* The translation into `lang` the bundle carries, or NULL. */
const BundlePo *bundle_po(const Bundle *b, const char *lang);
void bundle_free(Bundle *b);

/* ---- the index (both) ---------------------------------------------------- */

/* The index of a model, as above.  charterc writes it into the bundle;
 * the runtime writes it again from the model it compiled and compares. */
void bundle_index(const Model *m, Buf *out);
/* Whether model m gives exactly the index `index`: the views compiled
 * again are the agreement the index was written from. */
bool bundle_index_matches(const Model *m, const char *index);

/* The index, parsed: a D line. */
typedef struct BundleDim {
    const char *id;
    const char **values;
    int nvalues;
} BundleDim;

/* An I line: one per indicator of the model, in its order. */
typedef struct BundleInd {
    const char *id;
    bool derived;
    bool history;
    int32_t anchor;
    Duration freq;
    int nrep;
    const char **rep;           /* the reporters' ids */
    uint32_t *replen;
    int ndims;
    int dims[8];                /* into BundleIndex.dims */
    int ndue;
    int32_t *due;               /* DATE_NONE: read at the as-of date */
} BundleInd;

typedef struct BundleIndex {
    const char *agreement;
    BundleDim *dims;
    int ndims;
    BundleInd *ind;
    int nind;
    HMap map;                   /* indicator id -> index */
} BundleIndex;

/* Parses bundle_index() text into ix (strings and arrays in `a`); false
 * when it is damaged.  bundle_index_free() frees the map. */
bool bundle_index_parse(const char *text, Arena *a, BundleIndex *ix);
void bundle_index_free(BundleIndex *ix);

#endif
