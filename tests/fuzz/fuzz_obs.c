/* fuzz_obs.c - libFuzzer harness for the tracker's own reader of
 * observations.csv (runtime/obs.c: the fast path for lines without quotes,
 * the RFC 4180 path, breakdown cells, reporting periods), the code behind
 * `status`, `report` and `due`.
 *
 * The agreement is examples/connectivity.charter (FUZZ_AGREEMENT), compiled
 * once; its index (bundle_index) tells the reader the indicators,
 * reporters and dimensions.  Each input is the whole observations.csv,
 * except that its first byte picks the as-of date and whether every row is
 * kept (the dashboard's mode).  The file is a memfd, read by one thread
 * (two only above 4 MiB, which -max_len keeps us below). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bundle.h"
#include "compile.h"
#include "date.h"
#include "obs.h"

#ifndef FUZZ_AGREEMENT
#define FUZZ_AGREEMENT "examples/connectivity.charter"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static BundleIndex ix;
static Arena *ix_arena;

static void setup(void)
{
    Compilation *c = compile_new();
    if (compile_file(c, FUZZ_AGREEMENT) != 0 || compile_errors(c) || !c->model) {
        fprintf(stderr, "fuzz_obs: %s does not compile\n", FUZZ_AGREEMENT);
        abort();
    }
    Buf b;
    buf_init(&b);
    bundle_index(c->model, &b);
    ix_arena = arena_new();
    if (!bundle_index_parse(arena_strdup(ix_arena, buf_cstr(&b)), ix_arena, &ix)) {
        fputs("fuzz_obs: cannot parse the index\n", stderr);
        abort();
    }
    buf_free(&b);
    /* The index keeps no pointer into the compilation. */
    compile_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ix_arena)
        setup();
    if (size == 0)
        return 0;
    unsigned mode = data[0];
    data++;
    size--;
    static const char *const dates[] = {"2021-01-01", "2021-09-30", "2022-06-30", "2023-12-31"};
    int32_t as_of;
    date_parse(dates[mode & 3], &as_of);
    int fd = memfd_create("observations.csv", 0);
    if (fd < 0)
        return 0;
    if (size && write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return 0;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    Arena *a = arena_new();
    Obs o;
    obs_init(&o, "fuzz_obs", &ix, a, as_of, (mode & 4) != 0);
    if (obs_start(&o, path, 1) == 0) {
        obs_finish(&o);
        /* Read back what the scorecard reads. */
        for (int i = 0; i < ix.nind; i++)
            for (int r = 0; r < o.ind[i].nrep; r++) {
                const ObsSlot *s = obs_slot(&o, i, r, as_of);
                if (s && s->tdate != DATE_NONE && s->tdate > as_of)
                    __builtin_trap(); /* a value dated after the as-of date */
                obs_periods_reported(&o, i, r);
            }
    }
    obs_free(&o);
    arena_free(a);
    close(fd);
    return 0;
}
