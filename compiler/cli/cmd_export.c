/* cmd_export.c - `charterc export`: the resolved model as JSON. */
#include <errno.h>
#include <string.h>

#include "cli.h"
#include "export.h"

static const OptSpec export_opts[] = {
    {"help", 'h', false}, {"format", 0, true}, {"output", 'o', true}, {"color", 0, true},
};

static const char export_help[] =
    "usage: charterc export FILE [--format json] [-o OUT]\n\n"
    "Prints the resolved model of an agreement as JSON, for dashboards and other\n"
    "tools: every declaration with its references resolved, keys sorted in every\n"
    "object, declarations sorted by id, every key present (null when a statement\n"
    "is absent).  The shape is documented in docs/export.md.\n\n"
    "  --format json       the only format (the default)\n"
    "  -o, --output OUT    write to OUT (whole or not at all; left alone when it\n"
    "                      would not change) instead of standard output\n"
    "  --color=WHEN        colour of error messages: auto (default), always or never\n\n"
    "A FILE of - reads standard input.  Exit status: 0 written, 1 the agreement has\n"
    "errors (nothing is written), 2 a file could not be read or written, or bad usage.\n";

int cmd_export(int argc, char **argv)
{
    Opts o;
    if (!cli_parse(&o, export_opts, sizeof export_opts / sizeof export_opts[0], argc, argv,
                   "export"))
        return 2;
    if (opts_has(&o, "help")) {
        fputs(export_help, stdout);
        return 0;
    }
    const char *format = opts_get(&o, "format");
    if (format && strcmp(format, "json") != 0)
        return cli_fail("unknown format '%s' (export writes json)", format);
    const char *mode = opts_get(&o, "color");
    if (mode && strcmp(mode, "auto") && strcmp(mode, "always") && strcmp(mode, "never"))
        return cli_fail("--color takes auto, always or never, not '%s'", mode);
    if (o.npositional != 1)
        return cli_fail("export needs one FILE (see 'charterc export --help')");
    const char *path = o.positional[0];
    int status;
    Compilation *c = cli_compile(path, cli_color(&o), &status);
    if (!c)
        return status;
    Buf out;
    buf_init(&out);
    export_json(c->arena, c->model, strcmp(path, "-") == 0 ? "<stdin>" : path, &out);
    const char *dest = opts_get(&o, "output");
    int e = cli_refuse_source(c, dest) ? -1 : buf_write_file(&out, dest ? dest : "-", NULL);
    if (e < 0)
        status = 2;
    else if (e)
        status = cli_fail("cannot write %s: %s", dest ? dest : "standard output", strerror(e));
    buf_free(&out);
    compile_free(c);
    return status;
}
