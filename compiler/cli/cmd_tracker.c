/* cmd_tracker.c - `charterc tracker FILE -o NAME`: the executable tracker.
 *
 * The tracker is the runtime program (charter-runtime, built from
 * runtime/) with the agreement's sources appended: bundle.h finds the
 * runtime and writes the tracker; this file checks the agreement first. */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <string.h>

#include "bundle.h"
#include "checks.h"
#include "cli.h"

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
    char rt[PATH_MAX + 64], err[PATH_MAX + 256];
    if (bundle_find_runtime(rt, sizeof rt, err, sizeof err) != 0)   /* before compiling */
        return cli_fail("%s", err);
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
    if (cli_refuse_source(c, name)) {
        compile_free(c);
        return 2;
    }
    bool changed;
    char hex[65];
    if (bundle_write_tracker(c, rt, name, &changed, hex, err, sizeof err) != 0) {
        compile_free(c);
        return cli_fail("%s", err);
    }
    fprintf(stderr, "charterc: %s %s: the tracker of agreement '%s' (sha256 %.12s); run '%s%s --help'\n",
            changed ? "wrote" : "unchanged", name, c->model->agreement->d.id, hex,
            strchr(name, '/') ? "" : "./", name);
    compile_free(c);
    return 0;
}
