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
 * What the reader needs to know of the agreement comes from the index the
 * tracker carries (BundleIndex, bundle.h), so it can read the ledger while the
 * agreement is being compiled again (obs_start, then obs_finish).
 *
 * The file is split in two halves read by two threads when it is large
 * (obs_scan.c reads each); a record is parsed by a fast path (no quote in
 * the line) or by a full RFC 4180 parser.  Rows that are not valid (unknown indicator, reporter,
 * bad date or number, ...) are skipped and counted: `validate` explains
 * them.  Rows dated after the as-of date are ignored. */
#ifndef CHARTER_OBS_H
#define CHARTER_OBS_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"
#include "bundle.h"
#include "hmap.h"

/* The latest values on or before one evaluation date. */
typedef struct ObsSlot {
    int32_t tdate;          /* date of the latest total; DATE_NONE: none */
    int32_t cdate;          /* date of the latest full cells; DATE_NONE: none */
    double total;
    double csum;            /* the sum of the full cells of cdate */
} ObsSlot;

/* The latest values of one reporter in each of the last OBS_RING
 * reporting periods it reported in (a ring per reporter), for the trend
 * and the forecast of the scorecard (results.h): OBS_RING ObsSlots in
 * Obs.ring and their periods, packed, in Obs.ring_per (-1: empty).  The
 * periods are kept apart so that finding a row's entry reads one 32-byte
 * line, and the entries are 24 bytes, three lines a ring: the rings are
 * most of what a scan touches, and a row's reporter is anyone's. */
#define OBS_RING 8

/* One row kept for a series or a chart. */
typedef struct ObsRow {
    int32_t date;
    int32_t cell;           /* -1: a total; else the cell's code (obs_cell_value) */
    double value;
} ObsRow;

/* The rows kept of one (indicator, reporter). */
typedef struct ObsSeries {
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
    const int16_t *ptab;    /* period of each day from the anchor to as_of */
    int nrep;
    ObsSeries *s;           /* [nrep], in the order of `reported_by` */
    /* The slots of reporter r are Obs.slots[slot_base + r * neval ...],
     * its periods Obs.bits[bit_base + r * nwords ...]: flat arrays, so a
     * row touches few cache lines. */
    int slot_base, bit_base, nwords;
    int ring_base;          /* Obs.ring[ring_base + r * OBS_RING ...]; -1: none */
    /* Breakdowns: cell code = sum of (value index + 1) * mul[k] over the
     * indicator's dimensions k; ncells = product of (values + 1). */
    int32_t mul[8];
    int ndims;
} ObsInd;

/* Where reporter r's slots, period bits and ring start in Obs.slots,
 * Obs.bits and Obs.ring (the ring's -1 when the indicator has none). */
static inline int obs_slot_at(const ObsInd *oi, int r)
{
    return oi->slot_base + r * oi->neval;
}

static inline int obs_bit_at(const ObsInd *oi, int r)
{
    return oi->bit_base + r * oi->nwords;
}

static inline int obs_ring_at(const ObsInd *oi, int r)
{
    return oi->ring_base < 0 ? -1 : oi->ring_base + r * OBS_RING;
}

/* A correction or retraction row (the `correction` column, ledger.h).
 * The latest of a key (indicator, reporter, date, cell) stands for the
 * key's other rows, which the scan then skips; a retraction leaves the
 * key with no row at all. */
typedef struct ObsFix {
    int32_t key[4];             /* indicator, reporter, date, cell */
    int64_t off;                /* the record's offset in the file */
    bool retract;
    double value;               /* of a correction */
    char *reason;               /* malloc'd */
    int32_t recorded;           /* DATE_NONE: not said */
} ObsFix;

typedef struct Obs {
    const char *prog;           /* for messages */
    const BundleIndex *ix;
    int32_t as_of;
    bool all_rows;          /* keep every row of every indicator */
    ObsInd *ind;            /* [ix->nind] */
    ObsSlot *slots;
    uint64_t *bits;
    ObsSlot *ring;              /* the rings' entries, see OBS_RING */
    int32_t *ring_per;          /* their periods */
    int nslots, nbits, nring;
    long rows;              /* data rows read */
    long skipped;           /* not valid: see `validate` */
    long future;            /* dated after as_of */
    bool missing;           /* the file does not exist */
    ObsFix *fix;            /* every correction row, in file order */
    int nfix, capfix;
    HMap fixmap;            /* key -> its latest row in fix[] (when nfix > 0) */
    struct ObsRun *run;         /* the scan under way */
} Obs;

/* Prepares the reader: evaluation dates (as_of and the due dates of the
 * index, as_of when later), history, reporting periods. */
void obs_init(Obs *o, const char *prog, const BundleIndex *ix, Arena *a, int32_t as_of,
              bool all_rows);
/* Starts reading the file in `threads` background threads (1 or 2).  0,
 * or 2 after printing why it cannot be read; a missing file is empty. */
int obs_start(Obs *o, const char *path, int threads);
/* Waits for the scan to end and merges the halves. */
void obs_finish(Obs *o);
void obs_free(Obs *o);
/* The slot of evaluation date `date` (which must have been asked for). */
const ObsSlot *obs_slot(const Obs *o, int ind, int rep, int32_t date);
/* Whether `code` is a cell with a value for every dimension. */
bool obs_full_cell(const ObsInd *oi, int32_t code);
/* The value index (0-based) of dimension k in a cell, -1 when unspecified. */
int obs_cell_value(const ObsInd *oi, int32_t code, int k);
/* Whether values on or before `date` were asked for. */
bool obs_has_eval(const Obs *o, int ind, int32_t date);
/* Whether reporter rep of ind reported in period k. */
bool obs_reported(const Obs *o, int ind, int rep, int k);
/* The ring of reporter rep of ind (OBS_RING entries) and, in *per, their
 * periods (-1: empty); NULL when none. */
const ObsSlot *obs_ring(const Obs *o, int ind, int rep, const int32_t **per);
/* Number of periods with a report of series (ind, rep). */
int obs_periods_reported(const Obs *o, int ind, int rep);

#endif
