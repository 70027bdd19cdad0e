/* buf.c - growable buffers, escaping and atomic file writes. */
#define _POSIX_C_SOURCE 200809L
#include "buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void buf_init(Buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void buf_free(Buf *b)
{
    free(b->data);
    buf_init(b);
}

static void grow(Buf *b, size_t need)
{
    if (b->len + need + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + need + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        fputs("charterc: out of memory\n", stderr);
        exit(2);
    }
    b->data = p;
    b->cap = cap;
}

void buf_put(Buf *b, const void *p, size_t n)
{
    grow(b, n);
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

void buf_puts(Buf *b, const char *s)
{
    buf_put(b, s, strlen(s));
}

void buf_putc(Buf *b, char c)
{
    grow(b, 1);
    b->data[b->len++] = c;
}

void buf_int(Buf *b, long long v)
{
    char d[24], *p = d + sizeof d;
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) > 0);
    if (v < 0)
        *--p = '-';
    buf_put(b, p, (size_t)(d + sizeof d - p));
}

/* Formats straight into the spare room, and a second time only when the
 * text did not fit: formatting is most of what a document or a status
 * report costs, and most texts are short. */
void buf_vprintf(Buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    grow(b, 64);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->data + b->len, room, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    if ((size_t)n >= room) {
        grow(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *buf_cstr(Buf *b)
{
    grow(b, 0);
    b->data[b->len] = '\0';
    return b->data;
}

void buf_json_str(Buf *b, const char *s)
{
    buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\t': buf_puts(b, "\\t"); break;
        case '\r': buf_puts(b, "\\r"); break;
        default:
            if (*p < 0x20)
                buf_printf(b, "\\u%04x", *p);
            else
                buf_putc(b, (char)*p);
        }
    }
    buf_putc(b, '"');
}

void buf_xml(Buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '&': buf_puts(b, "&amp;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        case '\'': buf_puts(b, "&#39;"); break;
        default: buf_putc(b, *s);
        }
    }
}

/* buf_md()'s helpers.  What lies outside the string counts as
 * punctuation: the text may be put anywhere in a line. */
static bool md_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Whether `&` at p starts an entity or numeric character reference
 * (`&amp;`, `&#38;`, `&#x26;`), which CommonMark would decode. */
static bool md_entity(const char *p)
{
    p++;
    if (*p == '#')
        p += p[1] == 'x' || p[1] == 'X' ? 2 : 1;
    const char *q = p;
    while (md_alnum(*q))
        q++;
    return q > p && *q == ';';
}

/* Whether `#` at p may close an ATX heading: at the start or after a
 * space, and followed only by `#`s and spaces. */
static bool md_closing_hashes(const char *s, const char *p)
{
    if (p > s && p[-1] != ' ')
        return false;
    while (*p == '#' || *p == ' ')
        p++;
    return *p == '\0';
}

/* Whether the `.` or `)` at p ends the `1.` or `1)` of an ordered list
 * item: only digits from `lead` to p, and a space or the end after it. */
static bool md_list_number(const char *lead, const char *p)
{
    if (p == lead)
        return false;
    for (const char *q = lead; q < p; q++)
        if (*q < '0' || *q > '9')
            return false;
    return p[1] == ' ' || p[1] == '\0';
}

/* Whether the character at p must be escaped.  `lead` is the string's
 * first character that is not a space: there the text may begin a line or
 * a list item, where `-`, `+`, `=`, `>`, `#` and `1.` or `1)` start a
 * block. */
static bool md_special(const char *s, const char *p, const char *lead)
{
    switch (*p) {
    case '\\': case '`': case '*': case '[': case ']': case '|': case '~':
        return true;    /* escapes, code, emphasis, links, table cells, strikethrough */
    case '_':           /* snake_case is text: `_` between letters opens nothing */
        return !(p > s && md_alnum(p[-1]) && md_alnum(p[1]));
    case '<':           /* raw HTML or an autolink; "a < b" is text */
        return p[1] != ' ' && p[1] != '\0';
    case '&':
        return md_entity(p);
    case '-': case '+': case '=': case '>':
        return p == lead;
    case '#':
        return p == lead || md_closing_hashes(s, p);
    case '.': case ')':
        return md_list_number(lead, p);
    default:
        return false;
    }
}

void buf_md(Buf *b, const char *s)
{
    const char *lead = s;
    while (*lead == ' ')
        lead++;
    for (const char *p = s; *p; p++) {
        if (md_special(s, p, lead))
            buf_putc(b, '\\');
        buf_putc(b, *p == '\n' ? ' ' : *p);
    }
}

int buf_read_file(Buf *b, const char *path)
{
    int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
    if (fd < 0)
        return errno;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (fd)
            close(fd);
        return EISDIR;
    }
    for (;;) {
        grow(b, 1 << 16);
        ssize_t n = read(fd, b->data + b->len, b->cap - b->len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            if (fd)
                close(fd);
            return e;
        }
        if (n == 0)
            break;
        b->len += (size_t)n;
    }
    if (fd)
        close(fd);
    return 0;
}

int buf_write_file(const Buf *b, const char *path, bool *changed)
{
    if (strcmp(path, "-") == 0) {
        if (changed)
            *changed = false;
        if (fwrite(b->data ? b->data : "", 1, b->len, stdout) != b->len || fflush(stdout))
            return errno ? errno : EIO;
        return 0;
    }
    return buf_write_file_mode(b, path, 0644, changed);
}

/* The mode a replacement file gets: an existing file's mode (and so its
 * readers) is kept, with the execute bits `mode` asks for added where it
 * has read bits; a new file gets `mode` less the umask, as open() would
 * give it. */
static mode_t new_mode(const struct stat *old, bool exists, mode_t mode)
{
    if (exists)
        return (old->st_mode & 07777) | ((mode & 0111) ? (old->st_mode & 0444) >> 2 : 0);
    mode_t mask = umask(0);
    umask(mask);
    return mode & ~mask & 07777;
}

int buf_replace_file(const Buf *b, const char *path, mode_t mode)
{
    struct stat old;
    bool exists = stat(path, &old) == 0;
    if (exists && !S_ISREG(old.st_mode))
        return S_ISDIR(old.st_mode) ? EISDIR : EINVAL;
    if (exists && (old.st_mode & 0222) == 0)
        return EACCES;  /* read-only by its mode, even for root */
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp)
        return ENOMEM;
    /* mkstemp opens with O_CREAT|O_EXCL under a name no one can predict,
     * so a symbolic link planted beside the target is never followed. */
    snprintf(tmp, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return e;
    }
    int e = 0;
    if (fchmod(fd, new_mode(&old, exists, mode)) != 0)
        e = errno;
    if (e == 0 && exists && old.st_gid != getegid() && fchown(fd, (uid_t)-1, old.st_gid) != 0) {
        /* Not a member of the file's group: the new file stays in ours,
         * without the group's permissions it would grant to others. */
        fchmod(fd, new_mode(&old, exists, mode) & ~(mode_t)070);
    }
    for (size_t off = 0; e == 0 && off < b->len;) {
        ssize_t w = write(fd, b->data + off, b->len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            e = errno;
        else
            off += (size_t)w;
    }
    if (e == 0 && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && e == 0)
        e = errno;
    if (e == 0 && rename(tmp, path) != 0)
        e = errno;
    if (e)
        unlink(tmp);
    free(tmp);
    return e;
}

int buf_write_file_mode(const Buf *b, const char *path, mode_t mode, bool *changed)
{
    if (changed)
        *changed = false;
    Buf old;
    buf_init(&old);
    if (buf_read_file(&old, path) == 0 && old.len == b->len &&
        (b->len == 0 || memcmp(old.data, b->data, b->len) == 0)) {
        buf_free(&old);
        struct stat st;
        if ((mode & 0111) && stat(path, &st) == 0 && (st.st_mode & 0111) == 0)
            chmod(path, st.st_mode | mode);
        return 0;
    }
    buf_free(&old);
    int e = buf_replace_file(b, path, mode);
    if (e == 0 && changed)
        *changed = true;
    return e;
}
