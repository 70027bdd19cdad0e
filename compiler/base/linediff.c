/* linediff.c - unified diffs of two texts.  See linediff.h. */
#include "linediff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct Line {
    const char *p;
    size_t n;           /* with its '\n', when it has one */
    uint64_t h;
} Line;

typedef enum Op { OP_SAME, OP_DEL, OP_INS } Op;

/* Beyond this many differences the middle is replaced whole: the trace of
 * Myers' algorithm grows with the square of the number of differences. */
enum { MAX_D = 2048, CONTEXT = 3 };

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        abort();
    return p;
}

static Line *split(const char *t, size_t len, int *count)
{
    int n = 0;
    for (size_t i = 0; i < len; i++)
        n += t[i] == '\n';
    if (len > 0 && t[len - 1] != '\n')
        n++;
    Line *v = xmalloc(sizeof *v * (size_t)n);
    size_t s = 0;
    for (int k = 0; k < n; k++) {
        const char *nl = memchr(t + s, '\n', len - s);
        size_t e = nl ? (size_t)(nl - t) + 1 : len;
        v[k].p = t + s;
        v[k].n = e - s;
        uint64_t h = 1469598103934665603u;      /* FNV-1a */
        for (size_t i = s; i < e; i++)
            h = (h ^ (unsigned char)t[i]) * 1099511628211u;
        v[k].h = h;
        s = e;
    }
    *count = n;
    return v;
}

static int same(const Line *x, const Line *y)
{
    return x->h == y->h && x->n == y->n && memcmp(x->p, y->p, x->n) == 0;
}

/* Myers' greedy algorithm with a saved V per step; writes the edit script
 * of a[0..n) -> b[0..m) into ops (at most n + m entries), returns its
 * length, or -1 when the texts differ in more than MAX_D places. */
static int myers(const Line *a, int n, const Line *b, int m, Op *ops)
{
    int max = n + m;
    if (max == 0)
        return 0;
    int dmax = max < MAX_D ? max : MAX_D;
    int off = dmax + 1, width = 2 * dmax + 3;
    int *v = xmalloc(sizeof *v * (size_t)width);
    int **trace = xmalloc(sizeof *trace * (size_t)(dmax + 1));
    for (int i = 0; i < width; i++)
        v[i] = 0;
    int found = -1;
    for (int d = 0; d <= dmax && found < 0; d++) {
        trace[d] = xmalloc(sizeof(int) * (size_t)(2 * d + 1));
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
                x = v[off + k + 1];
            else
                x = v[off + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && same(&a[x], &b[y])) {
                x++;
                y++;
            }
            v[off + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        /* Keep the diagonals -d..d of this step: trace[d][k + d]. */
        memcpy(trace[d], v + off - d, sizeof(int) * (size_t)(2 * d + 1));
    }
    int len = -1;
    if (found >= 0) {
        /* Walk back from (n, m), writing the script from its end. */
        int x = n, y = m, pos = n + m;
        len = 0;
        Op *tmp = xmalloc(sizeof *tmp * (size_t)(n + m));
        for (int d = found; d > 0; d--) {
            const int *pv = trace[d - 1] + (d - 1);     /* pv[k], k in -(d-1)..d-1 */
            int k = x - y;
            int pk = (k == -d || (k != d && pv[k - 1] < pv[k + 1])) ? k + 1 : k - 1;
            int px = pv[pk], py = px - pk;
            /* The edit of step d leads to (mx, my); a snake then to (x, y). */
            int mx = pk == k + 1 ? px : px + 1, my = pk == k + 1 ? py + 1 : py;
            while (x > mx && y > my) {
                tmp[--pos] = OP_SAME;
                x--;
                y--;
            }
            if (pk == k + 1) {
                tmp[--pos] = OP_INS;    /* down: b[y - 1] inserted */
                y--;
            } else {
                tmp[--pos] = OP_DEL;    /* right: a[x - 1] deleted */
                x--;
            }
        }
        while (x > 0 && y > 0) {
            tmp[--pos] = OP_SAME;
            x--;
            y--;
        }
        len = n + m - pos;
        memcpy(ops, tmp + pos, sizeof *ops * (size_t)len);
        free(tmp);
    }
    for (int d = 0; d <= dmax && d <= (found < 0 ? dmax : found); d++)
        free(trace[d]);
    free(trace);
    free(v);
    return len;
}

static void put_line(Buf *out, char mark, const Line *l)
{
    buf_putc(out, mark);
    buf_put(out, l->p, l->n);
    if (l->n == 0 || l->p[l->n - 1] != '\n')
        buf_puts(out, "\n\\ No newline at end of file\n");
}

static void put_range(Buf *out, char sign, int start, int count)
{
    /* GNU style: an empty range names the line before it. */
    if (count == 0)
        buf_printf(out, "%c%d,0", sign, start);
    else if (count == 1)
        buf_printf(out, "%c%d", sign, start + 1);
    else
        buf_printf(out, "%c%d,%d", sign, start + 1, count);
}

int linediff_unified(Buf *out, const char *name_a, const char *name_b, const char *a, size_t alen,
                     const char *b, size_t blen)
{
    if (alen == blen && (alen == 0 || memcmp(a, b, alen) == 0))
        return 0;
    int n, m;
    Line *la = split(a, alen, &n), *lb = split(b, blen, &m);
    int pre = 0;
    while (pre < n && pre < m && same(&la[pre], &lb[pre]))
        pre++;
    int suf = 0;
    while (suf < n - pre && suf < m - pre && same(&la[n - 1 - suf], &lb[m - 1 - suf]))
        suf++;
    int mn = n - pre - suf, mm = m - pre - suf;
    Op *ops = xmalloc(sizeof *ops * (size_t)(n + m));
    int nops = 0;
    for (int i = 0; i < pre; i++)
        ops[nops++] = OP_SAME;
    int k = myers(la + pre, mn, lb + pre, mm, ops + nops);
    if (k < 0) {
        for (int i = 0; i < mn; i++)
            ops[nops++] = OP_DEL;
        for (int i = 0; i < mm; i++)
            ops[nops++] = OP_INS;
    } else {
        nops += k;
    }
    for (int i = 0; i < suf; i++)
        ops[nops++] = OP_SAME;

    int hunks = 0;
    int i = 0, ai = 0, bi = 0;     /* ai, bi: lines of a and b before ops[i] */
    while (i < nops) {
        if (ops[i] == OP_SAME) {
            i++;
            ai++;
            bi++;
            continue;
        }
        /* A hunk: back up the context, then take changes whose gaps are
         * at most twice the context. */
        int back = 0;
        while (back < CONTEXT && i - back > 0 && ops[i - back - 1] == OP_SAME)
            back++;
        int start = i - back, as = ai - back, bs = bi - back;
        int end = i;    /* one past the last change */
        for (int j = i; j < nops;) {
            if (ops[j] != OP_SAME) {
                end = ++j;
                continue;
            }
            int run = 0;
            while (j + run < nops && ops[j + run] == OP_SAME)
                run++;
            if (j + run >= nops || run > 2 * CONTEXT)
                break;
            j += run;
        }
        int stop = end;
        while (stop < nops && stop < end + CONTEXT && ops[stop] == OP_SAME)
            stop++;
        int ac = 0, bc = 0;
        for (int j = start; j < stop; j++) {
            ac += ops[j] != OP_INS;
            bc += ops[j] != OP_DEL;
        }
        if (hunks++ == 0)
            buf_printf(out, "--- %s\n+++ %s\n", name_a, name_b);
        buf_puts(out, "@@ ");
        put_range(out, '-', as, ac);
        buf_putc(out, ' ');
        put_range(out, '+', bs, bc);
        buf_puts(out, " @@\n");
        int x = as, y = bs;
        for (int j = start; j < stop; j++) {
            if (ops[j] == OP_SAME) {
                put_line(out, ' ', &la[x++]);
                y++;
            } else if (ops[j] == OP_DEL) {
                put_line(out, '-', &la[x++]);
            } else {
                put_line(out, '+', &lb[y++]);
            }
        }
        i = stop;
        ai = x;
        bi = y;
    }
    free(ops);
    free(la);
    free(lb);
    return hunks;
}
