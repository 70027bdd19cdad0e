/* obs_int.h - what the reader of observations.csv shares between its
 * parts; private to them.
 *
 *   obs.c       the reader's state, the threads, the queries (obs_)
 *   obs_scan.c  one thread's scan of its part of the file: records split,
 *               fields parsed, rows kept (obs_scan_)
 *
 * A scan writes only to its ObsWorker's own slots, bits and series, so
 * the two halves of a file are read without locks and merged after. */
#ifndef CHARTER_OBS_INT_H
#define CHARTER_OBS_INT_H

#include "obs.h"

#define MAX_FIELDS 64

/* Where the columns are, from the header. */
typedef struct ObsCols {
    int ind, date, value, rep;
    int corr, reason, recorded; /* the audit columns, -1 when absent */
    int need;                   /* fields a row must have */
    int ncols;
    int dim[MAX_FIELDS];        /* the dimension of a breakdown column, -1 */
    int dimcol[MAX_FIELDS];     /* the breakdown columns */
    int ndimcols;
} ObsCols;

/* The series table: every (indicator, reporter) of the index, found from
 * a row's two id fields with one probe, and the places of the series'
 * state in a worker's arrays, so that the scan can prefetch them before
 * it reads the row (obs_scan.c, "Batches").  A series is kept once, for
 * the first indicator of its id and the first reporter of its id, as the
 * index's map and the scan's search find them; derived indicators have
 * none.  Built before the workers start, read-only while they run. */
typedef struct ObsKey {
    /* What using a row with no breakdown reads of its indicator (ObsInd),
     * copied: the key is in the cache already (finding the series compared
     * its text), so such a row reads no ObsInd. */
    const int32_t *evals;
    const int16_t *ptab;
    int32_t anchor, nper;
    int32_t ind, rep;
    int32_t slot, bit, ring;    /* into ObsWorker.slots, .bits, .ring (and .ring_per); ring -1: none */
    int16_t neval;
    bool history;
    uint32_t ilen, rlen;
    /* followed by the indicator's id, then the reporter's (no NUL) */
} ObsKey;

typedef struct ObsKeys {
    uint64_t *slot;             /* hash << 32 | (record's offset / 8 + 1); 0: empty */
    uint32_t mask;
    char *rec;                  /* the records, each 8-byte aligned */
} ObsKeys;

typedef struct ObsWorker {
    Obs *o;
    const ObsCols *cols;
    const ObsKeys *keys;        /* NULL: every row is looked up alone */
    int fd;
    int64_t start, stop;        /* records starting in [start, stop) */
    bool last;                  /* reads to the end of the file */
    bool matched;               /* stopped exactly at `stop` */
    bool collect;               /* the first pass: only the correction rows */
    int64_t rec_off;            /* the offset of the record being read */
    ObsSeries **ser;            /* [nind] -> [nrep] */
    ObsSlot *slots;             /* the worker's own, see ObsInd */
    ObsSlot *ring;              /* the worker's own rings, see OBS_RING */
    int32_t *ring_per;          /* their periods */
    uint64_t *bits;
    int32_t **pstart;           /* shared: period starts of each indicator */
    long rows, skipped, future;
    char last_date[10];         /* the previous row's date text and day: */
    int32_t last_day;           /* ledgers are grouped by date */
    char *scratch;
    size_t scratch_cap;
} ObsWorker;

/* ---- obs.c ------------------------------------------------------------------ */

/* A new ring array of n entries (a multiple of OBS_RING), every one
 * empty, and their periods, every one -1; each ring starts a cache line
 * and its periods sit in one.  Freed with free(). */
ObsSlot *obs_new_ring(int n);
int32_t *obs_new_ring_periods(int n);
/* calloc and realloc that end the program on lack of memory. */
void *obs_xcalloc(size_t n, size_t size);
void *obs_xrealloc(void *p, size_t size);
/* "PROG: error: ..." on standard error; returns 2. */
int obs_fail(const Obs *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- obs_scan.c ------------------------------------------------------------- */

/* Reads the header line of the file: where the columns are, and the
 * offset of the first record.  0; 1 when the file is empty; 2 after a
 * message. */
int obs_scan_header(Obs *o, int fd, const char *path, ObsCols *c, int64_t *data_start);
/* Reads the records that start in [w->start, w->stop) (to the end for the
 * last worker).  The first worker also checks that a record starts
 * exactly at `stop`, where the next one began: if a quoted field with a
 * line break straddles `stop`, the halves disagree and it reads on to the
 * end (w->last set, w->matched false). */
void obs_scan_part(ObsWorker *w);
/* Builds and frees the series table of o's index. */
void obs_scan_keys(const Obs *o, ObsKeys *k);
void obs_scan_keys_free(ObsKeys *k);
/* Adds what `from` found to `into` (the later half of the file to the
 * earlier). */
void obs_scan_merge(Obs *o, const ObsWorker *into, const ObsWorker *from);

#endif
