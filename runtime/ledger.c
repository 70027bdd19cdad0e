/* ledger.c - validating data files and writing the ledger.  See ledger.h. */
#define _POSIX_C_SOURCE 200809L
#include "ledger.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "suggest.h"

typedef enum Kind { OBS, EVENTS } Kind;

/* The columns a file of each kind may have: the fixed ones, then (for
 * observations) one per dimension of the agreement. */
enum { C_ID, C_DATE, C_VALUE, C_WHO, C_NOTE, C_DIM0 };
static const char *const obs_cols[] = {"indicator", "date", "value", "reporter", "note"};
static const char *const ev_cols[] = {"milestone", "date", "status", "by", "note"};

typedef struct Msg {
    int src;
    long line;
    int seq;
    const char *text;
} Msg;

typedef struct Row {
    const char **val;           /* [ncols] texts, "" when empty */
    const char *key;            /* what makes two rows the same report */
    double value;               /* observations: the value */
    int32_t date;
    int src;
    long line;
    bool dup;                   /* already in the ledger with the same value */
} Row;

typedef struct Check {
    Trk *t;
    Kind kind;
    int ncols;
    const char **cols;          /* column names by id */
    VEC(const char *) srcs;     /* display names of the sources */
    VEC(bool) cmdline;          /* a source that is the command line */
    VEC(Msg) msgs;
    VEC(Row) rows;
    TrkMap keys;                /* key -> row */
    long nrows, bad_rows;
    bool fatal;                 /* a file could not be read at all */
} Check;

static void check_init(Check *c, Trk *t, Kind kind)
{
    memset(c, 0, sizeof *c);
    c->t = t;
    c->kind = kind;
    int nd = kind == OBS ? t->m->dimensions.n : 0;
    c->ncols = C_DIM0 + nd;
    c->cols = arena_alloc(t->a, sizeof *c->cols * (size_t)c->ncols);
    for (int k = 0; k < C_DIM0; k++)
        c->cols[k] = kind == OBS ? obs_cols[k] : ev_cols[k];
    for (int k = 0; k < nd; k++)
        c->cols[C_DIM0 + k] = t->m->dimensions.v[k]->d.id;
    trk_map_init(&c->keys, 64);
}

static void check_free(Check *c)
{
    trk_map_free(&c->keys);
}

static void msg(Check *c, int src, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void msg(Check *c, int src, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Msg m = {src, line, c->msgs.n, arena_vprintf(c->t->a, fmt, ap)};
    va_end(ap);
    VEC_PUSH(c->t->a, c->msgs, m);
}

static int msg_cmp(const void *a, const void *b)
{
    const Msg *x = a, *y = b;
    if (x->src != y->src)
        return x->src - y->src;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->seq - y->seq;
}

/* Prints the messages in file and line order; returns how many. */
static int print_msgs(Check *c)
{
    if (c->msgs.n > 1)
        qsort(c->msgs.v, (size_t)c->msgs.n, sizeof *c->msgs.v, msg_cmp);
    for (int i = 0; i < c->msgs.n; i++) {
        const Msg *m = &c->msgs.v[i];
        if (c->cmdline.v[m->src])
            fprintf(stderr, "%s: error: %s\n", c->t->prog, m->text);
        else if (m->line > 0)
            fprintf(stderr, "%s:%ld: error: %s\n", c->srcs.v[m->src], m->line, m->text);
        else
            fprintf(stderr, "%s: error: %s\n", c->srcs.v[m->src], m->text);
    }
    return c->msgs.n;
}

static const char *field_text(Check *c, const csv_field *f)
{
    const char *s = f->ptr;
    size_t n = f->len;
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return arena_strndup(c->t->a, s, n);
}

static const char *did_you_mean(Check *c, const char *sg)
{
    return sg ? arena_printf(c->t->a, "; did you mean '%s'?", sg) : "";
}

static const char *list_partners(Check *c, const Indicator *ind)
{
    Buf b;
    buf_init(&b);
    for (int k = 0; k < ind->reporters.n; k++)
        buf_printf(&b, "%s%s", k ? ", " : "", ind->reporters.v[k]->d.id);
    const char *s = arena_strdup(c->t->a, ind->reporters.n ? buf_cstr(&b) : "nobody");
    buf_free(&b);
    return s;
}

static const char *list_values(Check *c, const Dimension *d)
{
    Buf b;
    buf_init(&b);
    for (int k = 0; k < d->values.n; k++)
        buf_printf(&b, "%s%s", k ? ", " : "", d->values.v[k]);
    const char *s = arena_strdup(c->t->a, buf_cstr(&b));
    buf_free(&b);
    return s;
}

/* ---- one row ---------------------------------------------------------------- */

/* What makes two rows the same report: the indicator, date, reporter and
 * breakdown of an observation; the milestone of an event.  False when the
 * date cannot be read. */
static bool row_key(const Check *c, const char **v, Buf *key, int32_t *date)
{
    key->len = 0;
    if (csv_parse_date(v[C_DATE], strlen(v[C_DATE]), date) != CSV_VALUE_OK)
        return false;
    buf_puts(key, v[C_ID]);
    if (c->kind == OBS) {
        buf_printf(key, "\x1f%ld\x1f%s", (long)*date, v[C_WHO]);
        for (int k = C_DIM0; k < c->ncols; k++)
            buf_printf(key, "\x1f%s", v[k]);
    }
    buf_cstr(key);
    return true;
}

/* Checks the texts of one row; returns whether it is good, with its key. */
static bool check_row(Check *c, Row *r)
{
    Trk *t = c->t;
    int src = r->src;
    long line = r->line;
    bool ok = true;
    const char **v = r->val;
    const char *what = c->kind == OBS ? "indicator" : "milestone";
    if (!*v[C_ID]) {
        msg(c, src, line, "the %s is missing", what);
        ok = false;
    }
    /* The date. */
    enum csv_value_error de = csv_parse_date(v[C_DATE], strlen(v[C_DATE]), &r->date);
    if (de == CSV_VALUE_EMPTY) {
        msg(c, src, line, "the date is missing");
        ok = false;
    } else if (de != CSV_VALUE_OK) {
        msg(c, src, line, "the date '%s' %s", v[C_DATE],
            de == CSV_VALUE_NO_SUCH_DAY ? "is not a day of the calendar"
                                        : "is not a date of the form YYYY-MM-DD");
        ok = false;
    }
    /* Who. */
    const char *who = v[C_WHO];
    int p = -1;
    if (!*who) {
        msg(c, src, line, "the %s is missing", c->kind == OBS ? "reporter" : "partner (by)");
        ok = false;
    } else if ((p = trk_partner(t, who, strlen(who))) < 0) {
        msg(c, src, line, "unknown partner '%s'%s", who,
            did_you_mean(c, trk_suggest_partner(t, who)));
        ok = false;
    }
    Buf key;
    buf_init(&key);
    if (c->kind == EVENTS) {
        const char *id = v[C_ID];
        if (*id && trk_milestone(t, id, strlen(id)) < 0) {
            msg(c, src, line, "unknown milestone '%s'%s", id,
                did_you_mean(c, trk_suggest_milestone(t, id)));
            ok = false;
        }
        const char *st = v[C_VALUE];
        static const char *const states[] = {"done", "cancelled"};
        if (!*st) {
            msg(c, src, line, "the status is missing (done or cancelled)");
            ok = false;
        } else if (strcmp(st, "done") != 0 && strcmp(st, "cancelled") != 0) {
            msg(c, src, line, "the status '%s' is neither done nor cancelled%s", st,
                did_you_mean(c, suggest_from(st, states, 2)));
            ok = false;
        }
        r->value = strcmp(st, "done") == 0 ? 1 : 2;
    } else {
        const char *id = v[C_ID];
        int i = *id ? trk_indicator(t, id, strlen(id)) : -1;
        const Indicator *ind = i >= 0 ? t->ind[i] : NULL;
        if (*id && !ind) {
            msg(c, src, line, "unknown indicator '%s'%s", id,
                did_you_mean(c, trk_suggest_indicator(t, id)));
            ok = false;
        } else if (ind && ind->formula) {
            msg(c, src, line,
                "'%s' is a derived indicator: the tracker computes it from its formula, so it "
                "takes no observations", id);
            ok = false;
        }
        const char *val = v[C_VALUE];
        enum csv_value_error ve = csv_parse_number(val, strlen(val), &r->value);
        if (ve == CSV_VALUE_EMPTY) {
            msg(c, src, line, "the value is missing");
            ok = false;
        } else if (ve != CSV_VALUE_OK) {
            msg(c, src, line, "the value '%s' %s", val, csv_value_strerror(ve));
            ok = false;
        }
        if (ind && !ind->formula && p >= 0) {
            bool named = false;
            for (int k = 0; k < ind->reporters.n; k++)
                named |= ind->reporters.v[k] == t->part[p];
            if (!named) {
                msg(c, src, line, "partner '%s' does not report '%s' (the agreement names %s)",
                    who, id, list_partners(c, ind));
                ok = false;
            }
        }
        for (int k = C_DIM0; k < c->ncols; k++) {
            const char *dv = v[k];
            if (!*dv || !ind)
                continue;
            const Dimension *d = t->m->dimensions.v[k - C_DIM0];
            bool has = false;
            for (int j = 0; j < ind->dims.n; j++)
                has |= ind->dims.v[j] == d;
            if (!has) {
                msg(c, src, line, "'%s' is not broken down by %s, but the row gives %s '%s'", id,
                    d->d.id, d->d.id, dv);
                ok = false;
                continue;
            }
            bool allowed = false;
            for (int j = 0; j < d->values.n; j++)
                allowed |= strcmp(d->values.v[j], dv) == 0;
            if (!allowed) {
                msg(c, src, line, "'%s' is not a value of dimension %s (%s)%s", dv, d->d.id,
                    list_values(c, d),
                    did_you_mean(c, suggest_from(dv, (const char *const *)d->values.v,
                                                 (size_t)d->values.n)));
                ok = false;
            }
        }
    }
    int32_t d;
    if (ok && row_key(c, v, &key, &d))
        r->key = arena_strdup(t->a, buf_cstr(&key));
    buf_free(&key);
    return ok;
}

static const char *where(const Check *c, int src, long line)
{
    if (c->cmdline.v[src])
        return "on the command line";
    return arena_printf(c->t->a, "at %s:%ld", c->srcs.v[src], line);
}

/* A second row for the same key: the same value is a duplicate, another
 * value a conflict. */
static void check_pair(Check *c, Row *first, Row *r)
{
    char a[32], b[32], d[16];
    if (c->kind == OBS) {
        if (first->value == r->value) {
            r->dup = true;
            return;
        }
        msg(c, r->src, r->line,
            "a second, different value for '%s' on %s by %s: %s %s, %s %s", r->val[C_ID],
            r->val[C_DATE], r->val[C_WHO], trk_num(r->value, a),
            c->cmdline.v[r->src] ? "on the command line" : "here", trk_num(first->value, b),
            where(c, first->src, first->line));
    } else {
        if (first->value == r->value && first->date == r->date) {
            r->dup = true;
            return;
        }
        msg(c, r->src, r->line, "milestone '%s' already has an event: %s on %s by %s %s",
            r->val[C_ID], first->value == 1 ? "done" : "cancelled", date_iso(first->date, d),
            first->val[C_WHO], where(c, first->src, first->line));
    }
}

/* ---- a file ----------------------------------------------------------------- */

static int add_src(Check *c, const char *name, bool cmdline)
{
    VEC_PUSH(c->t->a, c->srcs, name);
    VEC_PUSH(c->t->a, c->cmdline, cmdline);
    return c->srcs.n - 1;
}

/* Maps header names to column ids; -1 entries are reported. */
static bool read_cols(Check *c, csv_reader *r, int src, int *map, size_t *nmap)
{
    size_t n;
    const csv_field *h = csv_header(r, &n);
    bool ok = true;
    bool *seen = arena_alloc(c->t->a, sizeof *seen * (size_t)c->ncols);
    *nmap = n;
    for (size_t k = 0; k < n; k++) {
        map[k] = -1;
        const char *name = field_text(c, &h[k]);
        for (int j = 0; j < c->ncols; j++)
            if (strcmp(c->cols[j], name) == 0)
                map[k] = j;
        if (map[k] < 0) {
            bool looks_like_data = k == 0 && (trk_indicator(c->t, name, strlen(name)) >= 0 ||
                                              trk_milestone(c->t, name, strlen(name)) >= 0);
            if (looks_like_data) {
                msg(c, src, 1, "the first line must name the columns (%s,%s,%s,%s[,note]%s), "
                               "not hold data", c->cols[0], c->cols[1], c->cols[2], c->cols[3],
                    c->kind == OBS && c->ncols > C_DIM0 ? " and breakdown columns" : "");
                return false;
            }
            msg(c, src, 1, "unknown column '%s'%s", name,
                did_you_mean(c, suggest_from(name, c->cols, (size_t)c->ncols)));
            ok = false;
        } else if (seen[map[k]]) {
            msg(c, src, 1, "the column '%s' appears twice", name);
            ok = false;
        } else {
            seen[map[k]] = true;
        }
    }
    for (int j = 0; j < C_NOTE; j++)
        if (!seen[j]) {
            msg(c, src, 1, "the header has no column '%s' (the columns are %s,%s,%s,%s[,note]%s)",
                c->cols[j], c->cols[0], c->cols[1], c->cols[2], c->cols[3],
                c->kind == OBS && c->ncols > C_DIM0 ? " and breakdown columns" : "");
            ok = false;
        }
    return ok;
}

static void check_reader(Check *c, csv_reader *r, int src)
{
    Trk *t = c->t;
    int st = csv_read_header(r);
    if (st == CSV_END)
        return;         /* an empty file has no rows to check */
    if (st == CSV_ERROR) {
        char why[256];
        csv_describe_error(csv_last_error(r), why, sizeof why);
        msg(c, src, csv_last_error(r)->line, "%s", why);
        c->bad_rows++;
        return;
    }
    int map[256];
    size_t nmap;
    if (!read_cols(c, r, src, map, &nmap)) {
        c->bad_rows++;
        return;
    }
    csv_record rec;
    while ((st = csv_next(r, &rec)) != CSV_END) {
        c->nrows++;
        if (st == CSV_ERROR) {
            const csv_error *e = csv_last_error(r);
            char why[256];
            csv_describe_error(e, why, sizeof why);
            msg(c, src, e->line, "%s", why);
            c->bad_rows++;
            continue;
        }
        Row row = {0};
        row.src = src;
        row.line = rec.line;
        row.val = arena_alloc(t->a, sizeof *row.val * (size_t)c->ncols);
        for (int k = 0; k < c->ncols; k++)
            row.val[k] = "";
        if (rec.count > nmap) {
            msg(c, src, rec.line, "the row has %zu fields but the header names %zu columns",
                rec.count, nmap);
            c->bad_rows++;
            continue;
        }
        for (size_t k = 0; k < rec.count; k++)
            row.val[map[k]] = field_text(c, &rec.fields[k]);
        if (!check_row(c, &row)) {
            c->bad_rows++;
            continue;
        }
        int prev = trk_map_find(&c->keys, row.key);
        if (prev >= 0) {
            int before = c->msgs.n;
            check_pair(c, &c->rows.v[prev], &row);
            if (c->msgs.n > before) {
                c->bad_rows++;
                continue;
            }
        }
        VEC_PUSH(t->a, c->rows, row);
        if (prev < 0)
            trk_map_put(&c->keys, row.key, strlen(row.key), c->rows.n - 1);
    }
}

/* The kind of a file from its header: observations name an indicator
 * column, events a milestone column.  -1 when neither (reported). */
static int file_kind(Trk *t, const char *path)
{
    csv_error err;
    csv_reader *r = csv_open(path, NULL, &err);
    if (!r) {
        char why[256];
        csv_describe_error(&err, why, sizeof why);
        trk_fail(t, "%s: %s", path, why);
        return -2;
    }
    int st = csv_read_header(r);
    int kind = -1;
    if (st == CSV_RECORD) {
        if (csv_find_column(r, "indicator") >= 0)
            kind = OBS;
        else if (csv_find_column(r, "milestone") >= 0)
            kind = EVENTS;
    }
    csv_close(r);
    if (kind < 0) {
        const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        if (strstr(base, "event"))
            return EVENTS;
        if (strstr(base, "observ"))
            return OBS;
        fprintf(stderr,
                "%s:1: error: not a data file of this tracker: the first line must name the "
                "columns, indicator,date,value,reporter[,note] for observations or "
                "milestone,date,status,by[,note] for milestone events\n", path);
    }
    return kind;
}

static void check_file(Check *c, const char *path)
{
    int src = add_src(c, path, false);
    csv_error err;
    csv_reader *r = csv_open(path, NULL, &err);
    if (!r) {
        char why[256];
        csv_describe_error(&err, why, sizeof why);
        msg(c, src, 0, "%s", why);
        c->fatal = true;
        return;
    }
    check_reader(c, r, src);
    csv_close(r);
}

/* Compares the new rows with the ledger's (a streaming pass: memory
 * grows with the new rows only). */
static void check_against(Check *c, const char *path, int src)
{
    csv_error err;
    csv_reader *r = csv_open(path, NULL, &err);
    if (!r)
        return;     /* no ledger yet, or unreadable: the write reports it */
    if (csv_read_header(r) != CSV_RECORD) {
        csv_close(r);
        return;
    }
    int map[256];
    size_t nmap;
    size_t n;
    const csv_field *h = csv_header(r, &n);
    nmap = n < 256 ? n : 256;
    for (size_t k = 0; k < nmap; k++) {
        map[k] = -1;
        for (int j = 0; j < c->ncols; j++)
            if (strlen(c->cols[j]) == h[k].len && memcmp(c->cols[j], h[k].ptr, h[k].len) == 0)
                map[k] = j;
    }
    csv_record rec;
    int st;
    Trk *t = c->t;
    const char **val = arena_alloc(t->a, sizeof *val * (size_t)c->ncols);
    Buf key;
    buf_init(&key);
    while ((st = csv_next(r, &rec)) != CSV_END) {
        if (st != CSV_RECORD || rec.count > nmap)
            continue;
        for (int k = 0; k < c->ncols; k++)
            val[k] = "";
        for (size_t k = 0; k < rec.count; k++)
            if (map[k] >= 0)
                val[map[k]] = rec.fields[k].ptr;
        int32_t date;
        if (!row_key(c, val, &key, &date))
            continue;
        int k = trk_map_find(&c->keys, key.data);
        if (k < 0)
            continue;
        /* The ledger's row of a new row's key: nothing is allocated for
         * the ledger's other rows, so memory follows the new rows. */
        Row old = {0};
        old.src = src;
        old.line = rec.line;
        old.date = date;
        old.val = arena_alloc(t->a, sizeof *old.val * (size_t)c->ncols);
        for (int j = 0; j < c->ncols; j++)
            old.val[j] = arena_strdup(t->a, val[j]);
        if (c->kind == OBS) {
            if (csv_parse_number(val[C_VALUE], strlen(val[C_VALUE]), &old.value) != CSV_VALUE_OK)
                continue;
        } else {
            old.value = strcmp(val[C_VALUE], "done") == 0 ? 1 : 2;
        }
        Row *nr = &c->rows.v[k];
        if (nr->dup)
            continue;   /* already matched a ledger row */
        int before = c->msgs.n;
        check_pair(c, &old, nr);
        if (c->msgs.n > before)
            c->bad_rows++;
        /* The new rows after the first with this key repeat it. */
        if (nr->dup)
            for (int j = k + 1; j < c->rows.n; j++)
                if (strcmp(c->rows.v[j].key, nr->key) == 0)
                    c->rows.v[j].dup = true;
    }
    buf_free(&key);
    csv_close(r);
}

/* ---- writing ---------------------------------------------------------------- */

static void csv_put(Buf *b, const char *s)
{
    if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && (!*s || s[strlen(s) - 1] != ' ')) {
        buf_puts(b, s);
        return;
    }
    buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            buf_putc(b, '"');
        buf_putc(b, *s);
    }
    buf_putc(b, '"');
}

static int lock_ledger(Trk *t)
{
    const char *dir = t->data_dir;
    struct stat st;
    if (stat(dir, &st) != 0) {
        /* Another process may be creating it at the same time. */
        if (errno != ENOENT || (mkdir(dir, 0777) != 0 && errno != EEXIST)) {
            trk_fail(t, "cannot create the ledger folder %s: %s", dir, strerror(errno));
            return -1;
        }
    } else if (!S_ISDIR(st.st_mode)) {
        trk_fail(t, "the ledger %s is not a folder", dir);
        return -1;
    }
    const char *lp = trk_path(t, ".lock");
    int fd = open(lp, O_RDWR | O_CREAT, 0666);
    if (fd < 0) {
        trk_fail(t, "cannot open the lock %s: %s", lp, strerror(errno));
        return -1;
    }
    while (flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            trk_fail(t, "cannot lock the ledger %s: %s", dir, strerror(errno));
            close(fd);
            return -1;
        }
    }
    return fd;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return errno;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Appends the new rows: the existing bytes are copied as they are; only
 * a header that lacks a column the new rows use gains it at its end. */
static int append_rows(Check *c, const char *path, int *written)
{
    Trk *t = c->t;
    Buf old, out;
    buf_init(&old);
    buf_init(&out);
    int e = buf_read_file(&old, path);
    bool exists = e == 0;
    if (e && e != ENOENT) {
        buf_free(&old);
        return trk_fail(t, "cannot read %s: %s", path, strerror(e));
    }
    /* The ledger's columns. */
    VEC(int) cols = {0};
    size_t body = 0;    /* offset of the first byte after the header line */
    if (exists && old.len > 0) {
        csv_error err;
        csv_reader *r = csv_open_memory(old.data, old.len, NULL, &err);
        if (!r || csv_read_header(r) != CSV_RECORD) {
            if (r)
                csv_close(r);
            buf_free(&old);
            return trk_fail(t, "cannot read the header of %s", path);
        }
        size_t n;
        const csv_field *h = csv_header(r, &n);
        for (size_t k = 0; k < n; k++) {
            int id = -1;
            for (int j = 0; j < c->ncols; j++)
                if (strlen(c->cols[j]) == h[k].len && memcmp(c->cols[j], h[k].ptr, h[k].len) == 0)
                    id = j;
            VEC_PUSH(t->a, cols, id);
        }
        csv_close(r);
        const char *nl = memchr(old.data, '\n', old.len);
        body = nl ? (size_t)(nl - old.data) + 1 : old.len;
    }
    /* New lines end like the file's first line (CRLF or LF). */
    const char *eol = exists && body >= 2 && old.data[body - 2] == '\r' ? "\r\n" : "\n";
    bool header_changed = !exists || old.len == 0;
    if (header_changed) {
        /* A new ledger: the fixed columns, then the dimensions in use. */
        for (int j = 0; j < C_DIM0; j++)
            VEC_PUSH(t->a, cols, j);
        for (int j = C_DIM0; j < c->ncols; j++) {
            const Dimension *d = t->m->dimensions.v[j - C_DIM0];
            bool used = false;
            for (int i = 0; i < t->nind && !used; i++)
                for (int k = 0; k < t->ind[i]->dims.n; k++)
                    used |= t->ind[i]->dims.v[k] == d;
            if (used)
                VEC_PUSH(t->a, cols, j);
        }
    }
    /* A column the new rows use that the ledger lacks goes at the end. */
    size_t old_ncols = header_changed ? 0 : (size_t)cols.n;
    for (int j = 0; j < c->ncols; j++) {
        bool have = false;
        for (int k = 0; k < cols.n; k++)
            have |= cols.v[k] == j;
        bool used = false;
        for (int i = 0; i < c->rows.n && !used; i++)
            used = !c->rows.v[i].dup && *c->rows.v[i].val[j];
        if (!have && used) {
            VEC_PUSH(t->a, cols, j);
            header_changed = true;
        }
    }
    if (header_changed) {
        if (old_ncols > 0) {
            /* Keep the old header's text and add the new names. */
            size_t hl = body;
            while (hl > 0 && (old.data[hl - 1] == '\n' || old.data[hl - 1] == '\r'))
                hl--;
            buf_put(&out, old.data, hl);
            for (int k = (int)old_ncols; k < cols.n; k++) {
                buf_putc(&out, ',');
                csv_put(&out, c->cols[cols.v[k]]);
            }
        } else {
            for (int k = 0; k < cols.n; k++) {
                if (k)
                    buf_putc(&out, ',');
                csv_put(&out, c->cols[cols.v[k]]);
            }
        }
        buf_puts(&out, eol);
        if (exists && old.len > body)
            buf_put(&out, old.data + body, old.len - body);
    } else {
        buf_put(&out, old.data, old.len);
    }
    if (out.len > 0 && out.data[out.len - 1] != '\n')
        buf_puts(&out, eol);
    *written = 0;
    for (int i = 0; i < c->rows.n; i++) {
        const Row *r = &c->rows.v[i];
        if (r->dup)
            continue;
        for (int k = 0; k < cols.n; k++) {
            if (k)
                buf_putc(&out, ',');
            if (cols.v[k] >= 0)
                csv_put(&out, r->val[cols.v[k]]);
        }
        buf_puts(&out, eol);
        (*written)++;
    }
    buf_free(&old);
    if (*written == 0 && !header_changed) {
        buf_free(&out);
        return 0;
    }
    /* A temporary file beside the ledger, then rename. */
    char *tmp = arena_printf(t->a, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0) {
        int err = errno;
        buf_free(&out);
        return trk_fail(t, "cannot write %s: %s", tmp, strerror(err));
    }
    e = write_all(fd, out.data, out.len);
    if (!e && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    if (!e && rename(tmp, path) != 0)
        e = errno;
    buf_free(&out);
    if (e) {
        unlink(tmp);
        return trk_fail(t, "cannot write %s: %s", path, strerror(e));
    }
    int dfd = open(t->data_dir, O_RDONLY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return 0;
}

/* Validates the checked rows against the ledger and writes them, under
 * the lock.  The Check holds the new rows from one source. */
static int commit(Check *c, const char *what)
{
    Trk *t = c->t;
    if (c->bad_rows > 0 || c->fatal) {
        print_msgs(c);
        fprintf(stderr, "%s: %ld bad row%s; nothing was %s\n", t->prog, c->bad_rows,
                c->bad_rows == 1 ? "" : "s", what);
        return c->fatal && c->bad_rows == 0 ? 2 : 1;
    }
    int lock = lock_ledger(t);
    if (lock < 0)
        return 2;
    const char *path = trk_path(t, c->kind == OBS ? "observations.csv" : "events.csv");
    int lsrc = add_src(c, path, false);
    check_against(c, path, lsrc);
    int st = 0;
    if (c->bad_rows > 0) {
        print_msgs(c);
        fprintf(stderr, "%s: %ld bad row%s; nothing was %s\n", t->prog, c->bad_rows,
                c->bad_rows == 1 ? "" : "s", what);
        st = 1;
    } else {
        int written = 0;
        st = append_rows(c, path, &written);
        if (st == 0) {
            int dups = 0;
            for (int i = 0; i < c->rows.n; i++)
                dups += c->rows.v[i].dup;
            const char *noun = c->kind == OBS ? "observation" : "event";
            printf("%s %d %s%s into %s", strcmp(what, "imported") == 0 ? "imported" : "recorded",
                   written, noun, written == 1 ? "" : "s", path);
            if (dups)
                printf(" (%d already there)", dups);
            putchar('\n');
        }
    }
    close(lock);    /* releases the lock */
    return st;
}

/* ---- commands --------------------------------------------------------------- */

static const char validate_help[] =
    "usage: %s validate FILE...\n\n"
    "Checks data files against the agreement and reports every bad row with its\n"
    "file and line: an unknown indicator, milestone or partner (with a suggestion),\n"
    "a value that is not a number, an impossible date, a reporter the agreement\n"
    "does not name for the indicator, a value for a derived indicator, a breakdown\n"
    "value its dimension does not allow, and a second, different value for the\n"
    "same indicator, date, reporter and breakdown.\n\n"
    "observations: indicator,date,value,reporter[,note] and one column per\n"
    "  breakdown dimension, named after it (empty in a total row)\n"
    "events:       milestone,date,status,by[,note] (status: done or cancelled)\n\n"
    "Exit status: 0 every row is valid, 1 some row is not, 2 a file cannot be read.\n";

int ledger_validate_cmd(Trk *t, int argc, char **argv)
{
    TrkArgs a;
    if (!trk_args(t, &a, NULL, 0, argc, argv, "validate"))
        return 2;
    if (trk_arg(&a, "help")) {
        printf(validate_help, t->prog);
        return 0;
    }
    if (a.npos == 0)
        return trk_fail(t, "validate needs the data files to check (see '%s validate --help')",
                        t->prog);
    /* Files of one kind are checked together: a conflict between two
     * files is found too. */
    Check checks[2];
    check_init(&checks[OBS], t, OBS);
    check_init(&checks[EVENTS], t, EVENTS);
    int st = 0;
    for (int i = 0; i < a.npos; i++) {
        int kind = file_kind(t, a.pos[i]);
        if (kind < 0) {
            st = kind == -2 ? 2 : (st ? st : 1);
            continue;
        }
        check_file(&checks[kind], a.pos[i]);
    }
    for (int k = 0; k < 2; k++) {
        Check *c = &checks[k];
        print_msgs(c);
        if (c->fatal)
            st = 2;
        else if (c->bad_rows > 0 && st == 0)
            st = 1;
    }
    for (int k = 0; k < 2; k++) {
        Check *c = &checks[k];
        if (c->srcs.n > 0)
            printf("%ld %s row%s checked, %ld bad\n", c->nrows, k == OBS ? "observation" : "event",
                   c->nrows == 1 ? "" : "s", c->bad_rows);
        check_free(c);
    }
    return st;
}

static const char import_help[] =
    "usage: %s import FILE [--data DIR]\n\n"
    "Validates FILE (observations or milestone events, told apart by its header)\n"
    "against the agreement and the ledger, then appends all its rows to the\n"
    "ledger, or none when any row is bad.  Rows already in the ledger with the\n"
    "same value are skipped.  The ledger is locked while it is written.\n";

int ledger_import_cmd(Trk *t, int argc, char **argv)
{
    TrkArgs a;
    if (!trk_args(t, &a, NULL, 0, argc, argv, "import"))
        return 2;
    if (trk_arg(&a, "help")) {
        printf(import_help, t->prog);
        return 0;
    }
    if (a.npos != 1)
        return trk_fail(t, "import takes one data file (see '%s import --help')", t->prog);
    int kind = file_kind(t, a.pos[0]);
    if (kind < 0)
        return kind == -2 ? 2 : 1;
    Check c;
    check_init(&c, t, kind);
    check_file(&c, a.pos[0]);
    int st = commit(&c, "imported");
    check_free(&c);
    return st;
}

/* One row given on the command line, checked like a file's. */
static int one_row(Trk *t, Kind kind, const char **val, const char *what)
{
    Check c;
    check_init(&c, t, kind);
    int src = add_src(&c, "command line", true);
    Row row = {0};
    row.src = src;
    row.line = 0;
    row.val = arena_alloc(t->a, sizeof *row.val * (size_t)c.ncols);
    for (int k = 0; k < c.ncols; k++)
        row.val[k] = val[k] ? val[k] : "";
    c.nrows = 1;
    if (check_row(&c, &row)) {
        VEC_PUSH(t->a, c.rows, row);
        trk_map_put(&c.keys, row.key, strlen(row.key), 0);
    } else {
        c.bad_rows = 1;
    }
    int st = commit(&c, what);
    check_free(&c);
    return st;
}

static const char record_help[] =
    "usage: %s record INDICATOR VALUE --on DATE --by PARTNER [--note TEXT]\n"
    "                 [--breakdown DIM=VALUE,...]\n\n"
    "Validates one observation and appends it to the ledger (see 'validate').\n"
    "  --on DATE        the date the value is for (YYYY-MM-DD or today)\n"
    "  --by PARTNER     the reporting partner\n"
    "  --note TEXT      a note kept with the row\n"
    "  --breakdown ...  a breakdown cell, e.g. gender=female,region=north\n";

int ledger_record_cmd(Trk *t, int argc, char **argv)
{
    static const TrkOpt opts[] = {
        {"on", 0, true}, {"by", 0, true}, {"note", 0, true}, {"breakdown", 0, true}};
    TrkArgs a;
    if (!trk_args(t, &a, opts, 4, argc, argv, "record"))
        return 2;
    if (trk_arg(&a, "help")) {
        printf(record_help, t->prog);
        return 0;
    }
    if (a.npos != 2 || !trk_arg(&a, "on") || !trk_arg(&a, "by"))
        return trk_fail(t, "usage: %s record INDICATOR VALUE --on DATE --by PARTNER", t->prog);
    int nd = t->m->dimensions.n;
    const char **val = arena_alloc(t->a, sizeof *val * (size_t)(C_DIM0 + nd));
    val[C_ID] = a.pos[0];
    val[C_VALUE] = a.pos[1];
    val[C_DATE] = trk_arg(&a, "on");
    if (strcmp(val[C_DATE], "today") == 0) {
        char d[16];
        val[C_DATE] = arena_strdup(t->a, date_iso(t->today, d));
    }
    val[C_WHO] = trk_arg(&a, "by");
    val[C_NOTE] = trk_arg(&a, "note");
    const char *bd = trk_arg(&a, "breakdown");
    if (bd && *bd) {
        char *copy = arena_strdup(t->a, bd), *save = NULL;
        for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
            char *eq = strchr(item, '=');
            if (!eq)
                return trk_fail(t, "--breakdown wants DIMENSION=VALUE pairs, such as "
                                   "gender=female,region=north; not '%s'", item);
            *eq = '\0';
            int k = 0;
            while (k < nd && strcmp(t->m->dimensions.v[k]->d.id, item) != 0)
                k++;
            if (k == nd) {
                const char **names = arena_alloc(t->a, sizeof *names * (size_t)(nd ? nd : 1));
                for (int j = 0; j < nd; j++)
                    names[j] = t->m->dimensions.v[j]->d.id;
                const char *sg = suggest_from(item, names, (size_t)nd);
                return trk_fail(t, "unknown dimension '%s' in --breakdown%s%s%s", item,
                                sg ? "; did you mean '" : "", sg ? sg : "", sg ? "'?" : "");
            }
            val[C_DIM0 + k] = eq + 1;
        }
    }
    return one_row(t, OBS, val, "recorded");
}

static const char done_help[] =
    "usage: %s done MILESTONE --on DATE --by PARTNER [--note TEXT] [--cancelled]\n\n"
    "Records that a milestone was done (or, with --cancelled, cancelled) and\n"
    "appends the event to the ledger.\n";

int ledger_done_cmd(Trk *t, int argc, char **argv)
{
    static const TrkOpt opts[] = {
        {"on", 0, true}, {"by", 0, true}, {"note", 0, true}, {"cancelled", 0, false}};
    TrkArgs a;
    if (!trk_args(t, &a, opts, 4, argc, argv, "done"))
        return 2;
    if (trk_arg(&a, "help")) {
        printf(done_help, t->prog);
        return 0;
    }
    if (a.npos != 1 || !trk_arg(&a, "on") || !trk_arg(&a, "by"))
        return trk_fail(t, "usage: %s done MILESTONE --on DATE --by PARTNER", t->prog);
    const char *val[C_DIM0] = {0};
    val[C_ID] = a.pos[0];
    val[C_DATE] = trk_arg(&a, "on");
    if (strcmp(val[C_DATE], "today") == 0) {
        char d[16];
        val[C_DATE] = arena_strdup(t->a, date_iso(t->today, d));
    }
    val[C_VALUE] = trk_arg(&a, "cancelled") ? "cancelled" : "done";
    val[C_WHO] = trk_arg(&a, "by");
    val[C_NOTE] = trk_arg(&a, "note");
    return one_row(t, EVENTS, val, "recorded");
}
