/*
 * csv: the streaming ledger reader.
 *
 * Design.  Input is read in blocks into one buffer, buf[0..len), with
 * buf[len] always NUL.  csv_next scans from pos with a small state
 * machine; the scan of a field's body is one tight loop over a 256-entry
 * byte-class table, and the NUL sentinel at buf[len] (a special class)
 * stops that loop at the end of the data without a bounds test.
 *
 * When the data runs out in the middle of a record, the record's bytes
 * are moved to the front of the buffer, more are read after them, and the
 * scan resumes where it stopped: all positions are offsets, rebased by
 * the shift.  The buffer grows only when one record does not fit, which
 * the limits on field length and field count bound.  While skipping the
 * rest of a bad record nothing is kept, so a bad record never grows it.
 *
 * Fields are recorded as spans during the scan.  Only when the record is
 * complete are doubled quotes undone (in place: the result is shorter)
 * and a NUL written after each field, so a resumed scan never sees
 * modified bytes.
 */
#include "csv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_BLOCK ((size_t)1 << 20)
#define DEFAULT_MAX_FIELD ((size_t)64 << 10)
#define DEFAULT_MAX_FIELDS 256

/* Byte classes; 0 is an ordinary byte of a field. */
enum {
    C_PLAIN,
    C_COMMA,
    C_QUOTE,
    C_LF,
    C_CR,
    C_NUL, /* also the sentinel at buf[len] */
    C_HIGH /* >= 0x80, only when UTF-8 is checked */
};

struct span {
    size_t off, len;
    bool unescape; /* a quoted field that contains "" */
};

struct csv_reader {
    int fd;            /* -1 when reading from memory */
    bool own_fd;       /* csv_open opened it */
    char *mem;         /* memory source: a private copy */
    size_t mem_len, mem_off;
    bool eof;          /* the source has nothing more */
    bool done;         /* csv_next returns CSV_END from now on */
    bool bom_checked;

    char *buf;         /* cap + 1 bytes */
    size_t cap, len, pos;
    long line;         /* physical line at pos */

    size_t block, max_field, max_fields;
    unsigned char cls[256];  /* classes outside quotes */
    unsigned char qcls[256]; /* classes inside quotes: CR and ',' are plain */

    struct span *spans;
    csv_field *fields;
    csv_error err;

    char *header_text;
    csv_field *header;
    size_t header_count;
};

static void set_error(csv_error *err, enum csv_errcode code, int sys_errno)
{
    if (err) {
        memset(err, 0, sizeof *err);
        err->code = code;
        err->sys_errno = sys_errno;
        err->fatal = true;
    }
}

static csv_reader *reader_new(const csv_options *opt, csv_error *err)
{
    csv_reader *r = calloc(1, sizeof *r);

    if (!r) {
        set_error(err, CSV_ERR_NOMEM, ENOMEM);
        return NULL;
    }
    r->fd = -1;
    r->line = 1;
    r->block = opt && opt->block_size ? opt->block_size : DEFAULT_BLOCK;
    r->max_field = opt && opt->max_field ? opt->max_field : DEFAULT_MAX_FIELD;
    r->max_fields = opt && opt->max_fields ? opt->max_fields : DEFAULT_MAX_FIELDS;

    r->cls[','] = C_COMMA;
    r->cls['"'] = C_QUOTE;
    r->cls['\n'] = C_LF;
    r->cls['\r'] = C_CR;
    r->cls[0] = C_NUL;
    r->qcls['"'] = C_QUOTE;
    r->qcls['\n'] = C_LF;
    r->qcls[0] = C_NUL;
    if (opt && opt->check_utf8)
        for (int c = 0x80; c < 0x100; c++)
            r->cls[c] = r->qcls[c] = C_HIGH;

    r->cap = r->block;
    r->buf = malloc(r->cap + 1);
    r->spans = malloc(r->max_fields * sizeof *r->spans);
    r->fields = malloc(r->max_fields * sizeof *r->fields);
    if (!r->buf || !r->spans || !r->fields) {
        csv_close(r);
        set_error(err, CSV_ERR_NOMEM, ENOMEM);
        return NULL;
    }
    r->buf[0] = '\0';
    return r;
}

csv_reader *csv_open(const char *path, const csv_options *opt, csv_error *err)
{
    csv_reader *r;
    int fd;

    do
        fd = open(path, O_RDONLY);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        set_error(err, CSV_ERR_OPEN, errno);
        return NULL;
    }
    r = csv_open_fd(fd, opt, err);
    if (!r) {
        close(fd);
        return NULL;
    }
    r->own_fd = true;
    return r;
}

csv_reader *csv_open_fd(int fd, const csv_options *opt, csv_error *err)
{
    csv_reader *r = reader_new(opt, err);

    if (r)
        r->fd = fd;
    return r;
}

csv_reader *csv_open_memory(const void *data, size_t len, const csv_options *opt, csv_error *err)
{
    csv_reader *r = reader_new(opt, err);

    if (!r)
        return NULL;
    r->mem = malloc(len ? len : 1);
    if (!r->mem) {
        csv_close(r);
        set_error(err, CSV_ERR_NOMEM, ENOMEM);
        return NULL;
    }
    if (len)
        memcpy(r->mem, data, len);
    r->mem_len = len;
    return r;
}

void csv_close(csv_reader *r)
{
    if (!r)
        return;
    if (r->own_fd)
        close(r->fd);
    free(r->mem);
    free(r->buf);
    free(r->spans);
    free(r->fields);
    free(r->header_text);
    free(r->header);
    free(r);
}

const csv_error *csv_last_error(const csv_reader *r)
{
    return &r->err;
}

/*
 * Drops buf[0..keep), reads more after the rest.  Returns the bytes read
 * (0: end of input, r->eof set) or -1 with r->err set.  *shift is what the
 * caller subtracts from its offsets.
 */
static long refill(csv_reader *r, size_t keep, size_t *shift)
{
    size_t room;
    ssize_t got;

    if (keep > 0) {
        memmove(r->buf, r->buf + keep, r->len - keep);
        r->len -= keep;
    }
    *shift = keep;
    if (r->len == r->cap) {
        /* One record fills the buffer: grow it. */
        size_t cap = r->cap * 2;
        char *buf = realloc(r->buf, cap + 1);

        if (!buf) {
            r->err.code = CSV_ERR_NOMEM;
            r->err.sys_errno = ENOMEM;
            return -1;
        }
        r->buf = buf;
        r->cap = cap;
    }
    room = r->cap - r->len;
    if (room > r->block)
        room = r->block;

    if (r->fd < 0) {
        got = (ssize_t)(r->mem_len - r->mem_off < room ? r->mem_len - r->mem_off : room);
        memcpy(r->buf + r->len, r->mem + r->mem_off, (size_t)got);
        r->mem_off += (size_t)got;
    } else {
        do
            got = read(r->fd, r->buf + r->len, room);
        while (got < 0 && errno == EINTR);
        if (got < 0) {
            r->err.code = CSV_ERR_IO;
            r->err.sys_errno = errno;
            return -1;
        }
    }
    r->len += (size_t)got;
    r->buf[r->len] = '\0';
    if (got == 0)
        r->eof = true;
    return (long)got;
}

/* A UTF-8 byte order mark before the first record is not data. */
static int skip_bom(csv_reader *r)
{
    size_t shift;

    while (r->len - r->pos < 3 && !r->eof)
        if (refill(r, r->pos, &shift) < 0)
            return -1;
        else
            r->pos -= shift;
    if (r->len - r->pos >= 3 && memcmp(r->buf + r->pos, "\xEF\xBB\xBF", 3) == 0)
        r->pos += 3;
    r->bom_checked = true;
    return 0;
}

/*
 * The length of the UTF-8 sequence at s (s[0] >= 0x80): > 0 when valid,
 * 0 when the bytes so far are valid but more must be read to tell, -1
 * when invalid.  Ranges after the Unicode Standard, table 3-7: no
 * overlong forms, no surrogates, nothing above U+10FFFF.
 */
static int utf8_sequence(const unsigned char *s, size_t avail, bool eof)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xBF;
    int more;

    if (c >= 0xC2 && c <= 0xDF)
        more = 1;
    else if (c >= 0xE0 && c <= 0xEF)
        more = 2, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4)
        more = 3, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else
        return -1;
    for (int i = 1; i <= more; i++) {
        if ((size_t)i >= avail)
            return eof ? -1 : 0;
        if (s[i] < lo || s[i] > hi)
            return -1;
        lo = 0x80, hi = 0xBF;
    }
    return more + 1;
}

/* Removes the quote of each "" pair; returns the new length. */
static size_t unescape(char *s, size_t len)
{
    size_t w = 0;

    for (size_t i = 0; i < len; i++) {
        s[w++] = s[i];
        if (s[i] == '"')
            i++; /* the second quote of the pair */
    }
    return w;
}

int csv_next(csv_reader *r, csv_record *rec)
{
    enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN } state = FIELD_START;
    const unsigned char *b, *cls = r->cls, *qcls = r->qcls;
    size_t p, n, rstart, fstart, nf = 0;
    long line, rline, qline = 0;
    bool fresh = true;     /* nothing of the record seen yet: blank lines are skipped */
    bool esc = false;      /* the current quoted field holds "" */
    bool skipping = false; /* r->err is set: scan to the record's end, keep nothing */
    bool want_more = false;
    int k;

    if (r->done)
        return CSV_END;
    memset(&r->err, 0, sizeof r->err);
    if (!r->bom_checked && skip_bom(r) < 0)
        goto fatal;

    p = rstart = fstart = r->pos;
    n = r->len;
    line = rline = r->line;

/* Records the first problem of the record and skips the rest of it. */
#define FAIL(code_, line_, field_, limit_)                                                          \
    do {                                                                                           \
        if (!skipping) {                                                                           \
            r->err.code = (code_), r->err.line = (line_), r->err.field = (field_);                 \
            r->err.limit = (limit_);                                                               \
            skipping = true;                                                                       \
        }                                                                                          \
    } while (0)

/* Ends the current field at [off, off + len). */
#define END_FIELD(off_, len_, esc_)                                                                \
    do {                                                                                           \
        if (!skipping) {                                                                           \
            if (nf == r->max_fields)                                                               \
                FAIL(CSV_ERR_TOO_MANY_FIELDS, line, nf + 1, r->max_fields);                        \
            else                                                                                   \
                r->spans[nf++] = (struct span){(off_), (len_), (esc_)};                            \
        }                                                                                          \
    } while (0)

    for (;;) {
        if (p >= n || want_more) {
            if (!r->eof) {
                size_t shift;

                r->pos = p;
                if (refill(r, skipping ? p : rstart, &shift) < 0)
                    goto fatal;
                p -= shift, n = r->len;
                if (skipping) {
                    rstart = fstart = p; /* no longer used */
                } else {
                    rstart -= shift, fstart -= shift;
                    for (size_t i = 0; i < nf; i++)
                        r->spans[i].off -= shift;
                }
                want_more = false;
                continue;
            }
            want_more = false;
            if (p >= n) {
                /* End of input. */
                switch (state) {
                case FIELD_START:
                    if (fresh) {
                        r->pos = p;
                        r->done = true;
                        return CSV_END;
                    }
                    END_FIELD(p, 0, false); /* "a,b," */
                    break;
                case UNQUOTED:
                    END_FIELD(fstart, p - fstart, false);
                    break;
                case QUOTED:
                    /* This one outranks an earlier problem of the record:
                     * it is why nothing more can be read. */
                    skipping = false;
                    FAIL(CSV_ERR_UNTERMINATED_QUOTE, qline, nf + 1, 0);
                    r->err.fatal = true;
                    r->pos = p;
                    r->done = true;
                    return CSV_ERROR;
                case QUOTE_SEEN:
                    END_FIELD(fstart, p - 1 - fstart, esc);
                    break;
                }
                goto record_end;
            }
        }
        b = (const unsigned char *)r->buf;

        switch (state) {
        case FIELD_START:
            if (fresh) {
                /* A blank line is not a record. */
                if (b[p] == '\n') {
                    rstart = ++p;
                    rline = ++line;
                    continue;
                }
                if (b[p] == '\r') {
                    if (p + 1 >= n && !r->eof) {
                        want_more = true;
                        continue;
                    }
                    if (p + 1 >= n || b[p + 1] == '\n') {
                        p += p + 1 < n ? 2 : 1;
                        rstart = p;
                        rline = ++line;
                        continue;
                    }
                }
                fresh = false;
            }
            if (b[p] == '"') {
                state = QUOTED;
                qline = line;
                esc = false;
                fstart = ++p;
                continue;
            }
            state = UNQUOTED;
            fstart = p;
            /* fall through */
        case UNQUOTED:
            while (!cls[b[p]])
                p++;
            if (p - fstart > r->max_field)
                FAIL(CSV_ERR_FIELD_TOO_LONG, line, nf + 1, r->max_field);
            if (p >= n)
                continue;
            switch (cls[b[p]]) {
            case C_COMMA:
                END_FIELD(fstart, p - fstart, false);
                p++;
                state = FIELD_START;
                continue;
            case C_LF:
                END_FIELD(fstart, p - fstart, false);
                p++;
                line++;
                goto record_end;
            case C_CR:
                if (p + 1 >= n && !r->eof) {
                    want_more = true;
                    continue;
                }
                if (p + 1 >= n || b[p + 1] == '\n') {
                    END_FIELD(fstart, p - fstart, false);
                    p += p + 1 < n ? 2 : 1;
                    line++;
                    goto record_end;
                }
                p++; /* a lone CR is data */
                continue;
            case C_QUOTE:
                FAIL(CSV_ERR_BAD_QUOTE, line, nf + 1, 0);
                p++;
                continue;
            case C_NUL:
            case C_HIGH:
                goto odd_byte;
            }
            continue;

        case QUOTED:
            while (!qcls[b[p]])
                p++;
            if (p - fstart > r->max_field)
                FAIL(CSV_ERR_FIELD_TOO_LONG, qline, nf + 1, r->max_field);
            if (p >= n)
                continue;
            switch (qcls[b[p]]) {
            case C_QUOTE:
                p++;
                state = QUOTE_SEEN;
                continue;
            case C_LF:
                p++;
                line++;
                continue;
            case C_NUL:
            case C_HIGH:
                goto odd_byte;
            }
            continue;

        case QUOTE_SEEN:
            /* p - 1 is a quote: either the first of "" or the closing one. */
            switch (b[p]) {
            case '"':
                esc = true;
                p++;
                state = QUOTED;
                continue;
            case ',':
                END_FIELD(fstart, p - 1 - fstart, esc);
                p++;
                state = FIELD_START;
                continue;
            case '\n':
                END_FIELD(fstart, p - 1 - fstart, esc);
                p++;
                line++;
                goto record_end;
            case '\r':
                if (p + 1 >= n && !r->eof) {
                    want_more = true;
                    continue;
                }
                if (p + 1 >= n || b[p + 1] == '\n') {
                    END_FIELD(fstart, p - 1 - fstart, esc);
                    p += p + 1 < n ? 2 : 1;
                    line++;
                    goto record_end;
                }
                break;
            }
            /* "abc"x: the rest of the field is scanned as unquoted data. */
            FAIL(CSV_ERR_BAD_QUOTE, qline, nf + 1, 0);
            state = UNQUOTED;
            continue;
        }

    odd_byte:
        /* A NUL byte, or (when UTF-8 is checked) one of 0x80 or more, in a
         * field quoted or not.  A UTF-8 sequence is checked whole, once
         * all its bytes have been read. */
        if (b[p] == '\0') {
            FAIL(CSV_ERR_NUL, line, nf + 1, 0);
            p++;
            continue;
        }
        k = utf8_sequence(b + p, n - p, r->eof);
        if (k == 0) {
            want_more = true;
            continue;
        }
        if (k < 0) {
            FAIL(CSV_ERR_UTF8, line, nf + 1, 0);
            k = 1;
        }
        p += (size_t)k;
    }

record_end:
    r->pos = p;
    r->line = line;
    if (skipping)
        return CSV_ERROR;
    for (size_t i = 0; i < nf; i++) {
        char *f = r->buf + r->spans[i].off;
        size_t len = r->spans[i].len;

        if (r->spans[i].unescape)
            len = unescape(f, len);
        f[len] = '\0';
        r->fields[i] = (csv_field){f, len};
    }
    rec->fields = r->fields;
    rec->count = nf;
    rec->line = rline;
    return CSV_RECORD;

fatal: {
    /* refill or skip_bom set code and sys_errno; the rest may be stale. */
    enum csv_errcode code = r->err.code;
    int sys_errno = r->err.sys_errno;

    memset(&r->err, 0, sizeof r->err);
    r->err.code = code;
    r->err.sys_errno = sys_errno;
    r->err.line = r->line;
    r->err.fatal = true;
    r->done = true;
    return CSV_ERROR;
}
#undef FAIL
#undef END_FIELD
}

int csv_read_header(csv_reader *r)
{
    csv_record rec;
    int rc = csv_next(r, &rec);
    size_t total = 0;
    char *text;
    csv_field *names;

    if (rc != CSV_RECORD)
        return rc;
    for (size_t i = 0; i < rec.count; i++)
        total += rec.fields[i].len + 1;
    text = malloc(total);
    names = malloc(rec.count * sizeof *names);
    if (!text || !names) {
        free(text);
        free(names);
        memset(&r->err, 0, sizeof r->err);
        r->err.code = CSV_ERR_NOMEM;
        r->err.sys_errno = ENOMEM;
        r->err.line = rec.line;
        r->err.fatal = true;
        r->done = true;
        return CSV_ERROR;
    }
    total = 0;
    for (size_t i = 0; i < rec.count; i++) {
        memcpy(text + total, rec.fields[i].ptr, rec.fields[i].len + 1);
        names[i] = (csv_field){text + total, rec.fields[i].len};
        total += rec.fields[i].len + 1;
    }
    free(r->header_text);
    free(r->header);
    r->header_text = text;
    r->header = names;
    r->header_count = rec.count;
    return CSV_RECORD;
}

const csv_field *csv_header(const csv_reader *r, size_t *count)
{
    *count = r->header_count;
    return r->header;
}

long csv_find_column(const csv_reader *r, const char *name)
{
    size_t len = strlen(name);

    for (size_t i = 0; i < r->header_count; i++)
        if (r->header[i].len == len && memcmp(r->header[i].ptr, name, len) == 0)
            return (long)i;
    return -1;
}

int csv_describe_error(const csv_error *e, char *buf, size_t size)
{
    switch (e->code) {
    case CSV_ERR_NONE:
        return snprintf(buf, size, "no error");
    case CSV_ERR_OPEN:
        return snprintf(buf, size, "cannot open the file: %s", strerror(e->sys_errno));
    case CSV_ERR_IO:
        return snprintf(buf, size, "cannot read the file: %s", strerror(e->sys_errno));
    case CSV_ERR_NOMEM:
        return snprintf(buf, size, "out of memory while reading the file");
    case CSV_ERR_UNTERMINATED_QUOTE:
        return snprintf(buf, size,
                        "field %zu opens a quote that is not closed before the end of the file",
                        e->field);
    case CSV_ERR_BAD_QUOTE:
        return snprintf(buf, size,
                        "field %zu has a stray double quote (a field with quotes must be quoted "
                        "as a whole, with each inner quote doubled)",
                        e->field);
    case CSV_ERR_FIELD_TOO_LONG:
        return snprintf(buf, size, "field %zu is longer than %zu bytes", e->field, e->limit);
    case CSV_ERR_TOO_MANY_FIELDS:
        return snprintf(buf, size, "the record has more than %zu fields", e->limit);
    case CSV_ERR_NUL:
        return snprintf(buf, size, "field %zu contains a NUL byte (is this a text file?)", e->field);
    case CSV_ERR_UTF8:
        return snprintf(buf, size, "field %zu is not valid UTF-8 text", e->field);
    }
    return snprintf(buf, size, "unknown CSV error");
}
