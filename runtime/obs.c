/* obs.c - the streaming reader of observations.csv.  See obs.h. */
#define _GNU_SOURCE /* memrchr */
#include "obs.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static void slot_clear(ObsSlot *s)
{
    s->tdate = s->cdate = DATE_NONE;
    s->total = s->csum = 0;
}

static ObsSeries *new_series(const ObsInd *oi)
{
    ObsSeries *s = xcalloc((size_t)oi->nrep, sizeof *s);
    for (int r = 0; r < oi->nrep; r++) {
        s[r].slot = xcalloc((size_t)oi->neval, sizeof *s[r].slot);
        for (int e = 0; e < oi->neval; e++)
            slot_clear(&s[r].slot[e]);
        s[r].bits = xcalloc((size_t)(oi->nper + 63) / 64, sizeof *s[r].bits);
    }
    return s;
}

static void free_series(const ObsInd *oi, ObsSeries *s)
{
    if (!s)
        return;
    for (int r = 0; r < oi->nrep; r++) {
        free(s[r].slot);
        free(s[r].bits);
        free(s[r].rows);
    }
    free(s);
}

void obs_init(Obs *o, Trk *t, int32_t as_of, bool all_rows)
{
    memset(o, 0, sizeof *o);
    o->t = t;
    o->as_of = as_of;
    o->all_rows = all_rows;
    o->ind = arena_alloc(t->a, sizeof *o->ind * (size_t)(t->nind ? t->nind : 1));
    for (int i = 0; i < t->nind; i++) {
        const Indicator *ind = t->ind[i];
        ObsInd *oi = &o->ind[i];
        oi->evals = arena_alloc(t->a, sizeof *oi->evals * 4);
        oi->evals[oi->neval++] = as_of;
        oi->history = all_rows;
        oi->nrep = ind->reporters.n;
        /* Reporting periods start at the baseline, else at the term. */
        oi->anchor = ind->has_baseline ? ind->baseline_date : t->ag->term_start;
        oi->freq = ind->frequency;
        if (ind->frequency.n > 0 && oi->anchor != DATE_NONE && !ind->formula)
            oi->nper = plan_period_of(oi->anchor, ind->frequency, as_of) + 1;
        int32_t mul = 1;
        oi->ndims = ind->dims.n < 8 ? ind->dims.n : 8;
        for (int k = 0; k < oi->ndims; k++) {
            oi->mul[k] = mul;
            int64_t next = (int64_t)mul * (ind->dims.v[k]->values.n + 1);
            if (next > INT32_MAX / 2) {
                oi->ndims = k;      /* too many cells to code: breakdowns not kept */
                break;
            }
            mul = (int32_t)next;
        }
    }
}

void obs_add_eval(Obs *o, int ind, int32_t date)
{
    ObsInd *oi = &o->ind[ind];
    if (date > o->as_of)
        date = o->as_of;
    for (int e = 0; e < oi->neval; e++)
        if (oi->evals[e] == date)
            return;
    if ((oi->neval & (oi->neval - 1)) == 0 && oi->neval >= 4) {
        int32_t *v = arena_alloc(o->t->a, sizeof *v * (size_t)oi->neval * 2);
        memcpy(v, oi->evals, sizeof *v * (size_t)oi->neval);
        oi->evals = v;
    }
    oi->evals[oi->neval++] = date;
}

void obs_want_history(Obs *o, int ind)
{
    o->ind[ind].history = true;
}

void obs_free(Obs *o)
{
    for (int i = 0; i < o->t->nind; i++)
        free_series(&o->ind[i], o->ind[i].s);
}

const ObsSlot *obs_slot(const Obs *o, int ind, int rep, int32_t date)
{
    const ObsInd *oi = &o->ind[ind];
    if (date > o->as_of)
        date = o->as_of;
    for (int e = 0; e < oi->neval; e++)
        if (oi->evals[e] == date)
            return &oi->s[rep].slot[e];
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

int obs_periods_reported(const Obs *o, int ind, int rep)
{
    const ObsInd *oi = &o->ind[ind];
    int n = 0;
    for (int w = 0; w < (oi->nper + 63) / 64; w++)
        n += __builtin_popcountll(oi->s[rep].bits[w]);
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
    const Dimension *dim[MAX_FIELDS];   /* the dimension of a breakdown column */
} Cols;

typedef struct Worker {
    Obs *o;
    const Cols *cols;
    int fd;
    int64_t start, stop;        /* records starting in [start, stop) */
    bool last;                  /* reads to the end of the file */
    bool matched;               /* stopped exactly at `stop` */
    ObsSeries **ser;            /* [nind] -> [nrep] */
    int32_t **pstart;           /* shared: period starts of each indicator */
    long rows, skipped, future;
    char *scratch;
    size_t scratch_cap;
} Worker;

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

static int dim_value(const Dimension *d, const char *p, uint32_t n)
{
    for (int i = 0; i < d->values.n; i++)
        if (strlen(d->values.v[i]) == n && memcmp(d->values.v[i], p, n) == 0)
            return i;
    return -1;
}

static void row(Worker *w, const Field *f, int nf)
{
    const Cols *c = w->cols;
    Obs *o = w->o;
    const Trk *t = o->t;
    if (nf == 1 && f[0].n == 0)
        return;     /* a blank line */
    w->rows++;
    if (nf < c->need) {
        w->skipped++;
        return;
    }
    const Field *fi = &f[c->ind];
    int i = trk_map_get(&t->ind_ix, fi->p, fi->n, trk_hash(fi->p, fi->n));
    if (i < 0 || t->ind[i]->formula) {
        w->skipped++;
        return;
    }
    const Indicator *ind = t->ind[i];
    ObsInd *oi = &o->ind[i];
    const Field *fr = &f[c->rep];
    int r = 0;
    for (; r < oi->nrep; r++) {
        const char *id = ind->reporters.v[r]->d.id;
        if (strncmp(id, fr->p, fr->n) == 0 && id[fr->n] == '\0')
            break;
    }
    int32_t date;
    double v;
    if (r == oi->nrep ||
        csv_parse_date(f[c->date].p, f[c->date].n, &date) != CSV_VALUE_OK ||
        csv_parse_number(f[c->value].p, f[c->value].n, &v) != CSV_VALUE_OK) {
        w->skipped++;
        return;
    }
    int32_t cell = -1;
    for (int k = c->need; k < nf && k < c->ncols; k++) {
        const Dimension *d = c->dim[k];
        if (!d || f[k].n == 0)
            continue;
        int pos = 0;
        while (pos < oi->ndims && ind->dims.v[pos] != d)
            pos++;
        int vi = pos < oi->ndims ? dim_value(d, f[k].p, f[k].n) : -1;
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
    ObsSeries *s = &w->ser[i][r];
    bool full = cell >= 0 && obs_full_cell(oi, cell);
    for (int e = 0; e < oi->neval; e++) {
        ObsSlot *sl = &s->slot[e];
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
    int k = period_index(oi, w->pstart[i], date);
    if (k >= 0)
        s->bits[k / 64] |= 1ull << (k % 64);
    if (o->all_rows || (oi->history && (cell < 0 || full)))
        push_row(s, date, cell, v);
}

/* Reads records starting in [start, stop) (to the end for the last
 * worker).  The first worker also checks that a record starts exactly at
 * `stop`, where the next one began: if a quoted field with a line break
 * straddles `stop`, the halves disagree and it reads on to the end. */
static void *work(void *arg)
{
    Worker *w = arg;
    size_t cap = BLOCK, len = 0;
    char *buf = xcalloc(cap + 1, 1);
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
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *next = NULL;
        int nf = 0;
        if (nl && !memchr(p, '"', (size_t)(nl - p))) {
            const char *e = nl > p && nl[-1] == '\r' ? nl - 1 : nl;
            nf = split_plain(p, e, f);
            next = nl + 1;
        } else if (nl || eof) {
            next = parse_record(w, p, end, eof, f, &nf);
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
            buf = xrealloc(buf, cap + 1);
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

static void merge(Obs *o, ObsSeries **into, ObsSeries **from)
{
    for (int i = 0; i < o->t->nind; i++) {
        ObsInd *oi = &o->ind[i];
        for (int r = 0; r < oi->nrep; r++) {
            ObsSeries *a = &into[i][r], *b = &from[i][r];
            for (int e = 0; e < oi->neval; e++) {
                ObsSlot *x = &a->slot[e], *y = &b->slot[e];
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
            for (int k = 0; k < (oi->nper + 63) / 64; k++)
                a->bits[k] |= b->bits[k];
            for (int k = 0; k < b->nrows; k++)
                push_row(a, b->rows[k].date, b->rows[k].cell, b->rows[k].value);
        }
    }
}

static int read_header(Obs *o, int fd, const char *path, Cols *c, int64_t *data_start)
{
    char buf[8192];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n < 0)
        return trk_fail(o->t, "cannot read %s: %s", path, strerror(errno));
    if (n == 0)
        return 1;   /* empty */
    size_t skip = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    Worker w = {0};
    Field f[MAX_FIELDS];
    int nf = 0;
    const char *next = parse_record(&w, buf + skip, buf + n, n < (ssize_t)sizeof buf - 1, f, &nf);
    if (!next) {
        free(w.scratch);
        return trk_fail(o->t, "%s:1: the header line is too long or unterminated", path);
    }
    memset(c, 0, sizeof *c);
    c->ind = c->date = c->value = c->rep = -1;
    c->ncols = nf;
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
            for (int d = 0; d < o->t->m->dimensions.n; d++)
                if (strcmp(o->t->m->dimensions.v[d]->d.id, name) == 0)
                    c->dim[k] = o->t->m->dimensions.v[d];
    }
    free(w.scratch);
    if (c->ind < 0 || c->date < 0 || c->value < 0 || c->rep < 0)
        return trk_fail(o->t, "%s:1: the header must name the columns indicator, date, value "
                              "and reporter (run '%s validate %s')", path, o->t->prog, path);
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

int obs_scan(Obs *o, const char *path, int threads)
{
    Trk *t = o->t;
    /* The series state exists even when the file does not. */
    for (int i = 0; i < t->nind; i++)
        o->ind[i].s = new_series(&o->ind[i]);
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        if (errno == ENOENT) {
            o->missing = true;
            return 0;
        }
        return trk_fail(t, "cannot open %s: %s", path, strerror(errno));
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        close(fd);
        return trk_fail(t, "cannot read %s: %s", path, S_ISDIR(st.st_mode) ? "a folder" : strerror(errno));
    }
    Cols cols;
    int64_t data = 0;
    int h = read_header(o, fd, path, &cols, &data);
    if (h != 0) {
        close(fd);
        return h == 1 ? 0 : 2;
    }
    int32_t **pstart = xcalloc((size_t)t->nind, sizeof *pstart);
    for (int i = 0; i < t->nind; i++) {
        ObsInd *oi = &o->ind[i];
        pstart[i] = xcalloc((size_t)oi->nper + 1, sizeof **pstart);
        for (int k = 0; k < oi->nper; k++)
            pstart[i][k] = plan_period_start(oi->anchor, oi->freq, k);
    }
    ObsSeries **main_ser = xcalloc((size_t)t->nind, sizeof *main_ser);
    for (int i = 0; i < t->nind; i++)
        main_ser[i] = o->ind[i].s;

    int64_t size = (int64_t)st.st_size;
    if (threads > 2)
        threads = 2;
    if (size - data < 4 * 1024 * 1024)
        threads = 1;
    /* The second half starts after the first line break past the middle. */
    int64_t mid = size;
    if (threads == 2) {
        char probe[4096];
        int64_t at = data + (size - data) / 2;
        mid = size;
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
    Worker w[2];
    memset(w, 0, sizeof w);
    for (int k = 0; k < threads; k++) {
        w[k].o = o;
        w[k].cols = &cols;
        w[k].fd = fd;
        w[k].pstart = pstart;
        w[k].start = k == 0 ? data : mid;
        w[k].stop = k == 0 && threads == 2 ? mid : size;
        w[k].last = k == threads - 1;
        if (k == 0) {
            w[k].ser = main_ser;
        } else {
            w[k].ser = xcalloc((size_t)t->nind, sizeof *w[k].ser);
            for (int i = 0; i < t->nind; i++)
                w[k].ser[i] = new_series(&o->ind[i]);
        }
    }
    pthread_t th;
    bool threaded = threads == 2 && pthread_create(&th, NULL, work, &w[1]) == 0;
    if (threads == 2 && !threaded)
        w[0].last = true;
    work(&w[0]);
    if (threaded) {
        pthread_join(th, NULL);
        if (w[0].matched) {
            merge(o, main_ser, w[1].ser);
            o->rows += w[1].rows;
            o->skipped += w[1].skipped;
            o->future += w[1].future;
        }
    }
    o->rows += w[0].rows;
    o->skipped += w[0].skipped;
    o->future += w[0].future;
    if (threads == 2) {
        for (int i = 0; i < t->nind; i++)
            free_series(&o->ind[i], w[1].ser[i]);
        free(w[1].ser);
    }
    for (int i = 0; i < t->nind; i++)
        free(pstart[i]);
    free(pstart);
    free(main_ser);
    close(fd);
    return 0;
}
