/* bundle_tracker.c - writing a tracker: the runtime program with a bundle
 * appended (bundle_).  See bundle.h.  `charterc tracker` and `charterc
 * build` both write one; errors come back as one sentence, which the
 * caller prints. */
#define _POSIX_C_SOURCE 200809L
#include "bundle.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(char *err, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
    return -1;
}

static bool readable(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode) && access(p, R_OK) == 0;
}

int bundle_find_runtime(char *out, size_t size, char *err, size_t errsize)
{
    const char *env = getenv("CHARTER_RUNTIME");
    if (env && *env) {
        if (!readable(env))
            return fail(err, errsize, "CHARTER_RUNTIME names %s, which cannot be read", env);
        snprintf(out, size, "%s", env);
        return 0;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        static const char *const rel[] = {"/charter-runtime", "/../lib/charter/charter-runtime"};
        for (int i = 0; i < 2; i++) {
            snprintf(out, size, "%s%s", exe, rel[i]);
            if (readable(out))
                return 0;
        }
    }
    return fail(err, errsize,
                "cannot find the tracker runtime 'charter-runtime' beside charterc or in "
                "../lib/charter/ (run 'make', or set CHARTER_RUNTIME)");
}

int bundle_write_tracker(const Compilation *c, const char *runtime, const char *path,
                         bool *changed, char hex[65], char *err, size_t errsize)
{
    Buf out;
    buf_init(&out);
    int e = buf_read_file(&out, runtime);
    if (e) {
        buf_free(&out);
        return fail(err, errsize, "cannot read the tracker runtime %s: %s", runtime, strerror(e));
    }
    bundle_append(&out, c, hex);
    /* Whole or not at all, executable; an identical file is left alone. */
    e = buf_write_file_mode(&out, path, 0755, changed);
    buf_free(&out);
    if (e)
        return fail(err, errsize, "cannot write %s: %s", path, strerror(e));
    return 0;
}
