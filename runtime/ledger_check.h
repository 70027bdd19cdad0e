/* ledger_check.h - checking data rows against the agreement, against each
 * other and against the ledger (lcheck_), for validate, import, record
 * and done (ledger.h says what a data file holds).
 *
 * An LCheck collects the rows of one kind (observations or events) from
 * one or more sources (files, or the command line) and every message
 * about them; nothing is printed until lcheck_print, which sorts the
 * messages by file and line.  A bad row is counted and left out; a row
 * that repeats an earlier one with the same value is kept but marked
 * `dup` (it is not written again). */
#ifndef CHARTER_LEDGER_CHECK_H
#define CHARTER_LEDGER_CHECK_H

#include "csv.h"
#include "trk.h"

typedef enum LCheckKind { LC_OBS, LC_EVENTS } LCheckKind;

/* The columns a file of each kind may have: the fixed ones, then (for
 * observations) one per dimension of the agreement, then the audit
 * columns from LCheck.aud on (ledger.h): observations `correction`,
 * `reason`, `recorded`; events `reason`. */
enum { LC_ID, LC_DATE, LC_VALUE, LC_WHO, LC_NOTE, LC_DIM0 };
/* The audit columns, as offsets from LCheck.aud (events have only the
 * reason, at offset 0). */
enum { LC_AUD_CORR, LC_AUD_REASON, LC_AUD_RECORDED, LC_AUD_COUNT };

/* What a row does: an observation reports, corrects or retracts; an
 * event closes (done, cancelled) or reopens. */
typedef enum LCheckAct {
    LC_REPORT, LC_CORRECT, LC_RETRACT,
    LC_DONE, LC_CANCELLED, LC_REOPENED
} LCheckAct;

typedef struct LCheckMsg {
    int src;
    long line;
    int seq;
    const char *text;
} LCheckMsg;

typedef struct LCheckRow {
    const char **val;           /* [ncols] texts, "" when empty */
    const char *key;            /* what makes two rows the same report */
    double value;               /* observations: the value (none for a retraction) */
    LCheckAct act;
    int32_t date;
    int src;
    long line;
    bool dup;                   /* already in the ledger with the same value */
} LCheckRow;

typedef struct LCheck {
    Trk *t;
    LCheckKind kind;
    int ncols;
    int aud;                    /* the first audit column (see LC_AUD_*) */
    const char **cols;          /* column names by id */
    VEC(const char *) srcs;     /* display names of the sources */
    VEC(bool) cmdline;          /* a source that is the command line */
    VEC(LCheckMsg) msgs;
    VEC(LCheckRow) rows;
    VEC(LCheckRow) prior;       /* the ledger's rows with a key of `rows` */
    HMap keys;                  /* key -> first row with it */
    /* "; did you mean ...?" of each distinct bad value, by kind and
     * value: a suggestion compares the value with every name of its kind,
     * so 20,001 rows with one misspelt partner among 3,300 cost one. */
    HMap dym;                   /* "KIND\x1fvalue" -> index in dym_text */
    VEC(const char *) dym_text;
    const char **reporters;     /* [nind] the reporters' list of a message, made once */
    long nrows, bad_rows;
    long ledger_bad;            /* lines of the ledger file that do not parse */
    bool fatal;                 /* a file could not be read at all */
} LCheck;

void lcheck_init(LCheck *c, Trk *t, LCheckKind kind);
void lcheck_free(LCheck *c);
/* A source of rows, by its display name; returns its number. */
int lcheck_add_src(LCheck *c, const char *name, bool cmdline);
/* Prints the messages in file and line order; returns how many. */
int lcheck_print(LCheck *c);

/* Checks the texts of one row; returns whether it is good, with its key. */
bool lcheck_row(LCheck *c, LCheckRow *r);
/* Adds a good row (after lcheck_row). */
void lcheck_add(LCheck *c, const LCheckRow *r);
/* The text of audit column `which` (LC_AUD_*) of a row, "" when its kind
 * has no such column. */
const char *lcheck_audit(const LCheck *c, const LCheckRow *r, int which);
/* Checks the rows of each key in order, after the ledger's (`prior`):
 * the same report twice is a `dup`; a second, different report is bad; a
 * correction or retraction needs a report of its key before it (and a
 * retraction one still standing); an event cannot close a milestone
 * that is closed, nor reopen one that is open.  Linear in the rows. */
void lcheck_finish(LCheck *c);
/* The kind of a file from its header (observations name an indicator
 * column, events a milestone column), else from its name; -1 when
 * neither (reported), -2 when it cannot be read (reported). */
int lcheck_file_kind(Trk *t, const char *path);
/* Checks every row of a data file and adds the good ones. */
void lcheck_file(LCheck *c, const char *path);
/* Reads the ledger file at path (source src) for the rows with a key of
 * the new rows, into `prior`, for lcheck_finish.
 * A line of the ledger that does not parse as CSV (an unclosed quote left
 * by a hand edit, which would swallow every row appended after it) is
 * reported with its line and counted in ledger_bad: nothing may be
 * appended until it is fixed.  Linear in the ledger and the rows. */
void lcheck_against(LCheck *c, const char *path, int src);

#endif
