/* bench/dense.c — the dense benchmark shape: many short declarations.
 *
 *   dense agreement SCALE [-o FILE]            a .charter agreement that checks
 *   dense observations SCALE ROWS [-o FILE]    observations.csv for it
 *   dense events SCALE [-o FILE]               events.csv for it
 *
 * gen.c writes long declarations (prose, several targets, budgets from
 * other partners); a front end can meet its targets there and still be slow
 * per declaration. This generator writes the other extreme: per unit of
 * SCALE 100 partners, 300 activities, 200 milestones, 40 indicators and 20
 * goals (and 20 needs), each a few short lines, so that the cost per
 * declaration (names, lookups, lists, checks that walk the model) dominates.
 * Scale 100 is about 66,000 declarations in 12 MB.
 *
 * The agreement passes every check but too_many_indicators, which it allows:
 * every partner but the backbone leads activities and reports an indicator,
 * budgets stay within commitments, milestones come after ones due strictly
 * earlier, each need is addressed by one activity only (so no two
 * activities can be redundant). Same arguments, same bytes; no clock, no
 * rand(), no libm.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_util.h"

#define T0 days_from_civil(2025, 1, 1)
#define T1 days_from_civil(2029, 12, 31)
/* The ledger stands on AS_OF, as in gen.c (`status --as-of 2027-12-31`). */
#define AS_OF days_from_civil(2027, 12, 31)
#define NREP 3 /* reporters per indicator */

static FILE *out;
static struct { long np, na, nm, ni, ng; } N;

static const char *const sectors[] = { "government", "private", "nonprofit", "community", "academic",
                                       "philanthropy" };
static const char *const levels[] = { "local", "regional", "national" };
static const char *const units[] = { "households", "people", "schools", "km", "tonnes" };
static const char *const freqs[] = { "monthly", "quarterly", "yearly" };
static const char *const verbs[] = { "Connect", "Train", "Equip", "Survey", "Map", "Repair", "Fund", "Publish" };
static const char *const things[] = { "households", "schools", "clinics", "libraries", "villages", "centres" };

static long scaled(double scale, long per_unit) { long v = (long)(scale * (double)per_unit + 0.5); return v; }

/* Partner i (1-based) reports indicators; p1 is the backbone and does no
 * work of its own. Activity a's lead is one of p2..pN in turn. */
static long lead_of(long a) { return 2 + a % (N.np - 1); }
static long reporter(long k, int r) { return 2 + (NREP * k + r) % (N.np - 1); }

static void write_partner(long i)
{
    fprintf(out, "partner p%ld \"Partner organisation number %ld\" {\n", i, i);
    if (i == 1) {
        fputs("  sector multilateral\n  level global\n  signatory \"Director\"\n"
              "  backbone vision_strategy, aligned_activities, shared_measurement, public_will, policy, funding\n"
              "  incentive mandate \"Its members' targets\" {\n    interest coverage wants more\n  }\n}\n\n",
              out);
        return;
    }
    /* Leads about 3 activities of 100 hours each (na / (np - 1) rounded up). */
    long nlead = (N.na + N.np - 2) / (N.np - 1);
    fprintf(out, "  sector %s\n  level %s\n  signatory \"Director\"\n  commits %s hours\n"
                 "  incentive mandate \"Serve its members\" {\n    interest coverage wants more\n  }\n}\n\n",
            sectors[i % NELEM(sectors)], levels[i % NELEM(levels)], num(100 * nlead + 50));
}

static void write_goal(long g)
{
    fprintf(out, "goal g%ld \"Shared goal number %ld of the partnership\" {\n  measured_by i%ld, i%ld\n"
                 "  by 2029-12-31\n}\n\n",
            g, g, 2 * g - 1, 2 * g);
}

static void write_indicator(long k)
{
    Rng r = rng_for(1, (unsigned)k);
    long base = rint_(&r, 10, 900), tgt = base * rint_(&r, 3, 9);
    fprintf(out, "indicator i%ld \"Indicator %ld\" {\n  unit %s\n  direction up\n  baseline %s on 2025-01-01\n"
                 "  target %s by 2029-12-31\n  frequency %s\n  reported_by p%ld, p%ld, p%ld\n"
                 "  source \"Partner records\"\n}\n\n",
            k, k, units[k % NELEM(units)], num(base), num(tgt), freqs[k % NELEM(freqs)], reporter(k - 1, 0),
            reporter(k - 1, 1), reporter(k - 1, 2));
}

static void write_activity(long a)
{
    Rng r = rng_for(2, (unsigned)a);
    int m0 = rint_(&r, 0, 47), len = rint_(&r, 3, 12);
    long lead = lead_of(a - 1), other = 2 + (lead - 2 + 1 + a % 7) % (N.np - 1);
    fprintf(out, "activity a%ld \"%s the %s of district %ld (activity %ld)\" {\n  lead p%ld\n", a,
            verbs[a % NELEM(verbs)], things[a % NELEM(things)], 1 + a % 97, a, lead);
    if (other != lead) fprintf(out, "  partners p%ld\n", other);
    fprintf(out, "  supports g%ld\n", 1 + (a - 1) % N.ng);
    if (a <= N.ng) fprintf(out, "  addresses n%ld\n", a);
    fprintf(out, "  period %s to %s\n  budget 100 hours\n}\n\n", date_str(month_first(m0)),
            date_str(month_last(m0 + len - 1)));
}

/* Milestone j is due on day 1 + j * span / nm of the term: never earlier
 * than milestone j-1; it comes after the last milestone due strictly
 * earlier, when there is one. */
static int32_t due_of(long j) { return T0 + 1 + (int32_t)((long long)(j - 1) * (T1 - T0 - 2) / N.nm); }
static void write_milestone(long j)
{
    int32_t due = due_of(j);
    long after = j - 1;
    while (after >= 1 && due_of(after) >= due) after--;
    fprintf(out, "milestone m%ld \"Milestone %ld of the work plan reached\" {\n  due %s\n  owner p%ld\n", j, j, date_str(due),
            lead_of(j - 1));
    if (after >= 1) fprintf(out, "  after m%ld\n", after);
    fputs("  deliverable \"Minutes of the steering committee, signed by the chair\"\n}\n\n", out);
}

static void write_agreement(double scale)
{
    fprintf(out, "# Generated by bench/dense.c: dense agreement %g\n"
                 "# %ld partners, %ld indicators, %ld goals, %ld activities, %ld milestones.\n\n",
            scale, N.np, N.ni, N.ng, N.na, N.nm);
    fprintf(out, "agreement dense \"Dense benchmark agreement (scale %g)\" {\n  version \"1.0\"\n  binding no\n"
                 "  term 2025-01-01 to 2029-12-31\n  lead p1\n  scope \"Many small commitments.\"\n"
                 "  amendment \"Written consent of every signatory.\"\n  withdrawal 90 days notice\n}\n\n"
                 "clause ending \"Termination\" {\n  covers termination\n  text \"Any partner may withdraw.\"\n}\n\n"
                 "clause disputes \"Disputes\" {\n  covers dispute_resolution\n  text \"Mediation first.\"\n}\n\n"
                 "allow too_many_indicators \"A benchmark: many short declarations.\"\n\n"
                 "agenda {\n  vision \"Every household is connected.\"\n  problem \"Efforts are fragmented.\"\n",
            scale);
    for (long n = 1; n <= N.ng; n++) fprintf(out, "  need n%ld \"Need %ld\"\n", n, n);
    fputs("}\n\n", out);
    for (long i = 1; i <= N.np; i++) write_partner(i);
    for (long g = 1; g <= N.ng; g++) write_goal(g);
    for (long k = 1; k <= N.ni; k++) write_indicator(k);
    for (long a = 1; a <= N.na; a++) write_activity(a);
    for (long j = 1; j <= N.nm; j++) write_milestone(j);
    fputs("communication {\n  meeting steering \"Steering committee\" every month with all\n"
          "  report progress \"Progress report\" every quarter by p2 to p1\n"
          "  review learning \"Learning review\" every 6 months with all\n}\n\n"
          "governance {\n  decisions consensus\n}\n",
          out);
}

/* ROWS observations spread evenly over the (indicator, reporter) series,
 * each series on distinct days in (T0, AS_OF], sorted by date. */
typedef struct { int32_t date; long series; long long v; } Row;
static int row_cmp(const void *a, const void *b)
{
    const Row *x = a, *y = b;
    if (x->date != y->date) return x->date < y->date ? -1 : 1;
    return (x->series > y->series) - (x->series < y->series);
}
static void write_observations(long long rows)
{
    long ns = N.ni * NREP;
    long long span = AS_OF - T0;
    Row *row = calloc(rows ? (size_t)rows : 1, sizeof *row);
    if (!row) { fputs("dense: out of memory\n", stderr); exit(2); }
    long long o = 0;
    for (long s = 0; s < ns; s++) {
        long long n = rows / ns + (s < rows % ns);
        Rng r = rng_for(3, (unsigned)s);
        for (long long j = 0; j < n; j++) {
            int32_t lo = T0 + 1 + (int32_t)(span * j / n), hi = T0 + (int32_t)(span * (j + 1) / n);
            row[o++] = (Row){ lo + (int32_t)(rnext(&r) % (uint64_t)(hi - lo + 1)), s, rint_(&r, 1, 500) };
        }
    }
    qsort(row, (size_t)rows, sizeof *row, row_cmp);
    fputs("indicator,date,value,reporter\n", out);
    for (long long i = 0; i < rows; i++) {
        long k = row[i].series / NREP;
        fprintf(out, "i%ld,%s,%lld,p%ld\n", k + 1, date_str(row[i].date), row[i].v,
                reporter(k, (int)(row[i].series % NREP)));
    }
    free(row);
}

/* Nine in ten milestones due by AS_OF are done on their due day. */
static void write_events(void)
{
    fputs("milestone,date,status,by\n", out);
    for (long j = 1; j <= N.nm && due_of(j) <= AS_OF; j++)
        if (j % 10) fprintf(out, "m%ld,%s,done,p%ld\n", j, date_str(due_of(j)), lead_of(j - 1));
}

static int usage(FILE *f, int status)
{
    fputs("usage: dense agreement SCALE [-o FILE]\n"
          "       dense observations SCALE ROWS [-o FILE]\n"
          "       dense events SCALE [-o FILE]\n"
          "Scale 1 is 100 partners, 300 activities, 200 milestones, 40 indicators, 20 goals.\n", f);
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
    if (errno || *end || !(scale >= 0.05 && scale <= 10000)) {
        fprintf(stderr, "dense: SCALE must be a number in [0.05, 10000], not '%s'\n", pos[1]);
        return 2;
    }
    int cmd = !strcmp(pos[0], "agreement") ? 0 : !strcmp(pos[0], "observations") ? 1 : !strcmp(pos[0], "events") ? 2 : -1;
    if (cmd < 0 || (cmd == 1) != (npos == 3)) return usage(stderr, 2);
    N.np = scaled(scale, 100), N.na = scaled(scale, 300), N.nm = scaled(scale, 200);
    N.ni = scaled(scale, 40), N.ng = scaled(scale, 20);
    long long rows = 0;
    if (cmd == 1) {
        errno = 0;
        rows = strtoll(pos[2], &end, 10);
        if (errno || *end || rows < 0 || rows > (long long)N.ni * NREP * (AS_OF - T0)) {
            fprintf(stderr, "dense: ROWS must be a count of at most one row a day per series, not '%s'\n", pos[2]);
            return 2;
        }
    }
    out = outpath ? fopen(outpath, "w") : stdout;
    if (!out) { fprintf(stderr, "dense: cannot write %s: %s\n", outpath, strerror(errno)); return 2; }
    static char obuf[1 << 16];
    setvbuf(out, obuf, _IOFBF, sizeof obuf);
    if (cmd == 0) write_agreement(scale);
    else if (cmd == 1) write_observations(rows);
    else write_events();
    if (fflush(out) || ferror(out) || (outpath && fclose(out))) {
        fprintf(stderr, "dense: error writing %s\n", outpath ? outpath : "standard output");
        if (outpath) remove(outpath);
        return 2;
    }
    return 0;
}
