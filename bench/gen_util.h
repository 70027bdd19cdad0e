/* bench/gen_util.h — the helpers of bench/gen.c that know nothing of Charter's
 * model: the splitmix64 PRNG, civil-date arithmetic and the number formats a
 * .charter file uses. Static (inline, so that a generator need not use them
 * all) functions, included by gen.c and dense.c, each built from one
 * translation unit: `gcc bench/gen.c`. */
#ifndef GEN_UTIL_H
#define GEN_UTIL_H

#include <stdint.h>
#include <stdio.h>

#define SEED 0x43686172746572ull /* "Charter" */
#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- PRNG: splitmix64 ---------------------------------------------------- */

typedef struct { uint64_t s; } Rng;

static inline uint64_t rnext(Rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
/* Uniform in [lo, hi], both inclusive. */
static inline int rint_(Rng *r, int lo, int hi) { return lo + (int)(rnext(r) % (uint64_t)(hi - lo + 1)); }
static inline double runif(Rng *r) { return (double)(rnext(r) >> 11) * (1.0 / 9007199254740992.0); }
static inline double rrange(Rng *r, double lo, double hi) { return lo + (hi - lo) * runif(r); }
static inline int chance(Rng *r, double p) { return runif(r) < p; }
static inline Rng rng_for(unsigned kind, unsigned idx)
{
    Rng r = { SEED ^ ((uint64_t)kind << 48) ^ ((uint64_t)idx * 0xD1B54A32D192ED03ull) };
    rnext(&r);
    return r;
}
#define PICK(r, a) ((a)[rint_((r), 0, NELEM(a) - 1)])

/* ---- dates: days since 1970-01-01 (H. Hinnant's civil algorithms) -------- */

static inline int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
static const char *date_str(int32_t z)
{
    static char buf[8][32];
    static int slot;
    char *b = buf[slot++ & 7];
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(b, 32, "%04d-%02d-%02d", yoe + era * 400 + (m <= 2), m, d);
    return b;
}
/* Months counted from 2025-01 (the start of the generated term); first and
 * last day of such a month. */
static inline int32_t month_first(int mi) { return days_from_civil(2025 + mi / 12, mi % 12 + 1, 1); }
static inline int32_t month_last(int mi) { return month_first(mi + 1) - 1; }

/* ---- numbers ------------------------------------------------------------- */

/* Integer with `_` thousands separators, as Charter writes them. */
static const char *num(long long v)
{
    static char buf[8][32];
    static int slot;
    char tmp[32], *b = buf[slot++ & 7];
    int n = snprintf(tmp, sizeof tmp, "%lld", v < 0 ? -v : v), o = 0;
    if (v < 0) b[o++] = '-';
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) b[o++] = '_';
        b[o++] = tmp[i];
    }
    b[o] = 0;
    return b;
}
static inline long long round_ll(double x) { return (long long)(x < 0 ? x - 0.5 : x + 0.5); }
static inline const char *dnum(double v, int dec)
{
    static char buf[8][40];
    static int slot;
    if (dec == 0) return num(round_ll(v));
    char *b = buf[slot++ & 7];
    snprintf(b, 40, "%.*f", dec, v);
    return b;
}
/* Round to two significant digits (at least `dec` decimals), down or up. */
static inline double nice(double x, int dec, int up)
{
    double p = 1;
    for (int i = 0; i < dec; i++) p /= 10;
    while (x / p >= 100) p *= 10;
    long long q = (long long)(x / p);
    if (up && (double)q * p < x) q++;
    return (double)q * p;
}

#endif
