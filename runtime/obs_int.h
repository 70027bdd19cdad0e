/* obs_int.h - what the reader of observations.csv shares between its
 * parts; private to them.
 *
 *   obs.c       the reader's state, the threads, the queries (obs_)
 *   obs_scan.c  one thread's scan of its part of the file: records split,
 *               fields parsed, rows kept (obs_scan_)
 *   obs_keys.c  the series table the scan finds a row's series in, built
 *               before the scan (obs_scan_keys); how its ids are hashed
 *               and compared is below, as the scan inlines it
 *
 * A scan writes only to its ObsWorker's own slots, bits and series, so
 * the two halves of a file are read without locks and merged after. */
#ifndef CHARTER_OBS_INT_H
#define CHARTER_OBS_INT_H

#include <string.h>

#include "obs.h"

#define MAX_FIELDS 64

/* A field of a record: its bytes in the scan's buffer or scratch. */
typedef struct Field {
    const char *p;
    uint32_t n;
} Field;

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
    bool whole;                 /* ids hashed whole, not by their ends (key_hash) */
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
/* Adds what `from` found to `into` (the later half of the file to the
 * earlier). */
void obs_scan_merge(Obs *o, const ObsWorker *into, const ObsWorker *from);

/* ---- obs_keys.c: the series table ------------------------------------------- */

/* Builds and frees the series table of o's index. */
void obs_scan_keys(const Obs *o, ObsKeys *k);
void obs_scan_keys_free(ObsKeys *k);

/* The key of series (i, r) without its text (ObsKey). */
static inline ObsKey key_make(const Obs *o, int i, int r)
{
    const ObsInd *oi = &o->ind[i];
    return (ObsKey){oi->evals, oi->ptab, oi->anchor, oi->nper, i, r, obs_slot_at(oi, r),
                    obs_bit_at(oi, r), obs_ring_at(oi, r), (int16_t)oi->neval, oi->history, 0, 0};
}

/* The 8 bytes at p, which has them. */
static inline uint64_t load8(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* The 8 bytes at p; only the first n (< 8) of them when n < 8.  The
 * caller guarantees 8 readable bytes at p: a record's fields lie in the
 * scan's buffer, which has 16 bytes of slack past its end, and keys lie
 * in ObsKeys.rec, which has 8. */
static inline uint64_t word_at(const char *p, size_t n)
{
    uint64_t w = load8(p);
    return n >= 8 ? w : w & ((1ull << (8 * n)) - 1);
}

static inline uint64_t mix(uint64_t x, uint64_t w)
{
    x = (x ^ w) * 0xff51afd7ed558ccdull;
    return x ^ (x >> 32);
}

/* Mixes the first and the last 8 bytes of text p[0..n) into x. */
static inline uint64_t mix_ends(uint64_t x, const char *p, size_t n)
{
    if (n < 8)
        return mix(x, word_at(p, n));
    return mix(mix(x, load8(p)), load8(p + n - 8));
}

/* key_hash of a table that hashes its ids whole (rare: out of line, so
 * that the scan's loop stays small). */
uint32_t obs_key_hash_whole(const char *ind, size_t ni, const char *rep, size_t nr);

/* The hash of a series' indicator and reporter ids (ids are short: the
 * dense ledger's are two or three bytes): their lengths and each one's
 * first and last 8 bytes, or (ks->whole) every byte. */
static inline uint32_t key_hash(const ObsKeys *ks, const char *ind, size_t ni, const char *rep,
                                size_t nr)
{
    if (ks->whole)
        return obs_key_hash_whole(ind, ni, rep, nr);
    uint64_t x = (ni * 257 + nr) * 0x9E3779B97F4A7C15ull;
    x = mix_ends(mix_ends(x, ind, ni), rep, nr);
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    return (uint32_t)(x ^ (x >> 33));
}

/* a[0..n) == b[0..n), both with 8 readable bytes past n: a short id in
 * one masked word (word_at), a longer one 8 bytes at a time, the last
 * word overlapping the one before.  (Not hmap_same: for the scan's ids
 * of 8 bytes or more this loop is 9 instructions a row fewer, and
 * status 4 % faster, paired.) */
static inline bool same_text(const char *a, const char *b, size_t n)
{
    if (n < 8)
        return word_at(a, n) == word_at(b, n);
    for (size_t i = 0; i + 8 < n; i += 8)
        if (load8(a + i) != load8(b + i))
            return false;
    return load8(a + n - 8) == load8(b + n - 8);
}

static inline const ObsKey *key_at(const ObsKeys *ks, uint64_t slot)
{
    return (const ObsKey *)(const void *)(ks->rec + ((slot & 0xffffffffu) - 1) * 8);
}

/* Whether key k is the series of indicator fi and reporter fr. */
static inline bool key_is(const ObsKey *k, const Field *fi, const Field *fr)
{
    const char *text = (const char *)(k + 1);
    return k->ilen == fi->n && k->rlen == fr->n && same_text(text, fi->p, fi->n) &&
           same_text(text + k->ilen, fr->p, fr->n);
}

#endif
