/* obs.c - the streaming reader of observations.csv.  See obs.h. */
#define _GNU_SOURCE /* memrchr */
#include "obs.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "csv.h"
#include "plan.h"

#define MAX_FIELDS 64
#define BLOCK (256 * 1024)

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) {
        fputs("tracker: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

static void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size ? size : 1);
    if (!p) {
        fputs("tracker: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

static int fail(const Obs *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(const Obs *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: error: ", o->prog);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
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
    return xcalloc((size_t)oi->nrep, sizeof(ObsSeries));
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
    ObsSlot *s = xcalloc((size_t)n, sizeof *s);
    for (int k = 0; k < n; k++)
        slot_clear(&s[k]);
    return s;
}

/* ---- the index ------------------------------------------------------------- */

/* The next space-separated word of a line, NUL-terminated in place. */
static char *word(char **p)
{
    while (**p == ' ')
        (*p)++;
    if (!**p)
        return NULL;
    char *w = *p;
    while (**p && **p != ' ')
        (*p)++;
    if (**p)
        *(*p)++ = '\0';
    return w;
}

static bool date_word(const char *w, int32_t *out)
{
    if (!w)
        return false;
    if (strcmp(w, "-") == 0) {
        *out = DATE_NONE;
        return true;
    }
    char *end;
    long v = strtol(w, &end, 10);
    *out = (int32_t)v;
    return *end == '\0' && end != w;
}

bool obs_index_parse(const char *text, Arena *a, ObsIndex *ix)
{
    memset(ix, 0, sizeof *ix);
    char *copy = arena_strdup(a, text);
    int nd = 0, ni = 0;
    for (const char *p = text; *p; p++)
        if (p == text || p[-1] == '\n') {
            nd += *p == 'D';
            ni += *p == 'I';
        }
    ix->dims = arena_alloc(a, sizeof *ix->dims * (size_t)(nd + 1));
    ix->ind = arena_alloc(a, sizeof *ix->ind * (size_t)(ni + 1));
    trk_map_init(&ix->map, ni);
    char *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *p = line, *kind = word(&p);
        if (!kind)
            continue;
        if (strcmp(kind, "A") == 0) {
            ix->agreement = word(&p);
        } else if (strcmp(kind, "D") == 0) {
            ObsDim *d = &ix->dims[ix->ndims++];
            d->id = word(&p);
            if (!d->id)
                return false;
            const char *vals[1024];
            for (char *w; (w = word(&p));)
                if (d->nvalues < 1024)
                    vals[d->nvalues++] = w;
            d->values = arena_alloc(a, sizeof *d->values * (size_t)(d->nvalues + 1));
            memcpy(d->values, vals, sizeof *vals * (size_t)d->nvalues);
        } else if (strcmp(kind, "I") == 0) {
            ObsSpec *x = &ix->ind[ix->nind];
            char *w;
            x->id = word(&p);
            char *derived = word(&p);
            if (!x->id || !derived || !date_word(word(&p), &x->anchor))
                return false;
            char *fn = word(&p), *fu = word(&p), *hist = word(&p);
            if (!fn || !fu || !hist)
                return false;
            x->derived = derived[0] == '1';
            x->freq.n = atoi(fn);
            x->freq.unit = (DurUnit)atoi(fu);
            x->history = hist[0] == '1';
            if (!(w = word(&p)) || strcmp(w, "R") != 0)
                return false;
            const char *reps[256];
            while ((w = word(&p)) && strcmp(w, "M") != 0)
                if (x->nrep < 256)
                    reps[x->nrep++] = w;
            x->rep = arena_alloc(a, sizeof *x->rep * (size_t)(x->nrep + 1));
            x->replen = arena_alloc(a, sizeof *x->replen * (size_t)(x->nrep + 1));
            for (int r = 0; r < x->nrep; r++) {
                x->rep[r] = reps[r];
                x->replen[r] = (uint32_t)strlen(reps[r]);
            }
            while ((w = word(&p)) && strcmp(w, "E") != 0) {
                int k = atoi(w);
                if (k < 0 || k >= ix->ndims)
                    return false;
                if (x->ndims < 8)
                    x->dims[x->ndims++] = k;
            }
            int32_t due[512];
            while ((w = word(&p)))
                if (x->ndue < 512 && date_word(w, &due[x->ndue]))
                    x->ndue++;
            x->due = arena_alloc(a, sizeof *x->due * (size_t)(x->ndue + 1));
            memcpy(x->due, due, sizeof *due * (size_t)x->ndue);
            trk_map_put(&ix->map, x->id, strlen(x->id), ix->nind);
            ix->nind++;
        }
    }
    return ix->agreement != NULL;
}

void obs_index_free(ObsIndex *ix)
{
    trk_map_free(&ix->map);
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
    int32_t next = plan_period_start(oi->anchor, oi->freq, 1);
    for (int64_t d = 0; d < days; d++) {
        while (oi->anchor + d >= next) {
            k++;
            next = plan_period_start(oi->anchor, oi->freq, k + 1);
        }
        t[d] = (int16_t)k;
    }
    return t;
}

void obs_init(Obs *o, const char *prog, const ObsIndex *ix, Arena *a, int32_t as_of,
              bool all_rows)
{
    memset(o, 0, sizeof *o);
    o->prog = prog;
    o->ix = ix;
    o->as_of = as_of;
    o->all_rows = all_rows;
    o->ind = arena_alloc(a, sizeof *o->ind * (size_t)(ix->nind ? ix->nind : 1));
    for (int i = 0; i < ix->nind; i++) {
        const ObsSpec *x = &ix->ind[i];
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
            oi->nper = plan_period_of(x->anchor, x->freq, as_of) + 1;
        oi->nwords = (oi->nper + 63) / 64;
        oi->slot_base = o->nslots;
        o->nslots += oi->nrep * oi->neval;
        oi->bit_base = o->nbits;
        o->nbits += oi->nrep * oi->nwords;
        oi->ptab = oi->nper > 0 ? period_table(o, a, oi) : NULL;
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
    o->slots = NULL;
    o->bits = NULL;
}

const ObsSlot *obs_slot(const Obs *o, int ind, int rep, int32_t date)
{
    const ObsInd *oi = &o->ind[ind];
    if (date > o->as_of)
        date = o->as_of;
    for (int e = 0; e < oi->neval; e++)
        if (oi->evals[e] == date)
            return &o->slots[oi->slot_base + rep * oi->neval + e];
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
    return o->bits[oi->bit_base + rep * oi->nwords + k / 64] >> (k % 64) & 1;
}

int obs_periods_reported(const Obs *o, int ind, int rep)
{
    const ObsInd *oi = &o->ind[ind];
    const uint64_t *b = o->bits + oi->bit_base + rep * oi->nwords;
    int n = 0;
    for (int w = 0; w < oi->nwords; w++)
        n += __builtin_popcountll(b[w]);
    return n;
}

/* ---- the scan --------------------------------------------------------------- */

typedef struct Field {
    const char *p;
    uint32_t n;
} Field;

/* Where the columns are, from the header. */
typedef struct Cols {
    int ind, date, value, rep;
    int need;                   /* fields a row must have */
    int ncols;
    int dim[MAX_FIELDS];        /* the dimension of a breakdown column, -1 */
    int dimcol[MAX_FIELDS];     /* the breakdown columns */
    int ndimcols;
} Cols;

typedef struct Worker {
    Obs *o;
    const Cols *cols;
    int fd;
    int64_t start, stop;        /* records starting in [start, stop) */
    bool last;                  /* reads to the end of the file */
    bool matched;               /* stopped exactly at `stop` */
    ObsSeries **ser;            /* [nind] -> [nrep] */
    ObsSlot *slots;             /* the worker's own, see ObsInd */
    uint64_t *bits;
    int32_t **pstart;           /* shared: period starts of each indicator */
    long rows, skipped, future;
    char last_date[10];         /* the previous row's date text and day: */
    int32_t last_day;           /* ledgers are grouped by date */
    char *scratch;
    size_t scratch_cap;
} Worker;

#ifdef __SSE2__
/* The fast path of the scan: one record without quotes, split with SSE2
 * (16 bytes compared at once).  Returns the start of the next record, or
 * NULL when the record holds a quote or does not end before `end` (the
 * buffer has 16 readable bytes past `end`). */
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
        if (end - q < 16)
            m &= (1u << (end - q)) - 1;
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

/* Parses one RFC 4180 record starting at p; unquoted fields point into
 * the buffer, quoted ones into w->scratch.  Returns the start of the next
 * record, or NULL when the record does not end before `end` (and !eof). */
static const char *parse_record(Worker *w, const char *p, const char *end, bool eof, Field *f,
                                int *nf)
{
    size_t need = (size_t)(end - p) + 1;
    if (w->scratch_cap < need) {
        w->scratch = xrealloc(w->scratch, need);
        w->scratch_cap = need;
    }
    char *out = w->scratch;
    int n = 0;
    for (;;) {
        const char *start;
        uint32_t len;
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
        s->rows = xrealloc(s->rows, sizeof *s->rows * (size_t)s->caprows);
    }
    s->rows[s->nrows++] = (ObsRow){date, cell, v};
}

static int dim_value(const ObsDim *d, const char *p, uint32_t n)
{
    for (int i = 0; i < d->nvalues; i++)
        if (strncmp(d->values[i], p, n) == 0 && d->values[i][n] == '\0')
            return i;
    return -1;
}

/* memcmp for short ids, inlined: the library call costs more than the
 * comparison of twenty bytes.  Eight bytes at a time; the tail is the
 * last eight bytes again (overlapping) when there are at least eight. */
static inline bool same(const char *a, const char *b, uint32_t n)
{
    uint64_t x, y;
    if (n >= 8) {
        for (uint32_t i = 0; i + 8 <= n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    while (n--)
        if (*a++ != *b++)
            return false;
    return true;
}

static inline int lookup(const TrkMap *m, const char *key, uint32_t len)
{
    for (uint32_t i = (uint32_t)trk_hash(key, len) & m->mask;; i = (i + 1) & m->mask) {
        const TrkMapEnt *e = &m->e[i];
        if (!e->key)
            return -1;
        if (e->len == len && same(e->key, key, len))
            return e->value;
    }
}

/* YYYY-MM-DD exactly, checked against the calendar; anything else goes to
 * csv_parse_date (which also trims spaces), so both accept the same. */
static inline bool fast_date(const char *s, uint32_t n, int32_t *out)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return csv_parse_date(s, n, out) == CSV_VALUE_OK;
    unsigned d[10];
    for (int i = 0; i < 10; i++)
        d[i] = (unsigned)(unsigned char)s[i] - '0';
    if (d[0] > 9 || d[1] > 9 || d[2] > 9 || d[3] > 9 || d[5] > 9 || d[6] > 9 || d[8] > 9 ||
        d[9] > 9)
        return false;
    int y = (int)(d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]);
    unsigned m = d[5] * 10 + d[6], day = d[8] * 10 + d[9];
    static const unsigned char mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m - 1 >= 12 || day == 0)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (day > (unsigned)mdays[m - 1] + (m == 2 && leap))
        return false;
    /* Days from civil (H. Hinnant), for years 0..9999. */
    int yy = y - (m <= 2);
    int era = yy / 400;
    unsigned yoe = (unsigned)(yy - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *out = era * 146097 + (int)doe - 719468;
    return true;
}

/* A plain decimal of at most 15 digits is exact as an integer divided by
 * a power of ten (Clinger's fast path, as csv_parse_number); anything
 * else goes to csv_parse_number. */
static inline bool fast_number(const char *s, uint32_t n, double *out)
{
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    uint32_t i = 0;
    bool neg = n > 0 && s[0] == '-';
    i += neg;
    uint64_t v = 0;
    int digits = 0, frac = -1;
    for (; i < n; i++) {
        unsigned c = (unsigned)(unsigned char)s[i] - '0';
        if (c <= 9) {
            v = v * 10 + c;
            digits++;
        } else if (s[i] == '.' && frac < 0) {
            frac = 0;
            continue;
        } else {
            break;
        }
        frac += frac >= 0;
    }
    if (i != n || digits == 0 || digits > 15)
        return csv_parse_number(s, n, out) == CSV_VALUE_OK;
    double d = frac > 0 ? (double)v / p10[frac] : (double)v;
    *out = neg ? -d : d;
    return true;
}

/* fast_date with a one-entry cache of the previous row's date. */
static inline bool row_date(Worker *w, const Field *f, int32_t *out)
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

static void row(Worker *w, const Field *f, int nf)
{
    const Cols *c = w->cols;
    Obs *o = w->o;
    const ObsIndex *ix = o->ix;
    if (nf == 1 && f[0].n == 0)
        return;     /* a blank line */
    w->rows++;
    if (nf < c->need) {
        w->skipped++;
        return;
    }
    const Field *fi = &f[c->ind];
    int i = lookup(&ix->map, fi->p, fi->n);
    if (i < 0 || ix->ind[i].derived) {
        w->skipped++;
        return;
    }
    const ObsSpec *x = &ix->ind[i];
    ObsInd *oi = &o->ind[i];
    const Field *fr = &f[c->rep];
    int r = 0;
    while (r < oi->nrep && !(x->replen[r] == fr->n && same(x->rep[r], fr->p, fr->n)))
        r++;
    int32_t date;
    double v;
    if (r == oi->nrep ||
        !row_date(w, &f[c->date], &date) ||
        !fast_number(f[c->value].p, f[c->value].n, &v)) {
        w->skipped++;
        return;
    }
    int32_t cell = -1;
    for (int j = 0; j < c->ndimcols; j++) {
        int k = c->dimcol[j], d = c->dim[k];
        if (k >= nf || f[k].n == 0)
            continue;   /* a short row: the column is empty */
        int pos = 0;
        while (pos < oi->ndims && x->dims[pos] != d)
            pos++;
        int vi = pos < oi->ndims ? dim_value(&ix->dims[d], f[k].p, f[k].n) : -1;
        if (vi < 0) {
            w->skipped++;
            return;
        }
        cell = (cell < 0 ? 0 : cell) + (vi + 1) * oi->mul[pos];
    }
    /* Columns the header has but a short row lacks are empty. */
    if (date > o->as_of) {
        w->future++;
        return;
    }
    bool full = cell >= 0 && obs_full_cell(oi, cell);
    ObsSlot *sl = w->slots + oi->slot_base + r * oi->neval;
    for (int e = 0; e < oi->neval; e++, sl++) {
        if (date > oi->evals[e])
            continue;
        if (cell < 0) {
            if (sl->tdate == DATE_NONE || date >= sl->tdate) {
                sl->tdate = date;
                sl->total = v;
            }
        } else if (full) {
            if (sl->cdate == DATE_NONE || date > sl->cdate) {
                sl->cdate = date;
                sl->csum = v;
            } else if (date == sl->cdate) {
                sl->csum += v;
            }
        }
    }
    if (oi->nper > 0 && date >= oi->anchor) {
        int k = oi->ptab ? oi->ptab[date - oi->anchor] : period_index(oi, w->pstart[i], date);
        if (k >= 0)
            w->bits[oi->bit_base + r * oi->nwords + k / 64] |= 1ull << (k % 64);
    }
    if (o->all_rows || (oi->history && (cell < 0 || full)))
        push_row(&w->ser[i][r], date, cell, v);
}

/* Reads records starting in [start, stop) (to the end for the last
 * worker).  The first worker also checks that a record starts exactly at
 * `stop`, where the next one began: if a quoted field with a line break
 * straddles `stop`, the halves disagree and it reads on to the end. */
static void *work(void *arg)
{
    Worker *w = arg;
    size_t cap = BLOCK, len = 0;
    char *buf = xcalloc(cap + 17, 1);     /* 16 bytes of slack for split_fast */
    int64_t off = w->start;     /* file offset of buf[0] */
    bool eof = false;
    size_t pos = 0;
    Field f[MAX_FIELDS];
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
                next = parse_record(w, p, end, eof, f, &nf);
            }
        }
        if (next) {
            row(w, f, nf);
            pos = (size_t)(next - buf);
            if (eof && pos >= len)
                break;
            continue;
        }
        if (eof)
            break;      /* an unterminated quote at the end: ignored */
        /* Refill: keep the partial record, grow when it fills the buffer. */
        memmove(buf, buf + pos, len - pos);
        off += (int64_t)pos;
        len -= pos;
        pos = 0;
        if (len == cap) {
            cap *= 2;
            buf = xrealloc(buf, cap + 17);
        }
        ssize_t n;
        do
            n = pread(w->fd, buf + len, cap - len, (off_t)(off + (int64_t)len));
        while (n < 0 && errno == EINTR);
        if (n <= 0)
            eof = true;
        else
            len += (size_t)n;
        if (eof && len == 0)
            break;
    }
    free(buf);
    free(w->scratch);
    return NULL;
}

static void merge(Obs *o, const Worker *into, const Worker *from)
{
    for (int k = 0; k < o->nslots; k++) {
        ObsSlot *x = &into->slots[k];
        const ObsSlot *y = &from->slots[k];
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
    for (int k = 0; k < o->nbits; k++)
        into->bits[k] |= from->bits[k];
    for (int i = 0; i < o->ix->nind; i++)
        for (int r = 0; r < o->ind[i].nrep; r++) {
            const ObsSeries *b = &from->ser[i][r];
            for (int k = 0; k < b->nrows; k++)
                push_row(&into->ser[i][r], b->rows[k].date, b->rows[k].cell, b->rows[k].value);
        }
}

static int read_header(Obs *o, int fd, const char *path, Cols *c, int64_t *data_start)
{
    char buf[8192];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n < 0)
        return fail(o, "cannot read %s: %s", path, strerror(errno));
    if (n == 0)
        return 1;   /* empty */
    size_t skip = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    Worker w = {0};
    Field f[MAX_FIELDS];
    int nf = 0;
    const char *next = parse_record(&w, buf + skip, buf + n, n < (ssize_t)sizeof buf - 1, f, &nf);
    if (!next) {
        free(w.scratch);
        return fail(o, "%s:1: the header line is too long or unterminated", path);
    }
    memset(c, 0, sizeof *c);
    c->ind = c->date = c->value = c->rep = -1;
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
        else
            for (int d = 0; d < o->ix->ndims; d++)
                if (strcmp(o->ix->dims[d].id, name) == 0) {
                    c->dim[k] = d;
                    c->dimcol[c->ndimcols++] = k;
                }
    }
    free(w.scratch);
    if (c->ind < 0 || c->date < 0 || c->value < 0 || c->rep < 0)
        return fail(o, "%s:1: the header must name the columns indicator, date, value and "
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

struct ObsRun {
    int fd;
    Cols cols;
    int nworkers;
    Worker w[2];
    pthread_t th[2];
    bool started[2];
    int32_t **pstart;
    ObsSeries **main_ser;
};

static void *work_thread(void *arg)
{
    return work(arg);
}

int obs_start(Obs *o, const char *path, int threads)
{
    const ObsIndex *ix = o->ix;
    /* The state exists even when the file does not. */
    for (int i = 0; i < ix->nind; i++)
        o->ind[i].s = new_series(&o->ind[i]);
    o->slots = new_slots(o->nslots);
    o->bits = xcalloc((size_t)o->nbits, sizeof *o->bits);
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        if (errno == ENOENT) {
            o->missing = true;
            return 0;
        }
        return fail(o, "cannot open %s: %s", path, strerror(errno));
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        int e = errno;
        close(fd);
        return fail(o, "cannot read %s: %s", path, S_ISDIR(st.st_mode) ? "it is a folder"
                                                                       : strerror(e));
    }
    struct ObsRun *run = xcalloc(1, sizeof *run);
    run->fd = fd;
    int64_t data = 0;
    int h = read_header(o, fd, path, &run->cols, &data);
    if (h != 0) {
        close(fd);
        free(run);
        return h == 1 ? 0 : 2;
    }
    run->pstart = xcalloc((size_t)ix->nind + 1, sizeof *run->pstart);
    for (int i = 0; i < ix->nind; i++) {
        ObsInd *oi = &o->ind[i];
        run->pstart[i] = xcalloc((size_t)oi->nper + 1, sizeof **run->pstart);
        for (int k = 0; !oi->ptab && k < oi->nper; k++)
            run->pstart[i][k] = plan_period_start(oi->anchor, oi->freq, k);
    }
    run->main_ser = xcalloc((size_t)ix->nind + 1, sizeof *run->main_ser);
    for (int i = 0; i < ix->nind; i++)
        run->main_ser[i] = o->ind[i].s;

    int64_t size = (int64_t)st.st_size;
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
        Worker *w = &run->w[k];
        w->o = o;
        w->cols = &run->cols;
        w->fd = fd;
        w->pstart = run->pstart;
        w->start = k == 0 ? data : mid;
        w->stop = k == 0 && threads == 2 ? mid : size;
        w->last = k == threads - 1;
        if (k == 0) {
            w->ser = run->main_ser;
            w->slots = o->slots;
            w->bits = o->bits;
        } else {
            w->ser = xcalloc((size_t)ix->nind + 1, sizeof *w->ser);
            for (int i = 0; i < ix->nind; i++)
                w->ser[i] = new_series(&o->ind[i]);
            w->slots = new_slots(o->nslots);
            w->bits = xcalloc((size_t)o->nbits, sizeof *w->bits);
        }
    }
    /* The first half may have to read on if the halves disagree (see
     * work()); the second half's results are then thrown away, which is
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
    const ObsIndex *ix = o->ix;
    /* A worker whose thread could not start reads its part here. */
    for (int k = 0; k < run->nworkers; k++) {
        if (run->started[k])
            pthread_join(run->th[k], NULL);
        else
            work(&run->w[k]);
    }
    if (run->nworkers == 2 && run->w[0].matched) {
        merge(o, &run->w[0], &run->w[1]);
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
    }
    for (int i = 0; i < ix->nind; i++)
        free(run->pstart[i]);
    free(run->pstart);
    free(run->main_ser);
    close(run->fd);
    free(run);
    o->run = NULL;
}
