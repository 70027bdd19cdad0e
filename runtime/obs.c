/* obs.c - the streaming reader of observations.csv (obs_): its state,
 * the threads that scan the file (obs_scan.c) and the queries of what
 * they kept.  See obs.h. */
#define _POSIX_C_SOURCE 200809L
#include "obs_int.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "period.h"
#include "term.h"

void *obs_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) {
        term_line(stderr, "tracker: out of memory");
        exit(2);
    }
    return p;
}

void *obs_xrealloc(void *p, size_t size)
{
    p = realloc(p, size ? size : 1);
    if (!p) {
        term_line(stderr, "tracker: out of memory");
        exit(2);
    }
    return p;
}

int obs_fail(const Obs *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s: error: ", o->prog);
    buf_vprintf(&b, fmt, ap);
    term_line(stderr, "%s", buf_cstr(&b));
    buf_free(&b);
    va_end(ap);
    return 2;
}

static void slot_clear(ObsSlot *s)
{
    s->tdate = s->cdate = DATE_NONE;
    s->total = s->csum = 0;
}

static ObsSeries *new_series(const ObsInd *oi)
{
    return obs_xcalloc((size_t)oi->nrep, sizeof(ObsSeries));
}

static void free_series(const ObsInd *oi, ObsSeries *s)
{
    if (!s)
        return;
    for (int r = 0; r < oi->nrep; r++)
        free(s[r].rows);
    free(s);
}

static ObsSlot *new_slots(int n)
{
    ObsSlot *s = obs_xcalloc((size_t)n, sizeof *s);
    for (int k = 0; k < n; k++)
        slot_clear(&s[k]);
    return s;
}

/* ---- the reader's state --------------------------------------------------------- */

static void add_eval(Arena *a, ObsInd *oi, int32_t date, int32_t as_of)
{
    if (date == DATE_NONE || date > as_of)
        date = as_of;
    for (int e = 0; e < oi->neval; e++)
        if (oi->evals[e] == date)
            return;
    if ((oi->neval & (oi->neval - 1)) == 0 && oi->neval >= 4) {
        int32_t *v = arena_alloc(a, sizeof *v * (size_t)oi->neval * 2);
        memcpy(v, oi->evals, sizeof *v * (size_t)oi->neval);
        oi->evals = v;
    }
    oi->evals[oi->neval++] = date;
}

/* The period of each day from the anchor to as_of, shared by indicators
 * of the same anchor and frequency (most of an agreement's); NULL when
 * the span is too long for a table (then a binary search is used). */
static const int16_t *period_table(Obs *o, Arena *a, const ObsInd *oi)
{
    int64_t days = (int64_t)o->as_of - oi->anchor + 1;
    if (days <= 0 || days > 200000 || oi->nper > 32000)
        return NULL;
    for (int i = 0; i < o->ix->nind && &o->ind[i] != oi; i++) {
        const ObsInd *p = &o->ind[i];
        if (p->ptab && p->anchor == oi->anchor && p->freq.n == oi->freq.n &&
            p->freq.unit == oi->freq.unit)
            return p->ptab;
    }
    int16_t *t = arena_alloc(a, sizeof *t * (size_t)days);
    int k = 0;
    int32_t next = period_start(oi->anchor, oi->freq, 1);
    for (int64_t d = 0; d < days; d++) {
        while (oi->anchor + d >= next) {
            k++;
            next = period_start(oi->anchor, oi->freq, k + 1);
        }
        t[d] = (int16_t)k;
    }
    return t;
}

void obs_init(Obs *o, const char *prog, const BundleIndex *ix, Arena *a, int32_t as_of,
              bool all_rows)
{
    memset(o, 0, sizeof *o);
    o->prog = prog;
    o->ix = ix;
    o->as_of = as_of;
    o->all_rows = all_rows;
    o->ind = arena_alloc(a, sizeof *o->ind * (size_t)(ix->nind ? ix->nind : 1));
    for (int i = 0; i < ix->nind; i++) {
        const BundleInd *x = &ix->ind[i];
        ObsInd *oi = &o->ind[i];
        oi->evals = arena_alloc(a, sizeof *oi->evals * 4);
        oi->evals[oi->neval++] = as_of;
        for (int k = 0; k < x->ndue; k++)
            add_eval(a, oi, x->due[k], as_of);
        oi->history = all_rows || x->history;
        oi->nrep = x->nrep;
        oi->anchor = x->anchor;
        oi->freq = x->freq;
        if (x->freq.n > 0 && x->anchor != DATE_NONE && !x->derived)
            oi->nper = period_of(x->anchor, x->freq, as_of) + 1;
        oi->nwords = (oi->nper + 63) / 64;
        oi->slot_base = o->nslots;
        o->nslots += oi->nrep * oi->neval;
        oi->bit_base = o->nbits;
        o->nbits += oi->nrep * oi->nwords;
        oi->ptab = oi->nper > 0 ? period_table(o, a, oi) : NULL;
        oi->ring_base = -1;
        if (oi->nper > 0) {
            oi->ring_base = o->nring;
            o->nring += oi->nrep * OBS_RING;
        }
        int32_t mul = 1;
        oi->ndims = x->ndims;
        for (int k = 0; k < x->ndims; k++) {
            oi->mul[k] = mul;
            int64_t next = (int64_t)mul * (ix->dims[x->dims[k]].nvalues + 1);
            if (next > INT32_MAX / 2) {
                oi->ndims = k;      /* too many cells to code: breakdowns not kept */
                break;
            }
            mul = (int32_t)next;
        }
    }
}

bool obs_has_eval(const Obs *o, int ind, int32_t date)
{
    const ObsInd *oi = &o->ind[ind];
    if (date > o->as_of)
        date = o->as_of;
    for (int e = 0; e < oi->neval; e++)
        if (oi->evals[e] == date)
            return true;
    return false;
}

void obs_free(Obs *o)
{
    if (o->run)
        obs_finish(o);
    for (int i = 0; o->ix && i < o->ix->nind; i++)
        free_series(&o->ind[i], o->ind[i].s);
    free(o->slots);
    free(o->bits);
    free(o->ring);
    free(o->ring_per);
    o->slots = NULL;
    o->bits = NULL;
    o->ring = NULL;
    o->ring_per = NULL;
    for (int k = 0; k < o->nfix; k++)
        free(o->fix[k].reason);
    free(o->fix);
    if (o->nfix > 0)
        hmap_free(&o->fixmap);
    o->fix = NULL;
    o->nfix = o->capfix = 0;
}

/* n elements of size bytes starting a cache line, the size rounded up to
 * whole lines as aligned_alloc wants. */
static void *alloc_lines(size_t n, size_t size)
{
    size_t bytes = ((n ? n : 1) * size + 63) & ~(size_t)63;
    void *p = aligned_alloc(64, bytes);
    if (!p) {
        term_line(stderr, "tracker: out of memory");
        exit(2);
    }
    return p;
}

ObsSlot *obs_new_ring(int n)
{
    ObsSlot *r = alloc_lines((size_t)n, sizeof *r);
    for (int k = 0; k < n; k++)
        slot_clear(&r[k]);
    return r;
}

int32_t *obs_new_ring_periods(int n)
{
    int32_t *p = alloc_lines((size_t)n, sizeof *p);
    for (int k = 0; k < n; k++)
        p[k] = -1;
    return p;
}

const ObsSlot *obs_ring(const Obs *o, int ind, int rep, const int32_t **per)
{
    const ObsInd *oi = &o->ind[ind];
    if (oi->ring_base < 0 || !o->ring)
        return NULL;
    *per = o->ring_per + obs_ring_at(oi, rep);
    return o->ring + obs_ring_at(oi, rep);
}

const ObsSlot *obs_slot(const Obs *o, int ind, int rep, int32_t date)
{
    const ObsInd *oi = &o->ind[ind];
    if (date > o->as_of)
        date = o->as_of;
    for (int e = 0; e < oi->neval; e++)
        if (oi->evals[e] == date)
            return &o->slots[obs_slot_at(oi, rep) + e];
    return NULL;
}

bool obs_full_cell(const ObsInd *oi, int32_t code)
{
    if (code < 0 || oi->ndims == 0)
        return false;
    for (int k = 0; k < oi->ndims; k++)
        if (obs_cell_value(oi, code, k) < 0)
            return false;
    return true;
}

int obs_cell_value(const ObsInd *oi, int32_t code, int k)
{
    int32_t radix = k + 1 < oi->ndims ? oi->mul[k + 1] / oi->mul[k] : 0;
    int32_t digit = code / oi->mul[k];
    if (radix)
        digit %= radix;
    return digit - 1;
}

bool obs_reported(const Obs *o, int ind, int rep, int k)
{
    const ObsInd *oi = &o->ind[ind];
    if (k < 0 || k >= oi->nper)
        return false;
    return o->bits[obs_bit_at(oi, rep) + k / 64] >> (k % 64) & 1;
}

int obs_periods_reported(const Obs *o, int ind, int rep)
{
    const ObsInd *oi = &o->ind[ind];
    const uint64_t *b = o->bits + obs_bit_at(oi, rep);
    int n = 0;
    for (int w = 0; w < oi->nwords; w++)
        n += __builtin_popcountll(b[w]);
    return n;
}

/* ---- the threads ------------------------------------------------------------ */

struct ObsRun {
    int fd;
    ObsCols cols;
    int nworkers;
    ObsWorker w[2];
    pthread_t th[2];
    bool started[2];
    int32_t **pstart;
    ObsSeries **main_ser;
    ObsKeys keys;
};

static void *work_thread(void *arg)
{
    obs_scan_part(arg);
    return NULL;
}

/* The first pass over a ledger with a `correction` column: its
 * correction rows, and which row of each corrected key stands (obs.h).
 * A ledger without the column (every ledger without corrections) is read
 * once, as before; one with it is read twice, the first time only to
 * find the corrections, which are few. */
static void find_fixes(Obs *o, struct ObsRun *run, int64_t data, int64_t size)
{
    ObsWorker w = {0};
    w.o = o;
    w.cols = &run->cols;
    w.keys = &run->keys;
    w.fd = run->fd;
    w.start = data;
    w.stop = size;
    w.last = true;
    w.collect = true;
    obs_scan_part(&w);
    if (o->nfix == 0)
        return;
    hmap_init_str(&o->fixmap, NULL, o->nfix, true);
    for (int k = 0; k < o->nfix; k++) {
        const char *key = (const char *)o->fix[k].key;
        size_t n = sizeof o->fix[k].key;
        bool added;
        uint32_t sl = hmap_str_insert(&o->fixmap, key, n, hmap_hash(key, n), &added);
        o->fixmap.value[sl] = k;    /* the latest row of the key */
    }
}

int obs_start(Obs *o, const char *path, int threads)
{
    const BundleIndex *ix = o->ix;
    /* The state exists even when the file does not. */
    for (int i = 0; i < ix->nind; i++)
        o->ind[i].s = new_series(&o->ind[i]);
    o->slots = new_slots(o->nslots);
    o->bits = obs_xcalloc((size_t)o->nbits, sizeof *o->bits);
    o->ring = obs_new_ring(o->nring);
    o->ring_per = obs_new_ring_periods(o->nring);
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        if (errno == ENOENT) {
            o->missing = true;
            return 0;
        }
        return obs_fail(o, "cannot open %s: %s", path, strerror(errno));
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        int e = errno;
        close(fd);
        return obs_fail(o, "cannot read %s: %s", path,
                        S_ISDIR(st.st_mode) ? "it is a folder" : strerror(e));
    }
    struct ObsRun *run = obs_xcalloc(1, sizeof *run);
    run->fd = fd;
    int64_t data = 0;
    int h = obs_scan_header(o, fd, path, &run->cols, &data);
    if (h != 0) {
        close(fd);
        free(run);
        return h == 1 ? 0 : 2;
    }
    int64_t size = (int64_t)st.st_size;
    obs_scan_keys(o, &run->keys);
    if (run->cols.corr >= 0)
        find_fixes(o, run, data, size);
    run->pstart = obs_xcalloc((size_t)ix->nind + 1, sizeof *run->pstart);
    for (int i = 0; i < ix->nind; i++) {
        ObsInd *oi = &o->ind[i];
        run->pstart[i] = obs_xcalloc((size_t)oi->nper + 1, sizeof **run->pstart);
        for (int k = 0; !oi->ptab && k < oi->nper; k++)
            run->pstart[i][k] = period_start(oi->anchor, oi->freq, k);
    }
    run->main_ser = obs_xcalloc((size_t)ix->nind + 1, sizeof *run->main_ser);
    for (int i = 0; i < ix->nind; i++)
        run->main_ser[i] = o->ind[i].s;

    if (threads > 2)
        threads = 2;
    if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
        threads = 1;
    if (size - data < 4 * 1024 * 1024)
        threads = 1;
    /* The second half starts after the first line break past the middle. */
    int64_t mid = size;
    if (threads == 2) {
        char probe[4096];
        int64_t at = data + (size - data) / 2;
        for (int tries = 0; tries < 64 && mid == size; tries++, at += (int64_t)sizeof probe) {
            ssize_t n = pread(fd, probe, sizeof probe, (off_t)at);
            if (n <= 0)
                break;
            const char *nl = memchr(probe, '\n', (size_t)n);
            if (nl)
                mid = at + (nl - probe) + 1;
        }
        if (mid >= size)
            threads = 1;
    }
    run->nworkers = threads;
    for (int k = 0; k < threads; k++) {
        ObsWorker *w = &run->w[k];
        w->o = o;
        w->cols = &run->cols;
        w->keys = &run->keys;
        w->fd = fd;
        w->pstart = run->pstart;
        w->start = k == 0 ? data : mid;
        w->stop = k == 0 && threads == 2 ? mid : size;
        w->last = k == threads - 1;
        if (k == 0) {
            w->ser = run->main_ser;
            w->slots = o->slots;
            w->bits = o->bits;
            w->ring = o->ring;
            w->ring_per = o->ring_per;
        } else {
            w->ser = obs_xcalloc((size_t)ix->nind + 1, sizeof *w->ser);
            for (int i = 0; i < ix->nind; i++)
                w->ser[i] = new_series(&o->ind[i]);
            w->slots = new_slots(o->nslots);
            w->bits = obs_xcalloc((size_t)o->nbits, sizeof *w->bits);
            w->ring = obs_new_ring(o->nring);
            w->ring_per = obs_new_ring_periods(o->nring);
        }
    }
    /* The first half may have to read on if the halves disagree (see
     * obs_scan_part); the second half's results are then thrown away, which is
     * why it has series of its own. */
    for (int k = 0; k < threads; k++)
        run->started[k] = pthread_create(&run->th[k], NULL, work_thread, &run->w[k]) == 0;
    o->run = run;
    return 0;
}

void obs_finish(Obs *o)
{
    struct ObsRun *run = o->run;
    if (!run)
        return;
    const BundleIndex *ix = o->ix;
    /* A worker whose thread could not start reads its part here. */
    for (int k = 0; k < run->nworkers; k++) {
        if (run->started[k])
            pthread_join(run->th[k], NULL);
        else
            obs_scan_part(&run->w[k]);
    }
    if (run->nworkers == 2 && run->w[0].matched) {
        obs_scan_merge(o, &run->w[0], &run->w[1]);
        o->rows += run->w[1].rows;
        o->skipped += run->w[1].skipped;
        o->future += run->w[1].future;
    }
    o->rows += run->w[0].rows;
    o->skipped += run->w[0].skipped;
    o->future += run->w[0].future;
    if (run->nworkers == 2) {
        for (int i = 0; i < ix->nind; i++)
            free_series(&o->ind[i], run->w[1].ser[i]);
        free(run->w[1].ser);
        free(run->w[1].slots);
        free(run->w[1].bits);
        free(run->w[1].ring);
        free(run->w[1].ring_per);
    }
    for (int i = 0; i < ix->nind; i++)
        free(run->pstart[i]);
    free(run->pstart);
    free(run->main_ser);
    obs_scan_keys_free(&run->keys);
    close(run->fd);
    free(run);
    o->run = NULL;
}
