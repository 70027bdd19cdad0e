/* term.c - what the tracker prints, control characters escaped.  See
 * term.h. */
#define _POSIX_C_SOURCE 200809L
#include "term.h"


/* The length of the valid UTF-8 sequence at s (at most n bytes) that is
 * printable as it is, or 0 when its first byte must be escaped.  A C1
 * control (U+0080..U+009F: 0xC2 0x80..0x9F) gives 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    size_t len = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
               : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    for (size_t k = 1; k < len; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    /* Overlong forms, surrogates and code points past U+10FFFF. */
    if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) ||
        (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F))
        return 0;
    if (s[0] == 0xC2 && s[1] <= 0x9F)
        return 0;
    return len;
}

void term_escape(Buf *out, const char *text, size_t n, bool one_line)
{
    const unsigned char *s = (const unsigned char *)text;
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    while (i < n) {
        /* A run of printable ASCII goes in one piece. */
        size_t j = i;
        while (j < n && ((s[j] >= 0x20 && s[j] < 0x7F) ||
                         (!one_line && (s[j] == '\n' || s[j] == '\t'))))
            j++;
        buf_put(out, text + i, j - i);
        if (j == n)
            break;
        i = j;
        size_t len = s[i] >= 0x80 ? utf8_len(s + i, n - i) : 0;
        if (len) {
            buf_put(out, text + i, len);
            i += len;
            continue;
        }
        char e[4] = {'\\', 'x', hex[s[i] >> 4], hex[s[i] & 15]};
        buf_put(out, e, sizeof e);
        i++;
    }
}

void term_write(FILE *f, const char *s, size_t n)
{
    Buf b;
    buf_init(&b);
    term_escape(&b, s, n, false);
    fwrite(b.data, 1, b.len, f);
    buf_free(&b);
}

void term_printf(FILE *f, const char *fmt, ...)
{
    Buf raw;
    buf_init(&raw);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&raw, fmt, ap);
    va_end(ap);
    term_write(f, raw.data, raw.len);
    buf_free(&raw);
}

void term_vline(FILE *f, const char *fmt, va_list ap)
{
    Buf raw, out;
    buf_init(&raw);
    buf_init(&out);
    buf_vprintf(&raw, fmt, ap);
    term_escape(&out, raw.data, raw.len, true);
    buf_putc(&out, '\n');
    fwrite(out.data, 1, out.len, f);
    buf_free(&raw);
    buf_free(&out);
}

void term_line(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    term_vline(f, fmt, ap);
    va_end(ap);
}

int term_width(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}
