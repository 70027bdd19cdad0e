/* source.c - loading source files and mapping offsets to lines. */
#define _DEFAULT_SOURCE
#include "source.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "buf.h"

static void index_lines(SrcMgr *sm, SrcFile *f)
{
    int n = 1;
    for (size_t i = 0; i < f->len; i++)
        n += f->text[i] == '\n';
    f->lines = arena_alloc(sm->arena, sizeof *f->lines * (size_t)(n + 1));
    f->lines[0] = 0;
    int k = 1;
    for (size_t i = 0; i < f->len; i++)
        if (f->text[i] == '\n')
            f->lines[k++] = (uint32_t)(i + 1);
    f->nlines = n;
}

uint32_t src_add(SrcMgr *sm, const char *display, const char *text, size_t len)
{
    SrcFile *f = arena_alloc(sm->arena, sizeof *f);
    f->path = f->display = arena_strdup(sm->arena, display);
    f->real = f->path;
    f->text = arena_strndup(sm->arena, text, len);
    f->len = len;
    index_lines(sm, f);
    VEC_PUSH(sm->arena, sm->files, f);
    return (uint32_t)(sm->files.n - 1);
}

int src_load(SrcMgr *sm, const char *path, const char *display, uint32_t *id)
{
    struct stat st;
    if (strcmp(path, "-") != 0) {
        if (stat(path, &st) != 0)
            return errno;
        if (S_ISDIR(st.st_mode))
            return EISDIR;
        if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > SRC_MAX_SIZE)
            return EFBIG;
    }
    Buf b;
    buf_init(&b);
    int e = buf_read_file(&b, path);
    if (e == 0 && b.len > SRC_MAX_SIZE)
        e = EFBIG;
    if (e) {
        buf_free(&b);
        return e;
    }
    *id = src_add(sm, display, b.data ? b.data : "", b.len);
    buf_free(&b);
    SrcFile *f = sm->files.v[*id];
    f->path = arena_strdup(sm->arena, path);
    char real[PATH_MAX];
    if (strcmp(path, "-") != 0 && realpath(path, real))
        f->real = arena_strdup(sm->arena, real);
    return 0;
}

void src_linecol(const SrcMgr *sm, Span s, int *line, int *col)
{
    *line = *col = 0;
    if (s.file == NO_FILE || s.file >= (uint32_t)sm->files.n)
        return;
    const SrcFile *f = sm->files.v[s.file];
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

const char *src_line(const SrcMgr *sm, uint32_t file, int line, size_t *len)
{
    const SrcFile *f = sm->files.v[file];
    if (line < 1 || line > f->nlines) {
        *len = 0;
        return "";
    }
    const char *s = f->text + f->lines[line - 1];
    const char *e = s;
    while (e < f->text + f->len && *e != '\n')
        e++;
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
