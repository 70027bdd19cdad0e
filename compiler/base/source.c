/* source.c - loading source files and mapping offsets to lines. */
#define _DEFAULT_SOURCE
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* The line index is built on first use: a compilation without messages
 * (the usual case) never needs it, and it is 4 bytes per line. */
static void index_lines(const SrcMgr *sm, SrcFile *f)
{
    if (f->lines)
        return;
    int n = 1;
    for (const char *p = f->text, *end = f->text + f->len; (p = memchr(p, '\n', (size_t)(end - p)));
         p++)
        n++;
    f->lines = arena_alloc(sm->arena, sizeof *f->lines * (size_t)(n + 1));
    f->lines[0] = 0;
    int k = 1;
    for (const char *p = f->text, *end = f->text + f->len; (p = memchr(p, '\n', (size_t)(end - p)));
         p++)
        f->lines[k++] = (uint32_t)(p - f->text + 1);
    f->nlines = n;
}

/* Adds a file whose text is followed by two NUL bytes (in the arena, or
 * where src_add_terminated found it). */
static uint32_t add_file(SrcMgr *sm, const char *display, const char *text, size_t len)
{
    SrcFile *f = arena_alloc(sm->arena, sizeof *f);
    f->path = f->display = arena_strdup(sm->arena, display);
    f->real = f->path;
    f->text = text;
    f->len = len;
    VEC_PUSH(sm->arena, sm->files, f);
    return (uint32_t)(sm->files.n - 1);
}

/* A copy of text[0..len) in the arena, followed by two NUL bytes. */
static const char *copy_text(SrcMgr *sm, const char *text, size_t len)
{
    char *p = arena_bytes(sm->arena, len + 2);
    memcpy(p, text, len);
    p[len] = p[len + 1] = '\0';
    return p;
}

uint32_t src_add(SrcMgr *sm, const char *display, const char *text, size_t len)
{
    return add_file(sm, display, copy_text(sm, text, len), len);
}

uint32_t src_add_terminated(SrcMgr *sm, const char *display, const char *text, size_t len)
{
    return add_file(sm, display, text, len);
}

/* Reads fd to its end, but never more than SRC_MAX_SIZE + 1 bytes, so that
 * a device or a pipe without end (/dev/zero) is refused, not read until
 * memory runs out.  A regular file is read straight into the arena, as
 * many bytes as its size said (no second copy of a big file, no hole left
 * in the heap); anything else through a growing buffer.  Returns 0 and the
 * text (followed by two NUL bytes, in the arena), or an errno value. */
static int read_text(SrcMgr *sm, int fd, const struct stat *st, const char **text, size_t *len)
{
    const size_t limit = (size_t)SRC_MAX_SIZE + 1;
    bool regular = S_ISREG(st->st_mode);
    size_t cap = regular ? (size_t)st->st_size + 2 : 64 * 1024;
    /* Not zeroed: the text and its two NUL bytes are all that is read. */
    char *data = regular ? arena_bytes(sm->arena, cap) : malloc(cap);
    if (!data)
        return ENOMEM;
    size_t n = 0;
    for (;;) {
        if (n + 2 >= cap) {
            if (regular)
                break;      /* the size it had when opened */
            if (cap > limit) {
                free(data);
                return EFBIG;
            }
            size_t nc = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            char *nd = realloc(data, nc);
            if (!nd) {
                free(data);
                return ENOMEM;
            }
            data = nd;
            cap = nc;
        }
        ssize_t r = read(fd, data + n, cap - n - 2);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            if (!regular)
                free(data);
            return e;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (regular) {
        data[n] = data[n + 1] = '\0';
        *text = data;
    } else {
        if (n > SRC_MAX_SIZE) {
            free(data);
            return EFBIG;
        }
        *text = copy_text(sm, data, n);
        free(data);
    }
    *len = n;
    return 0;
}

static int load(SrcMgr *sm, const char *path, const char *display, uint32_t *id,
                bool regular_only)
{
    bool std_in = strcmp(path, "-") == 0 && !regular_only;
    int fd = std_in ? 0 : open(path, regular_only ? O_RDONLY | O_NONBLOCK | O_NOCTTY : O_RDONLY);
    if (fd < 0)
        return errno;
    struct stat st;
    int e = 0;
    const char *text = NULL;
    size_t len = 0;
    if (fstat(fd, &st) != 0)
        e = errno;
    else if (S_ISDIR(st.st_mode))
        e = EISDIR;
    else if (regular_only && !S_ISREG(st.st_mode))
        e = SRC_NOT_REGULAR;
    else if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > SRC_MAX_SIZE)
        e = EFBIG;
    else
        e = read_text(sm, fd, &st, &text, &len);
    if (!std_in)
        close(fd);
    if (e)
        return e;
    *id = add_file(sm, display, text, len);
    SrcFile *f = sm->files.v[*id];
    f->path = arena_strdup(sm->arena, path);
    f->is_stdin = std_in;
    char real[PATH_MAX];
    if (!std_in && realpath(path, real))
        f->real = arena_strdup(sm->arena, real);
    return 0;
}

int src_load(SrcMgr *sm, const char *path, const char *display, uint32_t *id)
{
    return load(sm, path, display, id, false);
}

int src_load_regular(SrcMgr *sm, const char *path, const char *display, uint32_t *id)
{
    return load(sm, path, display, id, true);
}

void src_linecol(const SrcMgr *sm, Span s, int *line, int *col)
{
    *line = *col = 0;
    if (s.file == NO_FILE || s.file >= (uint32_t)sm->files.n)
        return;
    SrcFile *f = sm->files.v[s.file];
    index_lines(sm, f);
    int lo = 0, hi = f->nlines - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (f->lines[mid] <= s.lo)
            lo = mid;
        else
            hi = mid - 1;
    }
    *line = lo + 1;
    *col = (int)(s.lo - f->lines[lo]) + 1;
}

void src_linecol_utf16(const SrcMgr *sm, Span s, int *line, int *col)
{
    src_linecol(sm, s, line, col);
    if (*line == 0)
        return;
    SrcFile *f = sm->files.v[s.file];
    uint32_t from = f->lines[*line - 1];
    int units = 1;
    if (f->u16_col > 0 && f->u16_at >= from && f->u16_at <= s.lo) {
        from = f->u16_at;
        units = f->u16_col;
    }
    const unsigned char *p = (const unsigned char *)f->text + from;
    const unsigned char *end = (const unsigned char *)f->text + s.lo;
    for (; p < end; p++) {
        units += (*p & 0xC0) != 0x80;   /* the first byte of a character */
        units += *p >= 0xF0;            /* four bytes: a surrogate pair */
    }
    f->u16_at = s.lo;
    f->u16_col = units;
    *col = units;
}

uint32_t src_utf16_offset(const SrcMgr *sm, uint32_t file, int line, int col)
{
    SrcFile *f = sm->files.v[file];
    index_lines(sm, f);
    if (line < 0)
        return 0;
    if (line >= f->nlines)
        return (uint32_t)f->len;
    uint32_t i = f->lines[line];
    /* Counted as src_linecol_utf16() counts. */
    for (int units = 0; i < f->len && f->text[i] != '\n'; i++) {
        unsigned char c = (unsigned char)f->text[i];
        if ((c & 0xC0) != 0x80) {   /* the first byte of a character */
            if (units >= col)
                break;
            units += 1 + (c >= 0xF0);
        }
    }
    return i;
}

const char *src_line(const SrcMgr *sm, uint32_t file, int line, size_t *len)
{
    SrcFile *f = sm->files.v[file];
    index_lines(sm, f);
    if (line < 1 || line > f->nlines) {
        *len = 0;
        return "";
    }
    const char *s = f->text + f->lines[line - 1];
    /* The next line's start, not a scan: a diagnostic on a 1 MB line must
     * not cost 1 MB (100,000 of them would take hours). */
    const char *e = line < f->nlines ? f->text + f->lines[line] - 1 : f->text + f->len;
    if (e > s && e[-1] == '\r')
        e--;
    *len = (size_t)(e - s);
    return s;
}

long src_invalid_utf8(const SrcFile *f)
{
    const unsigned char *p = (const unsigned char *)f->text;
    size_t n = f->len, i = 0;
    while (i < n) {
        /* ASCII without NUL, eight bytes at a time: most of any agreement. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
            if ((w & highs) || ((w - ones) & ~w & highs))
                break;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned c = p[i];
        if (c == 0)
            return (long)i;
        if (c < 0x80) {
            i++;
            continue;
        }
        int extra;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF)
            extra = 1, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            extra = 2, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3, min = 0x10000;
        else
            return (long)i;
        if (i + (size_t)extra >= n)
            return (long)i;
        unsigned cp = c & (0x3F >> extra);
        for (int k = 1; k <= extra; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return (long)i;
            cp = cp << 6 | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return (long)i;
        i += (size_t)extra + 1;
    }
    return -1;
}
