/* cmd_tracker.c - `charterc tracker FILE -o NAME`: the executable tracker.
 *
 * The tracker is the runtime program (charter-runtime, built from
 * runtime/) with the agreement's sources appended (bundle.h).  The runtime
 * is found beside charterc in the build tree (build/bin/) or in
 * PREFIX/lib/charter/ when installed; $CHARTER_RUNTIME overrides both. */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"
#include "checks.h"
#include "cli.h"
#include "cmd_tracker.h"

static const OptSpec tracker_opts[] = {
    {"help", 'h', false},
    {"output", 'o', true},
    {"color", 0, true},
};

static const char tracker_help[] =
    "usage: charterc tracker FILE [-o NAME]\n\n"
    "Compiles and checks the agreement FILE and writes NAME, an executable\n"
    "progress tracker that carries the agreement: it runs without the source\n"
    "files and without a C compiler.  Run 'NAME --help' for its commands\n"
    "(status, validate, import, record, done, due, report, calendar, info).\n\n"
    "  -o, --output NAME   the program to write (default: the agreement's id)\n"
    "  --color=WHEN        auto (default), always or never\n\n"
    "Exit status: 0 written, 1 the agreement has errors (nothing is written),\n"
    "2 the command could not run.\n";

static bool readable(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode) && access(p, R_OK) == 0;
}

/* The runtime program, or NULL (reported). */
static const char *find_runtime(char *out, size_t size)
{
    const char *env = getenv("CHARTER_RUNTIME");
    if (env && *env) {
        if (readable(env)) {
            snprintf(out, size, "%s", env);
            return out;
        }
        cli_fail("CHARTER_RUNTIME names %s, which cannot be read", env);
        return NULL;
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
                return out;
        }
    }
    cli_fail("cannot find the tracker runtime 'charter-runtime' beside charterc or in "
             "../lib/charter/ (run 'make', or set CHARTER_RUNTIME)");
    return NULL;
}

int tracker_write(const Compilation *c, const char *path, bool *changed, char hex[65])
{
    char rt[PATH_MAX + 64];
    if (!find_runtime(rt, sizeof rt))
        return 2;
    Buf out;
    buf_init(&out);
    int e = buf_read_file(&out, rt);
    if (e) {
        buf_free(&out);
        return cli_fail("cannot read the tracker runtime %s: %s", rt, strerror(e));
    }
    bundle_append(&out, c, hex);
    /* Whole or not at all, executable; an identical file is left alone. */
    e = buf_write_file_mode(&out, path, 0755, changed);
    buf_free(&out);
    if (e)
        return cli_fail("cannot write %s: %s", path, strerror(e));
    return 0;
}

int cmd_tracker(int argc, char **argv)
{
    Opts o;
    if (!cli_parse(&o, tracker_opts, sizeof tracker_opts / sizeof tracker_opts[0], argc, argv,
                   "tracker"))
        return 2;
    if (opts_has(&o, "help")) {
        fputs(tracker_help, stdout);
        return 0;
    }
    if (o.npositional != 1)
        return cli_fail("tracker takes one agreement FILE (see 'charterc tracker --help')");
    const char *path = o.positional[0];
    if (strcmp(path, "-") == 0)
        return cli_fail("tracker needs the agreement in a file, not on standard input: "
                        "the files it uses are found beside it");
    char rt[PATH_MAX + 64];
    if (!find_runtime(rt, sizeof rt))   /* before compiling: say it early */
        return 2;
    bool color = cli_color(&o);
    int status;
    Compilation *c = cli_compile(path, color, &status);
    if (!c)
        return status;
    CheckOptions co;
    checks_default_options(&co);
    checks_run(c, c->model, &co);
    if (c->diag.errors > 0) {
        diag_sort(&c->diag);
        diag_print(&c->diag, stderr, FMT_TEXT, color);
        fprintf(stderr, "charterc: %s has errors; no tracker was written\n", path);
        compile_free(c);
        return 1;
    }
    if (c->diag.warnings > 0)
        fprintf(stderr, "charterc: note: %s has %d warning%s (see 'charterc check %s')\n", path,
                c->diag.warnings, c->diag.warnings == 1 ? "" : "s", path);

    const char *name = opts_get(&o, "output");
    if (!name)
        name = c->model->agreement->d.id;
    bool changed;
    char hex[65];
    if (tracker_write(c, name, &changed, hex) != 0) {
        compile_free(c);
        return 2;
    }
    fprintf(stderr, "charterc: %s %s: the tracker of agreement '%s' (sha256 %.12s); run '%s%s --help'\n",
            changed ? "wrote" : "unchanged", name, c->model->agreement->d.id, hex,
            strchr(name, '/') ? "" : "./", name);
    compile_free(c);
    return 0;
}
