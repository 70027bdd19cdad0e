/* obs.h - reading the observations ledger for the scorecard (obs_).
 *
 * `status` must stay fast and small on a ledger of millions of rows, so
 * this reader streams observations.csv once and keeps, for each indicator
 * and reporter, only what the scorecard asks for before the scan:
 * - the latest total on or before each evaluation date of the indicator
 *   (as-of, and the dates its milestones' requirements are read at);
 * - the latest sum of full breakdown cells (a value for every dimension of
 *   the indicator), used as the total when a reporter sends only cells;
 * - which reporting periods have a report (a bitset, for missing reports);
 * - every row, only for indicators whose series a formula reads, or when
 *   the caller asks for all rows (the dashboard's charts).
 * Memory therefore grows with the agreement, never with the ledger.
 *
 * The file is split in two halves read by two threads when it is large;
 * a record is parsed by a fast path (no quote in the line) or by a full
 * RFC 4180 parser.  Rows that are not valid (unknown indicator, reporter,
 * bad date or number, ...) are skipped and counted: `validate` explains
 * them.  Rows dated after the as-of date are ignored. */
#ifndef CHARTER_OBS_H
#define CHARTER_OBS_H

#include <stdbool.h>
#include <stdint.h>

#include "trk.h"

/* The latest values on or before one evaluation date. */
typedef struct ObsSlot {
    int32_t tdate;          /* date of the latest total; DATE_NONE: none */
    int32_t cdate;          /* date of the latest full cells; DATE_NONE: none */
    double total;
    double csum;            /* the sum of the full cells of cdate */
} ObsSlot;

/* One row kept for a series or a chart. */
typedef struct ObsRow {
    int32_t date;
    int32_t cell;           /* -1: a total; else the cell's code (obs_cell_value) */
    double value;
} ObsRow;

typedef struct ObsSeries {
    ObsSlot *slot;          /* [neval] */
    uint64_t *bits;         /* periods with a report */
    ObsRow *rows;
    int nrows, caprows;
} ObsSeries;

typedef struct ObsInd {
    int32_t *evals;         /* evaluation dates; evals[0] is the as-of date */
    int neval;
    bool history;           /* keep every total and full-cell row */
    int32_t anchor;         /* reporting periods, when nper > 0 */
    Duration freq;
    int nper;
    int nrep;
    ObsSeries *s;           /* [nrep], in the order of `reported_by` */
    /* Breakdowns: cell code = sum of (value index + 1) * mul[k] over the
     * indicator's dimensions k; ncells = product of (values + 1). */
    int32_t mul[8];
    int ndims;
} ObsInd;

typedef struct Obs {
    Trk *t;
    int32_t as_of;
    bool all_rows;          /* keep every row of every indicator */
    ObsInd *ind;            /* [t->nind] */
    long rows;              /* data rows read */
    long skipped;           /* not valid: see `validate` */
    long future;            /* dated after as_of */
    bool missing;           /* the file does not exist */
} Obs;

/* Prepares the reader: one evaluation date (as_of) per indicator, periods
 * from each indicator's baseline date (or the agreement's start). */
void obs_init(Obs *o, Trk *t, int32_t as_of, bool all_rows);
/* Asks for the latest values on or before `date` too. */
void obs_add_eval(Obs *o, int ind, int32_t date);
void obs_want_history(Obs *o, int ind);
/* Streams the file.  0, or 2 after printing why it cannot be read. */
int obs_scan(Obs *o, const char *path, int threads);
void obs_free(Obs *o);
/* The slot of evaluation date `date` (which must have been asked for). */
const ObsSlot *obs_slot(const Obs *o, int ind, int rep, int32_t date);
/* Whether `code` is a cell with a value for every dimension. */
bool obs_full_cell(const ObsInd *oi, int32_t code);
/* The value index (0-based) of dimension k in a cell, -1 when unspecified. */
int obs_cell_value(const ObsInd *oi, int32_t code, int k);
/* Number of periods with a report of series (ind, rep). */
int obs_periods_reported(const Obs *o, int ind, int rep);

#endif
