/* bench/gen.c — deterministic benchmark data for Charter.
 *
 *   gen agreement SCALE [-o FILE]            a valid .charter agreement
 *   gen observations SCALE ROWS [-o FILE]    observations.csv for that agreement
 *   gen events SCALE [-o FILE]               events.csv for that agreement
 *   gen counts SCALE                         how many of each declaration SCALE gives
 *
 * Scale 1 is about 100 partners, 200 indicators, 300 activities and 200
 * milestones; every count grows linearly with SCALE (fractional allowed).
 *
 * Design: the model (ids, links, dates, numbers) is built first, from one
 * fixed-seed splitmix64 stream, identically for every command, so the CSV
 * files always name exactly what the agreement of the same SCALE declares.
 * Prose is drawn at output time from a stream seeded by (kind, index) and is
 * never stored. No clock, no rand(), no libm: same arguments, same bytes.
 *
 * The agreement is built to pass every check (docs/checks.md): everything it
 * names is declared; budgets stay within commitments; milestone `after`
 * edges point to strictly earlier due dates; phases follow due dates;
 * requirements stay on the planned trajectory and are spaced by at least one
 * reporting period per indicator; activities that share a goal and a need
 * declare `coordinates_with`. Only `too_many_indicators` cannot hold at
 * scale, and it is allowed at top level with a reason.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_util.h"
#include "gen_words.h"

/* The term: 2025-01-01 to 2029-12-31. Baselines are all on T0. */
#define T0 days_from_civil(2025, 1, 1)
#define T1 days_from_civil(2029, 12, 31)
#define TERM_MONTHS 60
/* The CSV data stop at AS_OF, three years into the term: the ledger as it
 * stands on that day (`status --as-of 2027-12-31`). */
#define AS_OF days_from_civil(2027, 12, 31)

/* ---- model --------------------------------------------------------------- */

typedef struct {
    char id[48]; int sector, level, pat, prefix, currency, ninc, interest[2], more[2];
    int twin; /* earlier partners with the same legal name: the name gets " N+1" */
    unsigned backbone; long long provide[NBUDUNIT], commit[NBUDUNIT];
} Partner;
typedef struct {
    char id[48]; int tpl, place, a, b; /* a, b: inputs of a derived indicator, else -1 */
    int freq, nrep, rep[3], ntgt, disagg, personal; int32_t tdate[3], last_req; double base, tval[3];
} Indicator;
typedef struct { char id[48]; int tpl, place; } Named;
typedef struct {
    char id[48]; int tpl, place, lead, npart, part[4], ngoal, goal[2], nneed, need[2], nbud;
    int bunit[4], bfrom[4], ncoord, capcoord, *coord; long long bamt[4]; int32_t start, end;
} Activity;
typedef struct {
    char id[48]; int tpl, place, phase, owner, nafter, after[2], nreq, req[2]; double reqv[2]; int32_t due;
} Milestone;

static struct {
    int np, ni, nd, ng, nn, na, nm, ninterest, nbb; /* nd: derived indicators, the last nd of ni */
    Partner *p; Indicator *ind; Named *goal, *need; Activity *act; Milestone *ms;
} M;

static void *xcalloc(size_t n, size_t size)
{
    void *q = calloc(n ? n : 1, size);
    if (!q) { fputs("gen: out of memory\n", stderr); exit(2); }
    return q;
}
static int scaled(double scale, double base, int min)
{
    long long v = round_ll(scale * base);
    return v < min ? min : (int)v;
}
static void shuffle(Rng *r, int *a, int n)
{
    for (int i = n - 1; i > 0; i--) { int j = rint_(r, 0, i), t = a[i]; a[i] = a[j]; a[j] = t; }
}
static int weighted(Rng *r, const int *w, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++) total += w[i];
    int x = rint_(r, 0, total - 1);
    for (int i = 0; i < n; i++) if ((x -= w[i]) < 0) return i;
    return n - 1;
}
static int pat_for_sector(Rng *r, int sector)
{
    int cand[NELEM(name_pats)], n = 0;
    for (int i = 0; i < NELEM(name_pats); i++) if (name_pats[i].sector == sector) cand[n++] = i;
    return cand[rint_(r, 0, n - 1)];
}
static void lower_into(char *dst, const char *src)
{
    for (; *src; src++) *dst++ = (char)(*src >= 'A' && *src <= 'Z' ? *src - 'A' + 'a' : *src);
    *dst = 0;
}
static int contains(const int *a, int n, int x)
{
    for (int i = 0; i < n; i++) if (a[i] == x) return 1;
    return 0;
}

/* The planned trajectory: straight lines from the baseline (on T0) through
 * each target, flat after the last one. */
static double planned(const Indicator *x, int32_t d)
{
    int32_t d0 = T0; double v0 = x->base;
    for (int k = 0; k < x->ntgt; k++) {
        if (d <= x->tdate[k]) return v0 + (x->tval[k] - v0) * (double)(d - d0) / (double)(x->tdate[k] - d0);
        d0 = x->tdate[k]; v0 = x->tval[k];
    }
    return v0;
}

static void build_partners(Rng *r)
{
    static const int bb_sector[3] = { MULTI, ACAD, PHIL }, bb_level[3] = { 3, 2, 1 };
    static const int level_weight[4] = { 40, 30, 25, 5 };
    /* Two partners may not share a legal name (duplicate_partner): the
     * repeats of a (pattern, prefix) pair are numbered. */
    int *seen = xcalloc((size_t)NELEM(name_pats) * NELEM(prefixes), sizeof *seen);
    for (int i = 0; i < M.np; i++) {
        Partner *p = &M.p[i];
        p->sector = i < M.nbb ? bb_sector[i] : weighted(r, sector_weight, NSECTOR);
        p->level = i < M.nbb ? bb_level[i] : weighted(r, level_weight, 4);
        p->pat = pat_for_sector(r, p->sector);
        p->prefix = rint_(r, 0, NELEM(prefixes) - 1);
        p->currency = name_pats[p->pat].eur ? CUR_EUR : CUR_USD;
        p->twin = seen[p->pat * NELEM(prefixes) + p->prefix]++;
        char low[32];
        lower_into(low, prefixes[p->prefix]);
        snprintf(p->id, sizeof p->id, "%s_%s_p%d", low, name_pats[p->pat].slug, i + 1);
        /* Backbone: the lead performs all six; two more partners at other
         * levels share measurement and funding, so no function overlaps at
         * one level. Backbone partners lead no activity. */
        p->backbone = i == 0 ? 63u : i == 1 ? 1u << 2 : i == 2 ? 1u << 5 : 0u;
        p->ninc = chance(r, 0.3) ? 2 : 1;
        for (int k = 0; k < p->ninc; k++) {
            do p->interest[k] = rint_(r, 0, M.ninterest - 1);
            while (k == 1 && p->interest[1] == p->interest[0]);
            p->more[k] = chance(r, 0.65);
        }
    }
    free(seen);
}

static void build_indicators(Rng *r, const int *nb, int nnb)
{
    int nrepd = M.ni - M.nd;
    for (int k = 0; k < M.ni; k++) {
        Indicator *x = &M.ind[k];
        x->a = x->b = -1;
        x->last_req = INT32_MIN;
        x->place = rint_(r, 0, NELEM(places) - 1);
        if (k >= nrepd) {
            /* derived: 100 * ratio(a, b) of two running totals reported at one
             * frequency (formula_frequency_mismatch); b reaching at least a's
             * last target where one does keeps the ratio under 90%. */
            int fa = -1, fb = -1;
            for (int tries = 0; tries < 50 && x->b < 0; tries++) {
                int a = rint_(r, 0, nrepd - 1);
                const Indicator *xa = &M.ind[a];
                for (int j = 1; j < nrepd && x->b < 0 && ind_tpls[xa->tpl].values == V_CUM; j++) {
                    int b = (a + j) % nrepd;
                    const Indicator *y = &M.ind[b];
                    if (y->freq != xa->freq || ind_tpls[y->tpl].values != V_CUM || y->tpl == xa->tpl) continue;
                    if (y->tval[y->ntgt - 1] >= xa->tval[xa->ntgt - 1]) { x->a = a; x->b = b; }
                    else if (fa < 0) { fa = a; fb = b; }
                }
            }
            if (x->b < 0) { x->a = fa < 0 ? 0 : fa; x->b = fa < 0 ? nrepd > 1 : fb; } /* tiny scales */
            const Indicator *a = &M.ind[x->a], *b = &M.ind[x->b];
            double v = 90.0 * a->tval[a->ntgt - 1] / (b->tval[b->ntgt - 1] > 0 ? b->tval[b->ntgt - 1] : 1);
            x->ntgt = 1; x->tdate[0] = T1; x->tval[0] = v < 1 ? 1 : (double)round_ll(v);
            snprintf(x->id, sizeof x->id, "ratio_%s_i%d", ind_tpls[a->tpl].slug, k + 1);
            continue;
        }
        const IndTpl *t;
        x->tpl = rint_(r, 0, NELEM(ind_tpls) - 1);
        t = &ind_tpls[x->tpl];
        snprintf(x->id, sizeof x->id, "%s_i%d", t->slug, k + 1);
        x->freq = weighted(r, freq_weight, NELEM(freq_weight));
        /* First reporter cycles through the non-backbone partners so that every
         * partner that leads an activity also reports (partner_not_reporting). */
        x->rep[0] = nb[k % nnb];
        x->nrep = chance(r, 0.5) ? 1 : chance(r, 0.7) ? 2 : 3;
        for (int j = 1; j < x->nrep; j++) {
            int q;
            do q = rint_(r, 0, M.np - 1); while (contains(x->rep, j, q));
            x->rep[j] = q;
        }
        int pct = !strcmp(t->unit, "percent");
        x->base = nice(rrange(r, t->blo, t->bhi), pct ? 0 : t->dec, 0);
        double last = t->up ? nice(x->base + rrange(r, t->slo, t->shi), pct ? 0 : t->dec, 1)
                            : nice(x->base * rrange(r, t->slo, t->shi), pct ? 0 : t->dec, 0);
        if (pct && last > 98) last = 98;
        /* Targets on half-year ends, the last at the end of the term or half a
         * year before; an intermediate target that rounding leaves no strictly
         * between its neighbours is dropped (target_not_monotonic). */
        int lastslot = chance(r, 0.7) ? 10 : 9, want = rint_(r, 0, 2), slots[2];
        for (int j = 0; j < want; j++) {
            int s;
            do s = rint_(r, 2, lastslot - 1); while (contains(slots, j, s));
            slots[j] = s;
        }
        if (want == 2 && slots[0] > slots[1]) { int s = slots[0]; slots[0] = slots[1]; slots[1] = s; }
        double prev = x->base;
        x->ntgt = 0;
        for (int j = 0; j < want; j++) {
            double f = (double)slots[j] / lastslot * rrange(r, 0.8, 1.0);
            double v = nice(x->base + (last - x->base) * f, pct ? 0 : t->dec, !t->up);
            if (t->up ? (v <= prev || v >= last) : (v >= prev || v <= last)) continue;
            x->tdate[x->ntgt] = month_last(slots[j] * 6 - 1);
            x->tval[x->ntgt++] = prev = v;
        }
        x->tdate[x->ntgt] = month_last(lastslot * 6 - 1);
        x->tval[x->ntgt++] = last;
        x->disagg = (!strcmp(t->unit, "people") || !strcmp(t->unit, "students")) && chance(r, 0.06);
        x->personal = t->personal && chance(r, 0.3);
    }
}

/* Activities sharing a (goal, need) pair, with different leads and
 * overlapping periods, would be redundant: the later one declares
 * coordinates_with the earlier. Pairs are found through a hash table. */
static void link_coordination(void)
{
    size_t cap = 16;
    while (cap < (size_t)M.na * 16) cap <<= 1;
    long long *key = xcalloc(cap, sizeof *key);
    int *head = xcalloc(cap, sizeof *head), *next = xcalloc((size_t)M.na * 4, sizeof *next);
    int *who = xcalloc((size_t)M.na * 4, sizeof *who), nent = 0;
    for (size_t i = 0; i < cap; i++) key[i] = -1;
    for (int i = 0; i < M.na; i++) {
        Activity *a = &M.act[i];
        for (int g = 0; g < a->ngoal; g++)
            for (int n = 0; n < a->nneed; n++) {
                long long k = (long long)a->goal[g] * M.nn + a->need[n];
                size_t h = (size_t)((unsigned long long)k * 0x9E3779B97F4A7C15ull >> 20) & (cap - 1);
                while (key[h] != -1 && key[h] != k) h = (h + 1) & (cap - 1);
                if (key[h] == -1) { key[h] = k; head[h] = -1; }
                for (int e = head[h]; e >= 0; e = next[e]) {
                    const Activity *b = &M.act[who[e]];
                    if (b->lead == a->lead || b->end < a->start || a->end < b->start) continue;
                    if (contains(a->coord, a->ncoord, who[e])) continue;
                    if (a->ncoord == a->capcoord) {
                        a->capcoord = a->capcoord ? a->capcoord * 2 : 4;
                        a->coord = realloc(a->coord, (size_t)a->capcoord * sizeof *a->coord);
                        if (!a->coord) { fputs("gen: out of memory\n", stderr); exit(2); }
                    }
                    a->coord[a->ncoord++] = who[e];
                }
                who[nent] = i; next[nent] = head[h]; head[h] = nent++;
            }
    }
    free(key); free(head); free(next); free(who);
}

static void add_budget(Activity *a, int from, int unit, long long amt)
{
    a->bunit[a->nbud] = unit; a->bamt[a->nbud] = amt; a->bfrom[a->nbud++] = from;
    M.p[from < 0 ? a->lead : from].provide[unit] += amt;
}

static void build_activities(Rng *r, const int *nb, int nnb)
{
    for (int i = 0; i < M.na; i++) {
        Activity *a = &M.act[i];
        a->tpl = rint_(r, 0, NELEM(act_tpls) - 1);
        a->place = rint_(r, 0, NELEM(places) - 1);
        snprintf(a->id, sizeof a->id, "%s_a%d", act_tpls[a->tpl].slug, i + 1);
        a->lead = nb[i % nnb];
        a->npart = rint_(r, 0, 4);
        for (int j = 0; j < a->npart; j++) {
            int q;
            do q = rint_(r, 0, M.np - 1); while (q == a->lead || contains(a->part, j, q));
            a->part[j] = q;
        }
        /* Primary (goal, need) pairs are distinct while i < ng * nn and every
         * goal and need is covered (ng >= nn, na >= ng). */
        int q = i / M.ng, g0 = i % M.ng;
        a->goal[0] = g0; a->ngoal = 1;
        a->need[0] = (q + g0) % M.nn; a->nneed = 1;
        if (chance(r, 0.25) && M.ng > 1) { int g; do g = rint_(r, 0, M.ng - 1); while (g == g0); a->goal[a->ngoal++] = g; }
        if (chance(r, 0.2) && M.nn > 1) { int n; do n = rint_(r, 0, M.nn - 1); while (n == a->need[0]); a->need[a->nneed++] = n; }
        int m0 = rint_(r, 0, 36), len = rint_(r, 6, 30);
        if (m0 + len > TERM_MONTHS) len = TERM_MONTHS - m0;
        a->start = month_first(m0); a->end = month_last(m0 + len - 1);
        add_budget(a, -1, CUR_HOURS, (long long)rint_(r, 4, 100) * 50);
        if (chance(r, 0.6)) add_budget(a, -1, M.p[a->lead].currency, (long long)rint_(r, 2, 150) * 5000);
        if (a->npart > 0 && chance(r, 0.3)) {
            int f = a->part[rint_(r, 0, a->npart - 1)];
            add_budget(a, f, M.p[f].currency, (long long)rint_(r, 2, 60) * 5000);
        }
        if (M.nbb >= 3 && chance(r, 0.1)) /* the funding backbone partner co-finances */
            add_budget(a, 2, M.p[2].currency, (long long)rint_(r, 5, 100) * 10000);
    }
    link_coordination();
}

static void build_milestones(Rng *r)
{
    int32_t span = T1 - T0 - 30, exec_from = T0 + 120, scale_from = T0 + (T1 - T0) * 4 / 5;
    int nrepd = M.ni - M.nd, *owners = xcalloc((size_t)M.np, sizeof *owners);
    for (int i = 0; i < M.np; i++) owners[i] = i;
    shuffle(r, owners, M.np);
    for (int j = 0; j < M.nm; j++) {
        Milestone *m = &M.ms[j];
        m->due = T0 + 30 + (int32_t)((double)span * (j + runif(r)) / M.nm);
        m->place = rint_(r, 0, NELEM(places) - 1);
        m->tpl = m->due < exec_from ? -1 : rint_(r, 0, NELEM(ms_tpls) - 1);
        snprintf(m->id, sizeof m->id, "%s_m%d", m->tpl < 0 ? "agreement_signed" : ms_tpls[m->tpl].slug, j + 1);
        m->owner = owners[j % M.np];
        /* phases follow due dates, so phase_order holds */
        int ph = m->due < exec_from ? 3 : m->due < scale_from ? 4 : 5;
        m->phase = (j == 0 || chance(r, 0.75)) ? ph : -1;
        for (int tries = 0; tries < 6 && j > 0 && m->nafter < (chance(r, 0.3) ? 2 : 1); tries++) {
            int k = rint_(r, j > 12 ? j - 12 : 0, j - 1);
            if (M.ms[k].due < m->due && !contains(m->after, m->nafter, k)) m->after[m->nafter++] = k;
        }
        if (m->tpl < 0) continue;
        int want = chance(r, 0.3) ? 0 : chance(r, 0.7) ? 1 : 2;
        for (int tries = 0; tries < 12 && m->nreq < want && nrepd > 0; tries++) {
            int k = rint_(r, 0, nrepd - 1);
            Indicator *x = &M.ind[k];
            int gap = freq_days[x->freq] + 31;
            if (x->disagg || m->due < T0 + gap || contains(m->req, m->nreq, k)) continue;
            if (x->last_req != INT32_MIN && m->due - x->last_req < gap) continue;
            const IndTpl *t = &ind_tpls[x->tpl];
            int dec = strcmp(t->unit, "percent") ? t->dec : 0;
            double p = planned(x, m->due), v = x->base + (p - x->base) * rrange(r, 0.5, 0.9);
            m->reqv[m->nreq] = nice(v, dec, !t->up);
            if (t->up ? (m->reqv[m->nreq] > p || m->reqv[m->nreq] <= x->base)
                      : (m->reqv[m->nreq] < p || m->reqv[m->nreq] >= x->base)) continue;
            x->last_req = m->due;
            m->req[m->nreq++] = k;
        }
    }
    free(owners);
}

static void build(double scale)
{
    Rng r = { SEED };
    memset(&M, 0, sizeof M);
    M.np = scaled(scale, 100, 6);
    M.ni = scaled(scale, 200, M.np + 4);
    M.nd = M.ni / 12;
    M.nn = scaled(scale, 30, 2);
    M.ng = scaled(scale, 40, M.nn);
    M.na = scaled(scale, 300, M.ng > M.np ? M.ng : M.np);
    M.nm = scaled(scale, 200, 4);
    M.ninterest = M.np / 4 < 3 ? 3 : M.np / 4;
    M.nbb = 3;
    M.p = xcalloc((size_t)M.np, sizeof *M.p);
    M.ind = xcalloc((size_t)M.ni, sizeof *M.ind);
    M.goal = xcalloc((size_t)M.ng, sizeof *M.goal);
    M.need = xcalloc((size_t)M.nn, sizeof *M.need);
    M.act = xcalloc((size_t)M.na, sizeof *M.act);
    M.ms = xcalloc((size_t)M.nm, sizeof *M.ms);
    build_partners(&r);
    int nnb = M.np - M.nbb, *nb = xcalloc((size_t)nnb, sizeof *nb);
    for (int i = 0; i < nnb; i++) nb[i] = M.nbb + i;
    shuffle(&r, nb, nnb);
    build_indicators(&r, nb, nnb);
    for (int g = 0; g < M.ng; g++) {
        M.goal[g].tpl = rint_(&r, 0, NELEM(goal_tpls) - 1); M.goal[g].place = rint_(&r, 0, NELEM(places) - 1);
        snprintf(M.goal[g].id, sizeof M.goal[g].id, "%s_g%d", goal_tpls[M.goal[g].tpl].slug, g + 1);
    }
    for (int n = 0; n < M.nn; n++) {
        M.need[n].tpl = rint_(&r, 0, NELEM(need_tpls) - 1); M.need[n].place = rint_(&r, 0, NELEM(places) - 1);
        snprintf(M.need[n].id, sizeof M.need[n].id, "%s_n%d", need_tpls[M.need[n].tpl].slug, n + 1);
    }
    shuffle(&r, nb, nnb);
    build_activities(&r, nb, nnb);
    free(nb);
    /* Commitments cover what each partner provides with a margin, so there is
     * neither an overcommitted partner nor a resource gap. */
    for (int i = 0; i < M.np; i++) {
        Partner *p = &M.p[i];
        long long any = 0;
        for (int u = 0; u < NBUDUNIT; u++) {
            if (p->provide[u]) p->commit[u] = (long long)nice((double)p->provide[u] * rrange(&r, 1.05, 1.4), 0, 1);
            any |= p->provide[u];
        }
        if (!any || i == 0) p->commit[CUR_HOURS] += (long long)rint_(&r, 4, 40) * 50;
    }
    build_milestones(&r);
}

/* ---- writing the agreement ----------------------------------------------- */

static FILE *out;

static void wstr(const char *s)
{
    putc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') putc('\\', out);
        putc(*s, out);
    }
    putc('"', out);
}
/* A `"""` block, wrapped at about 72 columns, indented two more than `ind`. */
static void wblock(int ind, const char *s)
{
    fputs("\"\"\"\n", out);
    while (*s) {
        int n = (int)strlen(s), cut = n;
        if (n > 72) { cut = 72; while (cut > 0 && s[cut] != ' ') cut--; if (!cut) cut = 72; }
        fprintf(out, "%*s%.*s\n", ind + 2, "", cut, s);
        s += cut;
        while (*s == ' ') s++;
    }
    fprintf(out, "%*s\"\"\"", ind, "");
}
static const char *fmt1(const char *f, const char *a)
{
    static char buf[4][256];
    static int slot;
    char *b = buf[slot++ & 3];
    snprintf(b, 256, f, a);
    return b;
}
static const char *para(Rng *r, int nsent)
{
    static char buf[2048];
    buf[0] = 0;
    /* distinct sentences: a step coprime with the pool size */
    _Static_assert(NELEM(sentences) == 9, "steps[] must stay coprime with the number of sentences");
    static const int steps[] = { 1, 2, 4, 5, 7, 8 };
    int first = rint_(r, 0, NELEM(sentences) - 1), step = PICK(r, steps);
    for (int i = 0; i < nsent; i++) {
        if (i) strcat(buf, " ");
        strcat(buf, sentences[(first + i * step) % NELEM(sentences)]);
    }
    return buf;
}
/* A comma-separated list of ids; long lists continue on the next line after a comma. */
typedef const char *(*IdOf)(int);
static const char *pid(int i) { return M.p[i].id; }
static const char *aid(int i) { return M.act[i].id; }
static const char *mid(int i) { return M.ms[i].id; }
static const char *gid(int i) { return M.goal[i].id; }
static const char *nid(int i) { return M.need[i].id; }
static void wlist(const int *ix, int n, IdOf id, int ind)
{
    for (int i = 0; i < n; i++) {
        if (i) fputs(i % 6 ? ", " : ",\n", out);
        if (i && i % 6 == 0) fprintf(out, "%*s", ind + 4, "");
        fputs(id(ix[i]), out);
    }
}

enum { K_PARTNER = 1, K_MS, K_TENSION, K_AGREEMENT, K_OBS, K_EVENT };

static void write_partner(int i)
{
    const Partner *p = &M.p[i];
    Rng r = rng_for(K_PARTNER, (unsigned)i);
    if (i >= M.nbb && chance(&r, 0.08)) fputs("# Joined in the second recruitment round.\n", out);
    fprintf(out, "partner %s ", p->id);
    if (p->twin) {
        char name[160];
        snprintf(name, sizeof name, "%s %d", fmt1(name_pats[p->pat].fmt, prefixes[p->prefix]), p->twin + 1);
        wstr(name);
    } else {
        wstr(fmt1(name_pats[p->pat].fmt, prefixes[p->prefix]));
    }
    fprintf(out, " {\n  sector %s\n  level %s\n  signatory ", sector_id[p->sector], level_id[p->level]);
    wstr(PICK(&r, signatories[p->sector]));
    putc('\n', out);
    if (p->backbone) {
        fputs("  backbone ", out);
        for (int f = 0, n = 0; f < 6; f++)
            if (p->backbone & 1u << f) fprintf(out, "%s%s", n++ ? ", " : "", backbone_fn[f]);
        putc('\n', out);
    }
    if (p->backbone || chance(&r, 0.6)) { fputs("  coordinator ", out); wstr(PICK(&r, coordinators)); putc('\n', out); }
    for (int u = 0; u < NBUDUNIT; u++)
        if (p->commit[u]) fprintf(out, "  commits %s %s\n", num(p->commit[u]), budget_unit[u]);
    for (int k = 0; k < p->ninc; k++) {
        fprintf(out, "  incentive %s ", k ? "reputation" : motive_id[p->sector]);
        wstr(k ? "Be seen as a reliable partner by its own members and funders"
               : fmt1(motive_fmt[p->sector], PICK(&r, places)));
        fprintf(out, " {\n    interest %s wants %s\n  }\n",
                interest_name(p->interest[k]), p->more[k] ? "more" : "less");
    }
    fputs("}\n\n", out);
}

/* One tension per interest that some partners want more of and others less. */
static int write_tensions(int dry)
{
    int count = 0, *who = xcalloc((size_t)M.np, sizeof *who);
    for (int k = 0; k < M.ninterest; k++) {
        int n = 0, more = 0, less = 0;
        for (int i = 0; i < M.np; i++)
            for (int j = 0; j < M.p[i].ninc; j++)
                if (M.p[i].interest[j] == k) { who[n++] = i; more += M.p[i].more[j]; less += !M.p[i].more[j]; }
        if (!more || !less) continue;
        count++;
        if (dry) continue;
        Rng r = rng_for(K_TENSION, (unsigned)k);
        fprintf(out, "tension %s between ", interest_name(k));
        wlist(who, n, pid, 0);
        fputs(" {\n  resolution ", out);
        char text[2048], topic[48];
        snprintf(topic, sizeof topic, "%s", interest_name(k));
        for (char *c = topic; *c; c++) if (*c == '_') *c = ' ';
        snprintf(text, sizeof text, "The partners review %s every year on the evidence of the shared "
                 "indicators and record the outcome in the minutes of the steering committee. %s",
                 topic, para(&r, 2));
        if (chance(&r, 0.3)) wblock(2, text); else wstr(text);
        fputs("\n}\n\n", out);
    }
    free(who);
    return count;
}

static void write_indicator(int k)
{
    const Indicator *x = &M.ind[k];
    char title[256];
    if (x->a >= 0) {
        snprintf(title, sizeof title, "Ratio of %s to %s, in percent", ind_tpls[M.ind[x->a].tpl].shortl,
                 ind_tpls[M.ind[x->b].tpl].shortl);
        fprintf(out, "indicator %s ", x->id); wstr(title);
        fprintf(out, " {\n  unit percent\n  direction up\n  formula 100 * ratio(%s, %s)\n  target %s%% by %s\n}\n\n",
                M.ind[x->a].id, M.ind[x->b].id, num((long long)x->tval[0]), date_str(x->tdate[0]));
        return;
    }
    const IndTpl *t = &ind_tpls[x->tpl];
    int pct = !strcmp(t->unit, "percent"), dec = pct ? 0 : t->dec;
    const char *sfx = pct ? "%" : "";
    snprintf(title, sizeof title, "%s in %s", t->title, places[x->place]);
    fprintf(out, "indicator %s ", x->id); wstr(title);
    fprintf(out, " {\n  unit %s\n  direction %s\n  baseline %s%s on %s\n", t->unit, t->up ? "up" : "down",
            dnum(x->base, dec), sfx, date_str(T0));
    for (int j = 0; j < x->ntgt; j++)
        fprintf(out, "  target %s%s by %s\n", dnum(x->tval[j], dec), sfx, date_str(x->tdate[j]));
    fprintf(out, "  frequency %s\n  values %s\n  combine %s\n  reported_by ", freq_text[x->freq],
            t->values == V_CUM ? "cumulative" : "per_period", t->combine == C_SUM ? "sum" : "mean");
    wlist(x->rep, x->nrep, pid, 2);
    fputs("\n  source ", out);
    wstr(t->source);
    if (x->disagg) fputs("\n  disaggregated_by gender, region", out);
    if (x->personal) fputs("\n  personal_data yes", out);
    fputs("\n}\n\n", out);
}

static void write_activity(int i)
{
    const Activity *a = &M.act[i];
    fprintf(out, "activity %s ", a->id);
    wstr(fmt1(act_tpls[a->tpl].fmt, places[a->place]));
    fprintf(out, " {\n  lead %s\n", M.p[a->lead].id);
    if (a->npart) { fputs("  partners ", out); wlist(a->part, a->npart, pid, 2); putc('\n', out); }
    fputs("  supports ", out); wlist(a->goal, a->ngoal, gid, 2);
    fputs("\n  addresses ", out); wlist(a->need, a->nneed, nid, 2);
    if (a->ncoord) { fputs("\n  coordinates_with ", out); wlist(a->coord, a->ncoord, aid, 2); }
    fprintf(out, "\n  period %s to %s\n", date_str(a->start), date_str(a->end));
    for (int b = 0; b < a->nbud; b++) {
        fprintf(out, "  budget %s %s", num(a->bamt[b]), budget_unit[a->bunit[b]]);
        if (a->bfrom[b] >= 0) fprintf(out, " from %s", M.p[a->bfrom[b]].id);
        putc('\n', out);
    }
    fputs("}\n\n", out);
}

static void write_milestone(int j)
{
    static const char *const phase_id[] = { "scoping", "recruitment", "pause", "signing", "execution", "scaling" };
    const Milestone *m = &M.ms[j];
    Rng r = rng_for(K_MS, (unsigned)j);
    fprintf(out, "milestone %s ", m->id);
    wstr(m->tpl < 0 ? fmt1("Partners working in %s sign the formal agreement", places[m->place])
                    : fmt1(ms_tpls[m->tpl].fmt, places[m->place]));
    fputs(" {\n", out);
    if (m->phase >= 0) fprintf(out, "  phase %s\n", phase_id[m->phase]);
    fprintf(out, "  due %s\n  owner %s\n", date_str(m->due), M.p[m->owner].id);
    if (m->nafter) { fputs("  after ", out); wlist(m->after, m->nafter, mid, 2); putc('\n', out); }
    for (int q = 0; q < m->nreq; q++) {
        const Indicator *x = &M.ind[m->req[q]];
        const IndTpl *t = &ind_tpls[x->tpl];
        int pct = !strcmp(t->unit, "percent");
        fprintf(out, "%s%s %s %s%s", q ? " and " : "  requires ", x->id, t->up ? ">=" : "<=",
                dnum(m->reqv[q], pct ? 0 : t->dec), pct ? "%" : "");
    }
    if (m->nreq) putc('\n', out);
    fputs("  deliverable ", out);
    if (chance(&r, 0.15)) {
        /* one draw per statement: argument evaluation order is unspecified */
        char text[2048];
        const char *first = PICK(&r, deliverables);
        int nsent = rint_(&r, 2, 4);
        snprintf(text, sizeof text, "%s. %s", first, para(&r, nsent));
        wblock(2, text);
    } else {
        wstr(PICK(&r, deliverables));
    }
    fputs("\n}\n\n", out);
}

static void write_agreement(double scale)
{
    Rng r = rng_for(K_AGREEMENT, 0);
    char title[128];
    snprintf(title, sizeof title, "Regional Partnership for Digital Inclusion (benchmark, scale %g)", scale);
    fprintf(out, "# Generated by bench/gen.c: gen agreement %g\n# A synthetic agreement for benchmarks: "
                 "%d partners, %d indicators, %d activities, %d milestones.\n\n",
            scale, M.np, M.ni, M.na, M.nm);
    fputs("agreement digital_inclusion ", out); wstr(title);
    fprintf(out, " {\n  version \"1.0\"\n  binding no\n  term %s to %s\n  lead %s\n  scope ", date_str(T0), date_str(T1), M.p[0].id);
    wstr(TXT_SCOPE);
    fputs("\n  amendment ", out);
    wstr(TXT_AMENDMENT);
    fputs("\n  withdrawal 90 days notice\n}\n\n", out);
    /* The general provisions clause_missing asks for: the agreement ends
     * by withdrawal, and personal data are reported. */
    fputs("clause ending \"Termination and withdrawal\" {\n  covers termination\n"
          "  text \"Any partner may withdraw on 90 days' written notice to the lead.\"\n}\n\n"
          "clause confidential \"Confidential information\" {\n  covers confidentiality\n"
          "  text \"Partners keep each other's unpublished information confidential.\"\n}\n\n"
          "clause personal_data \"Data protection\" {\n  covers data_protection\n"
          "  text \"Personal data are processed under the regional data-protection act.\"\n}\n\n", out);
    if (M.ni > 15) { fputs("allow too_many_indicators ", out); wstr(TXT_ALLOW_INDICATORS); fputs("\n\n", out); }
    fputs("unit sites \"Sites\"\nunit devices \"Devices\"\nsector social_enterprise \"Social enterprise\"\n\n", out);
    fputs("agenda {\n  vision ", out);
    wstr(TXT_VISION);
    fputs("\n  problem ", out);
    wblock(2, TXT_PROBLEM);
    for (int i = 0; i < NELEM(principles); i++) { fputs("\n  principle ", out); wstr(principles[i]); }
    putc('\n', out);
    for (int n = 0; n < M.nn; n++) {
        fprintf(out, "  need %s ", M.need[n].id);
        wstr(fmt1(need_tpls[M.need[n].tpl].fmt, places[M.need[n].place]));
        putc('\n', out);
    }
    fputs("}\n\n# ---- Partners ----\n\n", out);
    for (int i = 0; i < M.np; i++) write_partner(i);
    fputs("# ---- Tensions ----\n\n", out);
    write_tensions(0);
    fputs("# ---- Goals ----\n\n", out);
    for (int g = 0; g < M.ng; g++) {
        int32_t by = T0;
        fprintf(out, "goal %s ", M.goal[g].id);
        wstr(fmt1(goal_tpls[M.goal[g].tpl].fmt, places[M.goal[g].place]));
        fputs(" {\n  measured_by ", out);
        for (int k = g, n = 0; k < M.ni; k += M.ng, n++) { /* indicator k measures goal k % ng */
            if (n) fputs(n % 6 ? ", " : ",\n      ", out);
            fputs(M.ind[k].id, out);
            const Indicator *x = &M.ind[k];
            if (x->tdate[x->ntgt - 1] > by) by = x->tdate[x->ntgt - 1];
        }
        fprintf(out, "\n  by %s\n}\n\n", date_str(by));
    }
    fputs("# ---- Shared measurement ----\n\n", out);
    for (int k = 0; k < M.ni; k++) write_indicator(k);
    fputs("dimension gender \"Gender\" { female, male, other, undisclosed }\n"
          "dimension region \"Region\" {\n  north, south, east,\n  west, central\n}\n\n", out);
    fputs("# ---- Activities ----\n\n", out);
    for (int i = 0; i < M.na; i++) write_activity(i);
    fputs("# ---- Milestones ----\n\n", out);
    for (int j = 0; j < M.nm; j++) write_milestone(j);
    /* Working groups of about 12 non-backbone partners: a meeting each, and
     * a progress report from its members to the lead (bottom-up feedback). */
    fputs("communication {\n  meeting steering \"Steering committee\" every month with all\n", out);
    int nnb = M.np - M.nbb, ngroups = (nnb + 11) / 12, *mem = xcalloc(12, sizeof *mem);
    for (int w = 0; w < ngroups; w++) {
        int n = 0;
        for (int i = M.nbb + w; i < M.np; i += ngroups) mem[n++] = i;
        fprintf(out, "  meeting wg%d \"Working group %d: %s\" every quarter with ", w + 1, w + 1, PICK(&r, places));
        wlist(mem, n, pid, 2);
        fprintf(out, "\n  report progress%d \"Progress report of working group %d\" every quarter by ", w + 1, w + 1);
        wlist(mem, n, pid, 2);
        fprintf(out, " to %s\n", M.p[0].id);
    }
    free(mem);
    fprintf(out, "  report public_update \"Public progress update\" every year by %s to all\n"
                 "  review learning \"Learning review: what failed, what worked\" every 6 months with all\n}\n\n",
            M.p[0].id);
    fputs("governance {\n  decisions consensus\n  escalation ", out);
    wstr(TXT_ESCALATION);
    fputs("\n  data_sharing ", out);
    wblock(2, TXT_DATA_SHARING);
    fputs("\n}\n", out);
}

/* ---- CSV data ------------------------------------------------------------ */

typedef struct { int32_t date, series; double v; } Row;
typedef struct { int ind, rep; } Series;

static int row_cmp(const void *a, const void *b)
{
    const Row *x = a, *y = b;
    if (x->date != y->date) return x->date < y->date ? -1 : 1;
    return (x->series > y->series) - (x->series < y->series);
}

/* ROWS observations spread evenly over every (indicator, reporter) series of
 * the reported, undivided indicators; each series gets distinct dates, one
 * per equal slice of (T0, AS_OF], and values around the planned trajectory
 * (running totals never go down). Sorted by date, like a ledger. */
static int series_of(Series *s)
{
    int ns = 0;
    for (int k = 0; k < M.ni - M.nd; k++)
        for (int j = 0; !M.ind[k].disagg && j < M.ind[k].nrep; j++) {
            if (s) s[ns] = (Series){ k, M.ind[k].rep[j] };
            ns++;
        }
    return ns;
}
static void write_observations(long long rows)
{
    int ns = series_of(NULL);
    Series *s = xcalloc((size_t)ns, sizeof *s);
    series_of(s);
    long long span = AS_OF - T0;
    Row *row = xcalloc((size_t)rows, sizeof *row);
    long long o = 0;
    for (int i = 0; i < ns; i++) {
        const Indicator *x = &M.ind[s[i].ind];
        const IndTpl *t = &ind_tpls[x->tpl];
        long long n = rows / ns + (i < rows % ns);
        Rng r = rng_for(K_OBS, (unsigned)i);
        double share = t->combine == C_SUM ? 1.0 / x->nrep : 1.0, factor = rrange(&r, 0.8, 1.1), prev = 0, p10 = 1;
        for (int e = 0; e < t->dec; e++) p10 *= 10;
        for (long long j = 0; j < n; j++) {
            int32_t lo = T0 + 1 + (int32_t)(span * j / n), hi = T0 + 1 + (int32_t)(span * (j + 1) / n) - 1;
            int32_t d = lo + (int32_t)(rnext(&r) % (uint64_t)(hi - lo + 1));
            double p = planned(x, d), v;
            if (t->values == V_CUM) {
                v = (x->base + (p - x->base) * factor * rrange(&r, 0.97, 1.03)) * share;
                v = (double)round_ll(v * p10) / p10;
                if (v < prev) v = prev;
                prev = v;
            } else {
                v = p * factor * rrange(&r, 0.93, 1.07) * share;
                if (!strcmp(t->unit, "percent") && v > 100) v = 100;
                v = (double)round_ll(v * p10) / p10;
            }
            row[o++] = (Row){ d, i, v };
        }
    }
    qsort(row, (size_t)rows, sizeof *row, row_cmp);
    fputs("indicator,date,value,reporter\n", out);
    for (long long i = 0; i < rows; i++) {
        const Series *q = &s[row[i].series];
        fprintf(out, "%s,%s,%.*f,%s\n", M.ind[q->ind].id, date_str(row[i].date), ind_tpls[M.ind[q->ind].tpl].dec,
                row[i].v, M.p[q->rep].id);
    }
    free(row); free(s);
}

/* Events up to AS_OF: most milestones due by then are done (never before
 * the milestones they come after, never after AS_OF), a few cancelled, some
 * left open; a few due within 30 days after AS_OF are done early. */
static void write_events(void)
{
    int32_t *done = xcalloc((size_t)M.nm, sizeof *done);
    Row *ev = xcalloc((size_t)M.nm, sizeof *ev);
    int n = 0;
    for (int j = 0; j < M.nm; j++) {
        const Milestone *m = &M.ms[j];
        Rng r = rng_for(K_EVENT, (unsigned)j);
        if (m->due > AS_OF + 30) break;
        double u = runif(&r);
        if (u >= 0.95) continue;
        int32_t d = m->due + rint_(&r, -20, 10);
        for (int a = 0; a < m->nafter; a++) if (done[m->after[a]] > d) d = done[m->after[a]];
        if (d < T0) d = T0;
        if (d > AS_OF) d = AS_OF;
        if (u < 0.9) done[j] = d;
        ev[n++] = (Row){ d, j, u < 0.9 }; /* v: 1 done, 0 cancelled */
    }
    qsort(ev, (size_t)n, sizeof *ev, row_cmp);
    fputs("milestone,date,status,by\n", out);
    for (int i = 0; i < n; i++)
        fprintf(out, "%s,%s,%s,%s\n", M.ms[ev[i].series].id, date_str(ev[i].date), ev[i].v > 0 ? "done" : "cancelled",
                M.p[M.ms[ev[i].series].owner].id);
    free(done); free(ev);
}

static void write_counts(long long series)
{
    long long coord = 0, req = 0;
    for (int i = 0; i < M.na; i++) coord += M.act[i].ncoord;
    for (int j = 0; j < M.nm; j++) req += M.ms[j].nreq;
    fprintf(out, "partners %d\nindicators %d\nderived_indicators %d\ngoals %d\nneeds %d\nactivities %d\n"
                 "milestones %d\ntensions %d\nworking_groups %d\ncoordinates_with %lld\nrequirements %lld\n"
                 "observation_series %lld\n",
            M.np, M.ni, M.nd, M.ng, M.nn, M.na, M.nm, write_tensions(1), (M.np - M.nbb + 11) / 12, coord, req, series);
}

/* ---- command line -------------------------------------------------------- */

static int usage(FILE *f, int status)
{
    fputs("usage: gen agreement SCALE [-o FILE]\n"
          "       gen observations SCALE ROWS [-o FILE]\n"
          "       gen events SCALE [-o FILE]\n"
          "       gen counts SCALE\n"
          "Scale 1 is about 100 partners, 200 indicators, 300 activities, 200 milestones.\n", f);
    return status;
}

int main(int argc, char **argv)
{
    const char *outpath = NULL, *pos[3] = { 0 };
    int npos = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) return usage(stdout, 0);
        if (!strcmp(argv[i], "-o") && i + 1 < argc) outpath = argv[++i];
        else if (npos < 3) pos[npos++] = argv[i];
        else return usage(stderr, 2);
    }
    if (npos < 2) return usage(stderr, 2);
    char *end;
    errno = 0;
    double scale = strtod(pos[1], &end);
    if (errno || *end || !(scale > 0 && scale <= 10000)) {
        fprintf(stderr, "gen: SCALE must be a number in (0, 10000], not '%s'\n", pos[1]);
        return 2;
    }
    long long rows = 0;
    int cmd = !strcmp(pos[0], "agreement") ? 0 : !strcmp(pos[0], "observations") ? 1
            : !strcmp(pos[0], "events") ? 2 : !strcmp(pos[0], "counts") ? 3 : -1;
    if (cmd < 0 || (cmd == 1) != (npos == 3)) return usage(stderr, 2);
    if (cmd == 1) {
        errno = 0;
        rows = strtoll(pos[2], &end, 10);
        if (errno || *end || rows < 0) { fprintf(stderr, "gen: ROWS must be a count, not '%s'\n", pos[2]); return 2; }
    }
    build(scale);
    long long ns = series_of(NULL);
    if (cmd == 1 && (ns == 0 || rows > ns * (AS_OF - T0))) { /* each series has at most one row a day */
        fprintf(stderr, "gen: %lld rows need a larger scale: scale %g has %lld series of at most %d dates\n",
                rows, scale, ns, AS_OF - T0);
        return 2;
    }
    out = outpath ? fopen(outpath, "w") : stdout;
    if (!out) { fprintf(stderr, "gen: cannot write %s: %s\n", outpath, strerror(errno)); return 2; }
    static char obuf[1 << 16];
    setvbuf(out, obuf, _IOFBF, sizeof obuf);
    switch (cmd) {
    case 0: write_agreement(scale); break;
    case 1: write_observations(rows); break;
    case 2: write_events(); break;
    default: write_counts(ns); break;
    }
    if (fflush(out) || ferror(out) || (outpath && fclose(out))) {
        fprintf(stderr, "gen: error writing %s\n", outpath ? outpath : "standard output");
        if (outpath) remove(outpath);
        return 2;
    }
    return 0;
}
