/* term.c - what the tracker prints, control characters escaped.  See
 * term.h. */
#define _POSIX_C_SOURCE 200809L
#include "term.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif


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

/* Whether byte c prints as it is: printable ASCII, and a line break or a
 * tab unless one_line. */
static bool plain(unsigned char c, bool one_line)
{
    return (c >= 0x20 && c < 0x7F) || (!one_line && (c == '\n' || c == '\t'));
}

/* The end of the run of bytes from i that print as they are; 16 bytes at
 * a time where SSE2 has them (most output is one run). */
static size_t plain_end(const unsigned char *s, size_t i, size_t n, bool one_line)
{
#ifdef __SSE2__
    const __m128i below = _mm_set1_epi8(0x20 - 1), del = _mm_set1_epi8(0x7F),
                  nl = _mm_set1_epi8(one_line ? 0x20 : '\n'),
                  tab = _mm_set1_epi8(one_line ? 0x20 : '\t');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* Signed bytes: 0x20..0x7E are above 0x1F and below 0x7F, a
         * byte from 0x80 on is negative. */
        __m128i ok = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, below), _mm_cmplt_epi8(v, del)),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, tab)));
        if (_mm_movemask_epi8(ok) != 0xFFFF)
            break;
    }
#endif
    while (i < n && plain(s[i], one_line))
        i++;
    return i;
}

/* p[0..n) into `out`, or (out NULL) straight to `f`. */
static void put(Buf *out, FILE *f, const char *p, size_t n)
{
    if (out)
        buf_put(out, p, n);
    else
        fwrite(p, 1, n, f);
}

/* term_escape() into `out`, or (out NULL) straight to `f`. */
static void escape_to(Buf *out, FILE *f, const char *text, size_t n, bool one_line)
{
    const unsigned char *s = (const unsigned char *)text;
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    while (i < n) {
        /* A run of bytes that print as they are goes in one piece. */
        size_t j = plain_end(s, i, n, one_line);
        if (j > i)
            put(out, f, text + i, j - i);
        if (j == n)
            break;
        i = j;
        size_t len = s[i] >= 0x80 ? utf8_len(s + i, n - i) : 0;
        if (len) {
            put(out, f, text + i, len);
            i += len;
            continue;
        }
        char e[4] = {'\\', 'x', hex[s[i] >> 4], hex[s[i] & 15]};
        put(out, f, e, sizeof e);
        i++;
    }
}

void term_escape(Buf *out, const char *text, size_t n, bool one_line)
{
    escape_to(out, NULL, text, n, one_line);
}

void term_write(FILE *f, const char *s, size_t n)
{
    escape_to(NULL, f, s, n, false);
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
