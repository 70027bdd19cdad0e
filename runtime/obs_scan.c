/* obs_scan.c - one thread's scan of observations.csv (obs_scan_): records
 * split, fields parsed, each row kept in the worker's slots, bits and
 * series.  See obs.h for what is kept, obs_int.h for how the file is
 * shared between threads.
 *
 * This is the tracker's hot loop: a record without quotes is split 16
 * bytes at a time (SSE2), ids are found with an inlined hash and
 * comparison, dates are read by date_scan (date.h) and plain decimals by
 * a fast path, both agreeing with csv_parse_date and csv_parse_number
 * (which take everything else). */
#define _POSIX_C_SOURCE 200809L
#include "obs_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "csv_value.h"
#include "date.h"

#define BLOCK (256 * 1024)

/* What a row runs through is inlined into the batch's loop: as calls, the
 * scan's time moved by a sixth with their places (bench/RESULTS.md). */
#define HOT static inline __attribute__((always_inline))

#ifdef __SSE2__
/* The fast path of the scan: one record without quotes, split with SSE2
 * (16 bytes compared at once).  Returns the start of the next record, or
 * NULL when the record holds a quote or does not end before `end` (the
 * buffer has 16 readable bytes past `end`, all zero: obs_scan_part clears
 * them after each read, so no delimiter is found past `end` and the
 * blocks need no mask). */
static const char *split_fast(const char *p, const char *end, Field *f, int *nf)
{
    const __m128i comma = _mm_set1_epi8(','), nl = _mm_set1_epi8('\n'),
                  quote = _mm_set1_epi8('"');
    int n = 0;
    const char *fs = p;
    for (const char *q = p; q < end; q += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, nl)),
            _mm_cmpeq_epi8(v, quote)));
        while (m) {
            const char *c = q + __builtin_ctz(m);
            m &= m - 1;
            if (*c == '"')
                return NULL;
            if (*c == ',' && n == MAX_FIELDS - 1)
                continue;   /* the last field takes the rest */
            f[n].p = fs;
            f[n].n = (uint32_t)(c - fs);
            n++;
            fs = c + 1;
            if (*c == '\n') {
                if (f[n - 1].n > 0 && c[-1] == '\r')
                    f[n - 1].n--;
                *nf = n;
                return c + 1;
            }
        }
    }
    return NULL;
}
#endif

/* Splits an unquoted record [p, e) at commas. */
static int split_plain(const char *p, const char *e, Field *f)
{
    int n = 0;
    for (;;) {
        const char *c = memchr(p, ',', (size_t)(e - p));
        if (!c || n == MAX_FIELDS - 1) {
            f[n].p = p;
            f[n].n = (uint32_t)(e - p);
            return n + 1;
        }
        f[n].p = p;
        f[n].n = (uint32_t)(c - p);
        n++;
        p = c + 1;
    }
}

static inline bool blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Parses one RFC 4180 record starting at p; unquoted fields point into
 * the buffer, quoted ones into w->scratch.  Spaces and tabs outside quotes
 * are dropped, as csv.h says every reader of the ledger does.  Returns the
 * start of the next record, or NULL when the record does not end before
 * `end` (and !eof). */
static const char *parse_record(ObsWorker *w, const char *p, const char *end, bool eof, Field *f,
                                int *nf)
{
    size_t need = (size_t)(end - p) + 1;
    if (w->scratch_cap < need) {
        w->scratch = obs_xrealloc(w->scratch, need);
        w->scratch_cap = need;
    }
    char *out = w->scratch;
    int n = 0;
    for (;;) {
        const char *start;
        uint32_t len;
        while (p < end && blank(*p))
            p++;
        if (p < end && *p == '"') {
            start = out;
            p++;
            for (;;) {
                if (p >= end)
                    return NULL;
                if (*p == '"') {
                    if (p + 1 < end && p[1] == '"') {
                        *out++ = '"';
                        p += 2;
                        continue;
                    }
                    if (p + 1 >= end && !eof)
                        return NULL;
                    p++;
                    break;
                }
                *out++ = *p++;
            }
            len = (uint32_t)(out - start);
            while (p < end && blank(*p))
                p++;
            /* Text after the closing quote is kept (a bad row for validate). */
            while (p < end && *p != ',' && *p != '\n')
                *out++ = *p++, len++;
        } else {
            start = p;
            while (p < end && *p != ',' && *p != '\n')
                p++;
            len = (uint32_t)(p - start);
            if (p < end && *p == '\n' && len > 0 && start[len - 1] == '\r')
                len--;
            while (len > 0 && blank(start[len - 1]))
                len--;
        }
        if (n < MAX_FIELDS) {
            f[n].p = start;
            f[n].n = len;
            n++;
        }
        if (p >= end) {
            if (!eof)
                return NULL;
            *nf = n;
            return p;
        }
        if (*p == '\n') {
            *nf = n;
            return p + 1;
        }
        p++;    /* the comma */
    }
}

static int period_index(const ObsInd *oi, const int32_t *ps, int32_t date)
{
    if (oi->nper == 0 || date < ps[0])
        return -1;
    int lo = 0, hi = oi->nper - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (ps[mid] <= date)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

static void push_row(ObsSeries *s, int32_t date, int32_t cell, double v)
{
    if (s->nrows == s->caprows) {
        s->caprows = s->caprows ? s->caprows * 2 : 16;
        s->rows = obs_xrealloc(s->rows, sizeof *s->rows * (size_t)s->caprows);
    }
    s->rows[s->nrows++] = (ObsRow){date, cell, v};
}

static int dim_value(const BundleDim *d, const char *p, uint32_t n)
{
    for (int i = 0; i < d->nvalues; i++)
        if (strncmp(d->values[i], p, n) == 0 && d->values[i][n] == '\0')
            return i;
    return -1;
}

/* YYYY-MM-DD exactly, checked against the calendar; any other shape goes
 * to csv_parse_date (which also trims spaces), so both accept the same. */
static inline bool fast_date(const char *s, uint32_t n, int32_t *out)
{
    DateScan r = date_scan(s, n, out);
    return r == DATE_SCAN_OK || (r == DATE_SCAN_SHAPE && csv_parse_date(s, n, out) == CSV_VALUE_OK);
}

/* A plain decimal of at most 15 digits is exact as an integer divided by
 * a power of ten (Clinger's fast path, as csv_parse_number); anything
 * else goes to csv_parse_number. */
static inline bool fast_number(const char *s, uint32_t n, double *out)
{
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const char *p = s, *e = s + n;
    bool neg = p < e && *p == '-';
    p += neg;
    /* The digits before the point, then those after it, each in a loop of
     * its own (more than 19 digits wrap v, and go to csv_parse_number). */
    uint64_t v = 0;
    const char *d0 = p;
    while (p < e && (unsigned)(*p - '0') <= 9)
        v = v * 10 + (unsigned)(*p++ - '0');
    int digits = (int)(p - d0), frac = 0;
    if (p < e && *p == '.') {
        const char *f0 = ++p;
        while (p < e && (unsigned)(*p - '0') <= 9)
            v = v * 10 + (unsigned)(*p++ - '0');
        frac = (int)(p - f0);
        digits += frac;
    }
    if (p != e || digits == 0 || digits > 15)
        return csv_parse_number(s, n, out) == CSV_VALUE_OK;
    double d = frac > 0 ? (double)v / p10[frac] : (double)v;
    *out = neg ? -d : d;
    return true;
}

/* fast_date with a one-entry cache of the previous row's date (ledgers
 * are grouped by date). */
HOT bool row_date(ObsWorker *w, const Field *f, int32_t *out)
{
    if (f->n == 10 && memcmp(f->p, w->last_date, 10) == 0) {
        *out = w->last_day;
        return true;
    }
    if (!fast_date(f->p, f->n, out))
        return false;
    if (f->n == 10) {
        memcpy(w->last_date, f->p, 10);
        w->last_day = *out;
    }
    return true;
}

/* Adds a row to a slot: the latest total, the latest full cells' sum. */
static inline void slot_add(ObsSlot *sl, int32_t date, int32_t cell, double v)
{
    if (cell < 0) {
        if (sl->tdate == DATE_NONE || date >= sl->tdate) {
            sl->tdate = date;
            sl->total = v;
        }
    } else if (sl->cdate == DATE_NONE || date > sl->cdate) {
        sl->cdate = date;
        sl->csum = v;
    } else if (date == sl->cdate) {
        sl->csum += v;
    }
}

/* Adds what slot y (of the later half of the file) holds to x. */
static void slot_merge(ObsSlot *x, const ObsSlot *y)
{
    if (y->tdate != DATE_NONE && (x->tdate == DATE_NONE || y->tdate >= x->tdate)) {
        x->tdate = y->tdate;
        x->total = y->total;
    }
    if (y->cdate != DATE_NONE) {
        if (x->cdate == DATE_NONE || y->cdate > x->cdate) {
            x->cdate = y->cdate;
            x->csum = y->csum;
        } else if (y->cdate == x->cdate) {
            x->csum += y->csum;
        }
    }
}

/* The entry of period k in a reporter's ring: its own, else an empty one,
 * else the oldest when k is newer; NULL when k is older than all of a
 * full ring.  per: the ring's periods (ObsWorker.ring_per), kept equal to
 * its entries' and read instead of them. */
HOT ObsSlot *ring_entry(ObsSlot *rg, int32_t *per, int32_t k)
{
#if defined __SSE2__ && OBS_RING == 8
    /* Nearly every row finds its period's entry: the eight periods are
     * compared at once, and the oldest searched for only when none is k
     * (per is 32-byte aligned, alloc_lines in obs.c). */
    const __m128i kk = _mm_set1_epi32(k);
    unsigned hit = (unsigned)_mm_movemask_epi8(
        _mm_packs_epi32(_mm_cmpeq_epi32(_mm_load_si128((const __m128i *)(void *)per), kk),
                        _mm_cmpeq_epi32(_mm_load_si128((const __m128i *)(void *)(per + 4)), kk)));
    if (hit)
        return &rg[__builtin_ctz(hit) / 2];
#endif
    int low = 0;
    for (int j = 0; j < OBS_RING; j++) {
        if (per[j] == k)
            return &rg[j];
        if (per[j] < per[low])
            low = j;
    }
    if (per[low] >= k)
        return NULL;
    per[low] = k;
    rg[low] = (ObsSlot){DATE_NONE, DATE_NONE, 0, 0};
    return &rg[low];
}

/* A correction row, kept by the first pass (obs.h, ObsFix). */
static void collect_fix(ObsWorker *w, const Field *f, int nf, const int32_t key[4], bool retract,
                        double v)
{
    Obs *o = w->o;
    const ObsCols *c = w->cols;
    if (o->nfix == o->capfix) {
        o->capfix = o->capfix ? 2 * o->capfix : 16;
        o->fix = obs_xrealloc(o->fix, sizeof *o->fix * (size_t)o->capfix);
    }
    ObsFix *x = &o->fix[o->nfix++];
    memcpy(x->key, key, sizeof x->key);
    x->off = w->rec_off;
    x->retract = retract;
    x->value = v;
    const Field *fr = c->reason >= 0 && c->reason < nf ? &f[c->reason] : NULL;
    x->reason = obs_xcalloc(fr ? fr->n + 1 : 1, 1);
    if (fr)
        memcpy(x->reason, fr->p, fr->n);
    x->recorded = DATE_NONE;
    if (c->recorded >= 0 && c->recorded < nf && f[c->recorded].n > 0 &&
        !fast_date(f[c->recorded].p, f[c->recorded].n, &x->recorded))
        x->recorded = DATE_NONE;
}

/* What the `correction` column of a row says: 0 a report, 1 correct, 2
 * retract, -1 neither (not a valid row). */
static inline int row_fix(const ObsCols *c, const Field *f, int nf)
{
    if (c->corr < 0 || c->corr >= nf || f[c->corr].n == 0)
        return 0;
    const Field *x = &f[c->corr];
    if (x->n == 7 && memcmp(x->p, "correct", 7) == 0)
        return 1;
    if (x->n == 7 && memcmp(x->p, "retract", 7) == 0)
        return 2;
    return -1;
}

/* Whether a row gives way to a correction of its key: it is not the
 * latest correction row of the key, or that row retracts. */
static inline bool superseded(const ObsWorker *w, const int32_t key[4])
{
    const Obs *o = w->o;
    int k = hmap_str_get(&o->fixmap, (const char *)key, sizeof(int32_t) * 4);
    return k >= 0 && (o->fix[k].off != w->rec_off || o->fix[k].retract);
}

/* The series of a row (its indicator and reporter); false when the row
 * names none. */
static inline bool row_find(const ObsWorker *w, const Field *f, int nf, int *ind, int *rep)
{
    const ObsCols *c = w->cols;
    const BundleIndex *ix = w->o->ix;
    if (nf < c->need)
        return false;
    const Field *fi = &f[c->ind];
    int i = hmap_str_get(&ix->map, fi->p, fi->n);
    if (i < 0 || ix->ind[i].derived)
        return false;
    const BundleInd *x = &ix->ind[i];
    const Field *fr = &f[c->rep];
    int r = 0;
    while (r < x->nrep && !(x->replen[r] == fr->n && hmap_same(x->rep[r], fr->p, fr->n)))
        r++;
    *ind = i;
    *rep = r;
    return r < x->nrep;
}

/* Uses one row of series k (row_find); false when it is not valid. */
HOT bool row_use_at(ObsWorker *w, const Field *f, int nf, const ObsKey *ky)
{
    const ObsCols *c = w->cols;
    Obs *o = w->o;
    const BundleIndex *ix = o->ix;
    int i = ky->ind, r = ky->rep;
    const BundleInd *x = &ix->ind[i];
    ObsInd *oi = &o->ind[i];
    int32_t date;
    double v = 0;
    int fix = row_fix(c, f, nf);
    if (fix < 0 || !row_date(w, &f[c->date], &date) ||
        (fix != 2 && !fast_number(f[c->value].p, f[c->value].n, &v)))
        return false;
    int32_t cell = -1;
    for (int j = 0; j < c->ndimcols; j++) {
        int k = c->dimcol[j], d = c->dim[k];
        if (k >= nf || f[k].n == 0)
            continue;   /* a short row: the column is empty */
        int pos = 0;
        while (pos < oi->ndims && x->dims[pos] != d)
            pos++;
        int vi = pos < oi->ndims ? dim_value(&ix->dims[d], f[k].p, f[k].n) : -1;
        if (vi < 0)
            return false;
        cell = (cell < 0 ? 0 : cell) + (vi + 1) * oi->mul[pos];
    }
    if (w->collect || o->nfix > 0) {
        int32_t key[4] = {i, r, date, cell};
        if (w->collect) {
            if (fix > 0)
                collect_fix(w, f, nf, key, fix == 2, v);
            return true;
        }
        if (superseded(w, key))
            return true;
    }
    /* Columns the header has but a short row lacks are empty. */
    if (date > o->as_of) {
        w->future++;
        return true;
    }
    bool full = cell >= 0 && obs_full_cell(oi, cell);
    ObsSlot *sl = w->slots + ky->slot;
    if (cell < 0 || full) {
        /* evals[0] is as_of (obs_init), which the row is not after: its
         * slot takes every row without reading evals, a line of its own
         * that most indicators (no due date) need not wait for. */
        slot_add(sl, date, cell, v);
        for (int e = 1; e < ky->neval; e++)
            if (date <= ky->evals[e])
                slot_add(sl + e, date, cell, v);
    }
    if (ky->nper > 0 && date >= ky->anchor) {
        int k = ky->ptab ? ky->ptab[date - ky->anchor] : period_index(oi, w->pstart[i], date);
        if (k >= 0) {
            w->bits[ky->bit + k / 64] |= 1ull << (k % 64);
            ObsSlot *e = (cell < 0 || full) ? ring_entry(w->ring + ky->ring, w->ring_per + ky->ring, k)
                                            : NULL;
            if (e)
                slot_add(e, date, cell, v);
        }
    }
    if (o->all_rows || (ky->history && (cell < 0 || full)))
        push_row(&w->ser[i][r], date, cell, v);
    return true;
}

/* Drops the spaces and tabs at the ends of each field; whether any went. */
static bool trim_fields(Field *f, int nf)
{
    bool any = false;
    for (int k = 0; k < nf; k++) {
        while (f[k].n > 0 && blank(f[k].p[0]))
            f[k].p++, f[k].n--, any = true;
        while (f[k].n > 0 && blank(f[k].p[f[k].n - 1]))
            f[k].n--, any = true;
    }
    return any;
}

/* Uses one row; false when it is not valid. */
static bool row_use(ObsWorker *w, const Field *f, int nf)
{
    int i, r;
    if (!row_find(w, f, nf, &i, &r))
        return false;
    ObsKey k = key_make(w->o, i, r);
    return row_use_at(w, f, nf, &k);
}

/* One record.  `plain`: split by split_fast or split_plain, which leave
 * the spaces around fields (dropping them costs the hot path): a row
 * that is not valid as it is gets a second try without them.  A record
 * of empty fields (",,,,") is no row, as csv.h says.  `key`: the record's
 * series when the series table found it (row_find's answer), else NULL. */
HOT void row(ObsWorker *w, Field *f, int nf, bool plain, const ObsKey *key)
{
    if (nf == 1 && f[0].n == 0)
        return;     /* a blank line */
    if ((key ? row_use_at(w, f, nf, key) : row_use(w, f, nf)) ||
        (plain && trim_fields(f, nf) && row_use(w, f, nf))) {
        w->rows++;
        return;
    }
    for (int k = 0; k < nf; k++)
        if (f[k].n > 0) {
            w->rows++;
            w->skipped++;
            return;
        }
}

/* ---- batches ------------------------------------------------------------------
 *
 * A row's series state is a few cache lines anywhere in arrays larger
 * than the cache (a row's series is anyone's), and each step of finding
 * it waits for the line the step before read: the table's slot, then the
 * key, then the state.  So plain records (split in the buffer, no quote)
 * are taken a batch at a time, and each step is done for the whole batch,
 * prefetching what the next step reads: the misses of a batch's rows
 * overlap instead of following one another.  The rows are then used one
 * by one in file order, exactly as they would be alone. */
#define BATCH 16

typedef struct Batch {
    int n;
    int nf[BATCH];
    int64_t off[BATCH];         /* each record's offset in the file */
    uint32_t hash[BATCH];
    const ObsKey *key[BATCH];
    Field f[BATCH][MAX_FIELDS];
} Batch;

/* Uses the rows of the batch and empties it. */
static void batch_run(ObsWorker *w, Batch *b)
{
    const ObsKeys *ks = w->keys;
    const ObsCols *c = w->cols;
    int n = b->n;
    b->n = 0;
    for (int j = 0; j < n; j++) {
        b->key[j] = NULL;
        if (b->nf[j] < c->need)
            continue;
        const Field *fi = &b->f[j][c->ind], *fr = &b->f[j][c->rep];
        b->hash[j] = key_hash(ks, fi->p, fi->n, fr->p, fr->n);
        __builtin_prefetch(&ks->slot[b->hash[j] & ks->mask]);
    }
    for (int j = 0; j < n; j++) {
        if (b->nf[j] < c->need)
            continue;
        uint32_t h = b->hash[j];
        for (uint32_t i = h & ks->mask; ks->slot[i]; i = (i + 1) & ks->mask)
            if ((uint32_t)(ks->slot[i] >> 32) == h) {
                const ObsKey *k = b->key[j] = key_at(ks, ks->slot[i]);
                __builtin_prefetch(k);
                __builtin_prefetch((const char *)k + 64);
                break;
            }
    }
    for (int j = 0; j < n; j++) {
        const ObsKey *k = b->key[j];
        if (!k)
            continue;
        /* A key of equal hash but another text: the row is looked up alone. */
        if (!key_is(k, &b->f[j][c->ind], &b->f[j][c->rep])) {
            b->key[j] = NULL;
            continue;
        }
        __builtin_prefetch(w->slots + k->slot, 1);
        __builtin_prefetch(w->bits + k->bit, 1);
        if (k->ring >= 0) {
            __builtin_prefetch(w->ring_per + k->ring, 1);
            /* The entry the row uses is any of the ring's three lines. */
            const char *rg = (const char *)(w->ring + k->ring);
            for (size_t q = 0; q < OBS_RING * sizeof(ObsSlot); q += 64)
                __builtin_prefetch(rg + q, 1);
        }
    }
    for (int j = 0; j < n; j++) {
        w->rec_off = b->off[j];
        row(w, b->f[j], b->nf[j], true, b->key[j]);
    }
}

void obs_scan_part(ObsWorker *w)
{
    size_t cap = BLOCK, len = 0;
    char *buf = obs_xcalloc(cap + 17, 1);     /* 16 bytes of slack for split_fast */
    int64_t off = w->start;     /* file offset of buf[0] */
    bool eof = false;
    size_t pos = 0;
    Field one[MAX_FIELDS];
    /* Without a series table, every record goes through `one`. */
    Batch *b = w->keys ? obs_xcalloc(1, sizeof *b) : NULL;
    for (;;) {
        if (!w->last && off + (int64_t)pos >= w->stop) {
            if (off + (int64_t)pos == w->stop) {
                w->matched = true;
                break;
            }
            w->last = true;     /* disagreement: read on alone */
        }
        /* A complete record in [pos, len)? */
        const char *p = buf + pos, *end = buf + len;
        const char *next = NULL;
        int nf = 0;
        bool plain = true;
        Field *f = b ? b->f[b->n] : one;
#ifdef __SSE2__
        next = split_fast(p, end, f, &nf);
        if (!next) {
#else
        {
#endif
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            if (nl && !memchr(p, '"', (size_t)(nl - p))) {
                const char *e = nl > p && nl[-1] == '\r' ? nl - 1 : nl;
                nf = split_plain(p, e, f);
                next = nl + 1;
            } else if (nl || eof) {
                /* Its quoted fields go to w->scratch, which the next
                 * record reuses: it is used alone, after the batch. */
                if (b && b->n > 0)
                    batch_run(w, b);
                f = one;
                next = parse_record(w, p, end, eof, f, &nf);
                plain = false;
            }
        }
        if (next) {
            if (plain && b) {
                b->nf[b->n] = nf;
                b->off[b->n] = off + (int64_t)pos;
                if (++b->n == BATCH)
                    batch_run(w, b);
            } else {
                w->rec_off = off + (int64_t)pos;
                row(w, f, nf, plain, NULL);
            }
            pos = (size_t)(next - buf);
            if (eof && pos >= len)
                break;
            continue;
        }
        if (eof)
            break;      /* an unterminated quote at the end: ignored */
        /* The batch's fields point into the buffer, which moves. */
        if (b && b->n > 0)
            batch_run(w, b);
        /* Refill: keep the partial record, grow when it fills the buffer. */
        memmove(buf, buf + pos, len - pos);
        off += (int64_t)pos;
        len -= pos;
        pos = 0;
        if (len == cap) {
            cap *= 2;
            buf = obs_xrealloc(buf, cap + 17);
        }
        ssize_t n;
        do
            n = pread(w->fd, buf + len, cap - len, (off_t)(off + (int64_t)len));
        while (n < 0 && errno == EINTR);
        if (n <= 0)
            eof = true;
        else
            len += (size_t)n;
        memset(buf + len, 0, 16);   /* split_fast finds no delimiter past len */
        if (eof && len == 0)
            break;
    }
    if (b && b->n > 0)
        batch_run(w, b);
    free(b);
    free(buf);
    free(w->scratch);
}

void obs_scan_merge(Obs *o, const ObsWorker *into, const ObsWorker *from)
{
    for (int k = 0; k < o->nslots; k++)
        slot_merge(&into->slots[k], &from->slots[k]);
    for (int k = 0; k < o->nring; k += OBS_RING)
        for (int j = 0; j < OBS_RING; j++) {
            int32_t p = from->ring_per[k + j];
            ObsSlot *x = p >= 0 ? ring_entry(into->ring + k, into->ring_per + k, p) : NULL;
            if (x)
                slot_merge(x, &from->ring[k + j]);
        }
    for (int k = 0; k < o->nbits; k++)
        into->bits[k] |= from->bits[k];
    for (int i = 0; i < o->ix->nind; i++)
        for (int r = 0; r < o->ind[i].nrep; r++) {
            const ObsSeries *b = &from->ser[i][r];
            for (int k = 0; k < b->nrows; k++)
                push_row(&into->ser[i][r], b->rows[k].date, b->rows[k].cell, b->rows[k].value);
        }
}

int obs_scan_header(Obs *o, int fd, const char *path, ObsCols *c, int64_t *data_start)
{
    char buf[8192];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n < 0)
        return obs_fail(o, "cannot read %s: %s", path, strerror(errno));
    if (n == 0)
        return 1;   /* empty */
    size_t skip = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    ObsWorker w = {0};
    Field f[MAX_FIELDS];
    int nf = 0;
    const char *next = parse_record(&w, buf + skip, buf + n, n < (ssize_t)sizeof buf - 1, f, &nf);
    if (!next) {
        free(w.scratch);
        return obs_fail(o, "%s:1: the header line is too long or unterminated", path);
    }
    memset(c, 0, sizeof *c);
    c->ind = c->date = c->value = c->rep = -1;
    c->corr = c->reason = c->recorded = -1;
    c->ncols = nf;
    for (int k = 0; k < MAX_FIELDS; k++)
        c->dim[k] = -1;
    for (int k = 0; k < nf; k++) {
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)f[k].n, f[k].p);
        if (strcmp(name, "indicator") == 0)
            c->ind = k;
        else if (strcmp(name, "date") == 0)
            c->date = k;
        else if (strcmp(name, "value") == 0)
            c->value = k;
        else if (strcmp(name, "reporter") == 0)
            c->rep = k;
        else if (strcmp(name, "correction") == 0)
            c->corr = k;
        else if (strcmp(name, "reason") == 0)
            c->reason = k;
        else if (strcmp(name, "recorded") == 0)
            c->recorded = k;
        else
            for (int d = 0; d < o->ix->ndims; d++)
                if (strcmp(o->ix->dims[d].id, name) == 0) {
                    c->dim[k] = d;
                    c->dimcol[c->ndimcols++] = k;
                }
    }
    free(w.scratch);
    if (c->ind < 0 || c->date < 0 || c->value < 0 || c->rep < 0)
        return obs_fail(o, "%s:1: the header must name the columns indicator, date, value and "
                           "reporter (run '%s validate %s')", path, o->prog, path);
    int need = c->ind;
    if (c->date > need)
        need = c->date;
    if (c->value > need)
        need = c->value;
    if (c->rep > need)
        need = c->rep;
    c->need = need + 1;
    *data_start = (int64_t)(next - buf);
    return 0;
}
