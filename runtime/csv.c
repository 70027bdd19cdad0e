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
 *
 * Spaces and tabs outside quotes are not data (csv.h): the start of a
 * field skips them, an unquoted field's span ends before its trailing
 * ones, and a closing quote may be followed by them.  A record whose
 * fields are all empty is dropped after the scan, like a blank line.
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

/* A UTF-8 byte order mark before the first record is not data; a UTF-16
 * one says the file cannot be read at all (0 or 1 byte in 2 would be NUL):
 * 1, with r->err set. */
static int skip_bom(csv_reader *r)
{
    size_t shift;
    const unsigned char *b;

    while (r->len - r->pos < 3 && !r->eof)
        if (refill(r, r->pos, &shift) < 0)
            return -1;
        else
            r->pos -= shift;
    r->bom_checked = true;
    b = (const unsigned char *)r->buf + r->pos;
    if (r->len - r->pos >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
        r->pos += 3;
    else if (r->len - r->pos >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        memset(&r->err, 0, sizeof r->err);
        r->err.code = CSV_ERR_UTF16;
        r->err.line = 1;
        r->err.fatal = true;
        r->err.byte = b[0];
        r->done = true;
        return 1;
    }
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

size_t csv_utf8_check(const char *s, size_t n)
{
    const unsigned char *b = (const unsigned char *)s;
    size_t i = 0;

    while (i < n) {
        int k = b[i] < 0x80 ? 1 : utf8_sequence(b + i, n - i, true);

        if (k <= 0)
            return i;
        i += (size_t)k;
    }
    return n;
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

/*
 * The scan of one record.  csv_next is a loop over four states (the start
 * of a field, inside an unquoted field, inside a quoted one, just after a
 * quote in a quoted one); each state is a step function that consumes
 * bytes from s->p and tells the loop what to do next.
 *
 * Speed: each step is called from one place, the loop, so the compiler
 * inlines it and keeps the scan in registers.  A step that called another
 * large one would stop that (the scan's address escapes): so a NUL or high
 * byte is handed back to the loop as STEP_ODD, and the loop lets the start
 * of an unquoted field fall through to its scan, which saves a trip round
 * the loop per field.  The byte loops copy p to a local all the same.
 */
struct scan {
    csv_reader *r;
    enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN } state;
    size_t p, n;           /* the next byte; the end of the data (r->len) */
    size_t rstart, fstart; /* where the record and the current field start */
    size_t lstart;         /* where the physical line at p starts (for columns) */
    size_t qend;           /* QUOTE_SEEN: the quote that may close the field */
    size_t nf;             /* fields ended so far, in r->spans */
    long line;             /* physical line at p */
    long rline, qline;     /* line where the record starts; of the opening quote */
    bool fresh;            /* nothing of the record seen yet: blank lines are skipped */
    bool esc;              /* the current quoted field holds "" */
    bool skipping;         /* r->err is set: scan to the record's end, keep nothing */
};

/* What a step tells the loop in csv_next to do next. */
enum step {
    STEP_SCAN,   /* scan on from s->p */
    STEP_MORE,   /* the bytes at s->p cannot be judged before more are read */
    STEP_ODD,    /* s->p is at a NUL, or at a byte >= 0x80 when UTF-8 is checked */
    STEP_RECORD, /* the record ended at s->p */
    STEP_END,    /* no more records */
    STEP_ERROR,  /* the record was bad (r->err), or the file ends in a quote */
    STEP_FATAL,  /* a read failed or memory ran out (r->err.code, sys_errno) */
};

static void scan_begin(struct scan *s, csv_reader *r)
{
    *s = (struct scan){.r = r, .state = FIELD_START, .fresh = true};
    s->p = s->rstart = s->fstart = s->lstart = r->pos;
    s->n = r->len;
    s->line = s->rline = r->line;
}

/* Records the first problem of the record (in its field nf + 1) and skips
 * the rest of it. */
static void scan_fail(struct scan *s, enum csv_errcode code, long line, size_t limit)
{
    csv_error *e = &s->r->err;

    if (s->skipping)
        return;
    e->code = code, e->line = line, e->field = s->nf + 1, e->limit = limit;
    e->column = s->p - s->lstart + 1;
    e->byte = (unsigned char)s->r->buf[s->p];
    s->skipping = true;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* The length of the unquoted field [off, off + len) without its trailing
 * spaces and tabs. */
static size_t unquoted_len(const struct scan *s, size_t off, size_t len)
{
    while (len > 0 && is_blank(s->r->buf[off + len - 1]))
        len--;
    return len;
}

/* Ends the current field at [off, off + len). */
static void scan_end_field(struct scan *s, size_t off, size_t len, bool esc)
{
    if (s->skipping)
        return;
    if (s->nf == s->r->max_fields)
        scan_fail(s, CSV_ERR_TOO_MANY_FIELDS, s->line, s->r->max_fields);
    else
        s->r->spans[s->nf++] = (struct span){off, len, esc};
}

/* Ends the record with the field [off, off + len) and the line end of
 * `eol` bytes at p. */
static enum step scan_end_record(struct scan *s, size_t off, size_t len, bool esc, int eol)
{
    scan_end_field(s, off, len, esc);
    s->p += (size_t)eol;
    s->line++;
    s->lstart = s->p;
    return STEP_RECORD;
}

/* At a CR (s->p): the length of the line end it starts, 2 for CRLF and 1
 * for a CR that ends the input; 0 when it is a lone CR (data); -1 when
 * the byte after it is not read yet. */
static int cr_line_end(const struct scan *s)
{
    if (s->p + 1 < s->n)
        return s->r->buf[s->p + 1] == '\n' ? 2 : 0;
    return s->r->eof ? 1 : -1;
}

/* The data ran out in the middle of the record: keeps the record (nothing,
 * when skipping it), reads more after it, rebases the offsets. */
static enum step scan_refill(struct scan *s)
{
    csv_reader *r = s->r;
    size_t shift;

    r->pos = s->p;
    if (refill(r, s->skipping ? s->p : s->rstart, &shift) < 0)
        return STEP_FATAL;
    s->p -= shift, s->n = r->len;
    s->lstart = s->lstart > shift ? s->lstart - shift : 0; /* only cut when skipping */
    if (s->skipping) {
        s->rstart = s->fstart = s->qend = s->p; /* no longer used */
    } else {
        s->rstart -= shift, s->fstart -= shift, s->qend -= shift;
        for (size_t i = 0; i < s->nf; i++)
            r->spans[i].off -= shift;
    }
    return STEP_SCAN;
}

/* The input ended (s->p == s->n, r->eof): the field being scanned ends the
 * record, unless no record was begun or a quote is still open. */
static enum step scan_end_of_input(struct scan *s)
{
    switch (s->state) {
    case FIELD_START:
        if (s->fresh) {
            s->r->pos = s->p;
            s->r->done = true;
            return STEP_END;
        }
        scan_end_field(s, s->p, 0, false); /* "a,b," */
        break;
    case UNQUOTED:
        scan_end_field(s, s->fstart, unquoted_len(s, s->fstart, s->p - s->fstart), false);
        break;
    case QUOTED:
        /* This one outranks an earlier problem of the record: it is why
         * nothing more can be read. */
        s->skipping = false;
        scan_fail(s, CSV_ERR_UNTERMINATED_QUOTE, s->qline, 0);
        s->r->err.fatal = true;
        s->r->pos = s->p;
        s->r->done = true;
        return STEP_ERROR;
    case QUOTE_SEEN:
        scan_end_field(s, s->fstart, s->qend - s->fstart, s->esc);
        break;
    }
    return STEP_RECORD;
}

/* A NUL byte, or (when UTF-8 is checked) one of 0x80 or more, in a field
 * quoted or not.  A UTF-8 sequence is checked whole, once all its bytes
 * have been read. */
static enum step scan_odd_byte(struct scan *s)
{
    const unsigned char *b = (const unsigned char *)s->r->buf;
    int k;

    if (b[s->p] == '\0') {
        scan_fail(s, CSV_ERR_NUL, s->line, 0);
        s->p++;
        return STEP_SCAN;
    }
    k = utf8_sequence(b + s->p, s->n - s->p, s->r->eof);
    if (k == 0)
        return STEP_MORE;
    if (k < 0) {
        scan_fail(s, CSV_ERR_UTF8, s->line, 0);
        k = 1;
    }
    s->p += (size_t)k;
    return STEP_SCAN;
}

/* Inside an unquoted field: on to the next comma, line end, quote or odd
 * byte. */
static enum step scan_unquoted(struct scan *s)
{
    const unsigned char *b = (const unsigned char *)s->r->buf, *cls = s->r->cls;
    size_t p = s->p;
    int eol;

    /* The hot loop: the sentinel NUL at b[n] is a class of its own. */
    while (!cls[b[p]])
        p++;
    s->p = p;
    if (p - s->fstart > s->r->max_field)
        scan_fail(s, CSV_ERR_FIELD_TOO_LONG, s->line, s->r->max_field);
    if (p >= s->n)
        return STEP_SCAN;
    size_t len = unquoted_len(s, s->fstart, p - s->fstart);
    switch (cls[b[p]]) {
    case C_COMMA:
        scan_end_field(s, s->fstart, len, false);
        s->p++;
        s->state = FIELD_START;
        break;
    case C_LF:
        return scan_end_record(s, s->fstart, len, false, 1);
    case C_CR:
        eol = cr_line_end(s);
        if (eol < 0)
            return STEP_MORE;
        if (eol > 0)
            return scan_end_record(s, s->fstart, len, false, eol);
        s->p++; /* a lone CR is data */
        break;
    case C_QUOTE:
        scan_fail(s, CSV_ERR_BAD_QUOTE, s->line, 0);
        s->p++;
        break;
    case C_NUL:
    case C_HIGH:
        return STEP_ODD;
    }
    return STEP_SCAN;
}

/* The start of a field: blank lines before a record are skipped, then the
 * spaces and tabs before the field, then the field is quoted or not. */
static enum step scan_field_start(struct scan *s)
{
    const char *b = s->r->buf;

    if (s->fresh) {
        /* A blank line is not a record. */
        int eol = b[s->p] == '\n' ? 1 : b[s->p] == '\r' ? cr_line_end(s) : 0;

        if (eol < 0)
            return STEP_MORE;
        if (eol > 0) {
            s->p += (size_t)eol;
            s->rstart = s->lstart = s->p;
            s->rline = ++s->line;
            return STEP_SCAN;
        }
        s->fresh = false;
    }
    while (is_blank(b[s->p]))
        s->p++;
    if (s->p >= s->n)
        return STEP_SCAN;   /* more to read, or the end of input */
    if (b[s->p] == '"') {
        s->state = QUOTED;
        s->qline = s->line;
        s->esc = false;
        s->fstart = ++s->p;
        return STEP_SCAN;
    }
    s->state = UNQUOTED;
    s->fstart = s->p;
    return STEP_SCAN;
}

/* Inside a quoted field: on to the next quote or odd byte; commas, CRs and
 * line ends are data. */
static enum step scan_quoted(struct scan *s)
{
    const unsigned char *b = (const unsigned char *)s->r->buf, *qcls = s->r->qcls;
    size_t p = s->p;

    while (!qcls[b[p]])
        p++;
    s->p = p;
    if (p - s->fstart > s->r->max_field)
        scan_fail(s, CSV_ERR_FIELD_TOO_LONG, s->qline, s->r->max_field);
    if (p >= s->n)
        return STEP_SCAN;
    switch (qcls[b[p]]) {
    case C_QUOTE:
        s->qend = p;
        s->p++;
        s->state = QUOTE_SEEN;
        break;
    case C_LF:
        s->p++;
        s->line++;
        s->lstart = s->p;
        break;
    case C_NUL:
    case C_HIGH:
        return STEP_ODD;
    }
    return STEP_SCAN;
}

/* qend is a quote: either the first of "" (the next byte) or the closing
 * one, which spaces and tabs may follow before the comma or line end. */
static enum step scan_quote_seen(struct scan *s)
{
    size_t len = s->qend - s->fstart;
    int eol;

    switch (s->r->buf[s->p]) {
    case '"':
        if (s->p != s->qend + 1)
            break;  /* "ab" "c */
        s->esc = true;
        s->p++;
        s->state = QUOTED;
        return STEP_SCAN;
    case ' ':
    case '\t':
        s->p++;
        return STEP_SCAN;
    case ',':
        scan_end_field(s, s->fstart, len, s->esc);
        s->p++;
        s->state = FIELD_START;
        return STEP_SCAN;
    case '\n':
        return scan_end_record(s, s->fstart, len, s->esc, 1);
    case '\r':
        eol = cr_line_end(s);
        if (eol < 0)
            return STEP_MORE;
        if (eol > 0)
            return scan_end_record(s, s->fstart, len, s->esc, eol);
        break;
    }
    /* "abc"x: the rest of the field is scanned as unquoted data. */
    scan_fail(s, CSV_ERR_BAD_QUOTE, s->qline, 0);
    s->state = UNQUOTED;
    return STEP_SCAN;
}

/* The record is complete: its bytes are final now, so doubled quotes are
 * undone and each field NUL-terminated in place. */
static int scan_finish(struct scan *s, csv_record *rec)
{
    csv_reader *r = s->r;

    r->pos = s->p;
    r->line = s->line;
    if (s->skipping)
        return CSV_ERROR;
    for (size_t i = 0; i < s->nf; i++) {
        char *f = r->buf + r->spans[i].off;
        size_t len = r->spans[i].len;

        if (r->spans[i].unescape)
            len = unescape(f, len);
        f[len] = '\0';
        r->fields[i] = (csv_field){f, len};
    }
    rec->fields = r->fields;
    rec->count = s->nf;
    rec->line = s->rline;
    return CSV_RECORD;
}

/* A read failed or memory ran out: nothing more can be read.  refill or
 * skip_bom set code and sys_errno; the rest of r->err may be stale. */
static int read_failed(csv_reader *r)
{
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

static bool record_empty(const csv_record *rec)
{
    for (size_t i = 0; i < rec->count; i++)
        if (rec->fields[i].len > 0)
            return false;
    return true;
}

int csv_next(csv_reader *r, csv_record *rec)
{
    struct scan s;
    enum step step = STEP_SCAN;

    if (r->done)
        return CSV_END;
    memset(&r->err, 0, sizeof r->err);
    if (!r->bom_checked) {
        int bom = skip_bom(r);
        if (bom < 0)
            return read_failed(r);
        if (bom > 0)
            return CSV_ERROR;
    }
    scan_begin(&s, r);
    for (;;) {
        if ((step == STEP_MORE || s.p >= s.n) && !r->eof)
            step = scan_refill(&s);
        else if (s.p >= s.n)
            step = scan_end_of_input(&s);
        else
            switch (s.state) {
            case FIELD_START:
                /* An unquoted field is scanned at once (see struct scan). */
                step = scan_field_start(&s);
                if (s.state != UNQUOTED)
                    break;
                /* fall through */
            case UNQUOTED:
                step = scan_unquoted(&s);
                break;
            case QUOTED:
                step = scan_quoted(&s);
                break;
            case QUOTE_SEEN:
                step = scan_quote_seen(&s);
                break;
            }
        switch (step) {
        case STEP_SCAN:
        case STEP_MORE:
            break;
        case STEP_ODD:
            step = scan_odd_byte(&s);
            break;
        case STEP_RECORD:
            if (scan_finish(&s, rec) == CSV_ERROR)
                return CSV_ERROR;
            if (!record_empty(rec))
                return CSV_RECORD;
            /* ",,,," (a spreadsheet's empty row): not a record. */
            scan_begin(&s, r);
            step = STEP_SCAN;
            break;
        case STEP_END:
            return CSV_END;
        case STEP_ERROR:
            return CSV_ERROR;
        case STEP_FATAL:
            return read_failed(r);
        }
    }
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
        return snprintf(buf, size,
                        "field %zu contains a NUL byte (is this a text file? UTF-16 text must "
                        "be saved as CSV UTF-8)", e->field);
    case CSV_ERR_UTF8:
        if (e->column == 0)
            return snprintf(buf, size, "field %zu is not valid UTF-8 text", e->field);
        return snprintf(buf, size,
                        "field %zu is not valid UTF-8 text: byte 0x%02X at column %zu (Latin-1 or "
                        "Windows-1252 text? save the file as CSV UTF-8)", e->field, e->byte,
                        e->column);
    case CSV_ERR_UTF16:
        return snprintf(buf, size,
                        "the file is UTF-16 text (it starts with the byte order mark 0x%s); the "
                        "tracker reads UTF-8: save it as CSV UTF-8 (comma-delimited)",
                        e->byte == 0xFF ? "FF 0xFE" : "FE 0xFF");
    }
    return snprintf(buf, size, "unknown CSV error");
}
