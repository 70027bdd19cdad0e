/* trk.h - what every command of the tracker shares (trk_).
 *
 * A tracker is the runtime program with an agreement appended (bundle.h).
 * trk_load() reads that agreement from /proc/self/exe, compiles it again
 * with the front end (bundle_compile) and indexes the model: indicators,
 * partners and milestones by id.  Only the root agreement and the files it
 * brings in with a plain `use` are tracked; a parent agreement reached
 * through `use ... as NAME` is not.
 *
 * Messages go to standard error as "PROG: error: ...", data to standard
 * output.  Exit status: 0 success, 1 the data have errors, 2 the command
 * could not run. */
#ifndef CHARTER_TRK_H
#define CHARTER_TRK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core.h"    /* all the runtime uses of the compiler */
#include "obs.h"
#include "opts.h"

/* ---- the tracker --------------------------------------------------------- */

typedef struct Trk {
    const char *prog;           /* the name it was run as */
    Bundle bundle;
    BundleIndex ix;                /* the bundle's index, usable before compiling */
    Compilation *comp;
    Model *m;
    Agreement *ag;
    Arena *a;                   /* lives as long as the tracker */
    int nind, npart, nms;
    Indicator **ind;
    Partner **part;
    Milestone **ms;
    HMap ind_ix, part_ix, ms_ix;  /* id -> index (in the arena) */
    const char *data_dir;       /* --data, default ./ID-data */
    bool allow_extern;
    int min_cell;               /* personal data below it are hidden: --min-cell, else
                                   governance min_cell (once compiled), else TRK_MIN_CELL */
    bool min_cell_given;        /* --min-cell was given */
    int32_t today;
    bool damaged;               /* trk_load refused: the payload fails its SHA-256 */
} Trk;

/* Reads the agreement this program carries, verifies it against its
 * SHA-256 and reads its index.  0, or 2 after printing why (t->damaged
 * when the payload does not match its hash). */
int trk_load(Trk *t, const char *prog);
/* Compiles it (once) and indexes the model.  0, or 2 after printing why. */
int trk_compile(Trk *t);
void trk_free(Trk *t);

/* Index of an indicator, partner or milestone by id; -1 when unknown. */
int trk_indicator(const Trk *t, const char *id, size_t len);
int trk_partner(const Trk *t, const char *id, size_t len);
int trk_milestone(const Trk *t, const char *id, size_t len);
/* The index of a tracked indicator, or -1 (e.g. one of a parent agreement). */
int trk_indicator_of(const Trk *t, const Indicator *ind);
int trk_partner_of(const Trk *t, const Partner *p);
/* The closest id of the kind to a misspelt one, or NULL. */
const char *trk_suggest_indicator(const Trk *t, const char *word);
const char *trk_suggest_partner(const Trk *t, const char *word);
const char *trk_suggest_milestone(const Trk *t, const char *word);
/* "; did you mean 'SUGGESTION'?" to end a message, or "" when suggestion
 * is NULL (in the tracker's arena). */
const char *trk_did_you_mean(const Trk *t, const char *suggestion);

/* "PROG: error: ..." (returns 2), "PROG: warning: ...", "PROG: ...". */
int trk_fail(const Trk *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void trk_warn(const Trk *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void trk_note(const Trk *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "DIR/observations.csv" etc., allocated in the tracker's arena. */
const char *trk_path(const Trk *t, const char *file);

/* ---- options ------------------------------------------------------------- */

/* Parses argv[1..] of command `cmd` (opts.h) against specs and the options
 * every command takes (--data, --allow-extern, --help), and applies --data
 * and --allow-extern to t; false after a message. */
bool trk_args(Trk *t, Opts *a, const OptSpec *specs, int nspecs, int argc, char **argv,
              const char *cmd);
/* A date option (YYYY-MM-DD or "today"); false after a message. */
bool trk_date_arg(const Trk *t, const char *text, const char *what, int32_t *out);
/* The --as-of option, as trk_date_arg; today when it is absent. */
bool trk_as_of(const Trk *t, const Opts *a, int32_t *out);
/* The --min-cell option of the commands that show values into t->min_cell
 * (when it is absent, the agreement's governance `min_cell` once it is
 * compiled, else TRK_MIN_CELL); false after a message. */
#define TRK_MIN_CELL 5
bool trk_min_cell(Trk *t, const Opts *a);
/* The --lang option of the commands that write for people (status,
 * report, due, calendar): the language of their fixed text, dates and
 * numbers (lang.h; English when absent).  The catalogues are looked up as
 * charterc's are (lang_localedir(): $CHARTER_LOCALEDIR, else the folder
 * of an installed Charter), since a tracker copied elsewhere carries the
 * agreement but not the translations.  False after a message (exit 2)
 * for a language Charter does not ship or whose catalogue is missing. */
bool trk_lang(const Trk *t, const Opts *a);
/* A duration for people in the language chosen: "30 days", "1 month". */
const char *trk_duration_text(const Trk *t, Duration d);

/* With $CHARTER_TIMING set, prints the time since start-up of a phase on
 * standard error (for the benchmarks). */
void trk_timing(const char *phase);

#endif
