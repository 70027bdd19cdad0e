/* cmd_fmt.c - `charterc fmt`: rewrite files in the canonical layout. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fmt.h"
#include "linediff.h"

static const OptSpec fmt_opts[] = {
    {"help", 'h', false}, {"check", 0, false}, {"diff", 0, false}, {"color", 0, true},
};

static const char fmt_help[] =
    "usage: charterc fmt [--check] [--diff] FILE...\n"
    "       charterc fmt -              (standard input to standard output)\n\n"
    "Rewrites each agreement in the canonical layout: two-space indentation,\n"
    "single spaces between arguments, `{` on the statement's line, one blank line\n"
    "around declarations that span several lines, statements in the order written.\n"
    "Every comment and every intentional blank line is kept; strings, numbers and\n"
    "dates are kept exactly as written.  Formatting twice changes nothing.\n\n"
    "  --check         change no file; list the files that are not formatted\n"
    "                  and exit 1 when there is one\n"
    "  --diff          change no file; print what would change as a unified diff\n"
    "                  (patch -p1 applies it in the working folder)\n"
    "  --color=WHEN    colour of error messages: auto (default), always or never\n\n"
    "A file is written only when its layout changes, and then whole (a temporary\n"
    "file beside it, then rename).  A file with syntax errors is left as it is.\n"
    "Exit status: 0 success, 1 a file has syntax errors or (--check) is not\n"
    "formatted, 2 a file could not be read or written, or bad usage.\n";

/* The name of `path` in the headers of --diff, without its a/ or b/:
 * relative to the working folder when the file is below it, so that
 * `patch -p1` and `git apply` apply the diff there; otherwise its absolute
 * path without the leading '/', which they apply from the root folder.
 * Never absolute and never with a `..`, which both refuse.  The folder is
 * resolved (realpath), the file's own name is not: a symbolic link is
 * patched as the name given. */
static const char *diff_name(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char *dir = slash ? arena_printf(a, "%.*s", (int)(slash - path == 0 ? 1 : slash - path), path)
                      : ".";
    char real[PATH_MAX], cwd[PATH_MAX];
    if (!realpath(dir, real) || !getcwd(cwd, sizeof cwd))
        return path;
    size_t n = strlen(cwd);
    if (strcmp(real, cwd) == 0)
        return base;
    if (n > 1 && strncmp(real, cwd, n) == 0 && real[n] == '/')
        return arena_printf(a, "%s/%s", real + n + 1, base);
    return arena_printf(a, "%s%s%s", real + 1, real[1] ? "/" : "", base);
}

typedef struct FmtRun {
    bool check, diff, color;
} FmtRun;

/* Formats one file; returns its exit status. */
static int fmt_one(const FmtRun *run, const char *path)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *display = is_stdin ? "<stdin>" : path;
    Arena *a = arena_new();
    SrcMgr sm = {a, {0}};
    Diag d;
    diag_init(&d, a, &sm);
    uint32_t id;
    int e = src_load(&sm, path, display, &id);
    if (e) {
        arena_free(a);
        if (e == EISDIR)
            return cli_fail("%s: is a directory, not an agreement file", path);
        if (e == EFBIG)
            return cli_fail("%s: larger than the limit of %u bytes", path, SRC_MAX_SIZE);
        return cli_fail("cannot read %s: %s", path, strerror(e));
    }
    const SrcFile *src = sm.files.v[id];
    Buf out;
    buf_init(&out);
    FmtStatus fs = fmt_file(&sm, &d, id, &out);
    if (fs == FMT_SYNTAX_ERRORS) {
        diag_sort(&d);
        diag_print(&d, stderr, FMT_TEXT, run->color);
        fprintf(stderr, "charterc: %s has syntax errors; it was not formatted\n", display);
        buf_free(&out);
        arena_free(a);
        return 1;
    }
    /* The new layout must say exactly what the old one said. */
    if (fs == FMT_WOULD_CHANGE) {
        fprintf(stderr, "charterc: internal error: the canonical layout of %s would change what "
                        "it says; the file is left as it is (please report this)\n", display);
        buf_free(&out);
        arena_free(a);
        return 2;
    }

    int status = 0;
    bool changed = out.len != src->len || (out.len && memcmp(out.data, src->text, out.len) != 0);
    if (run->diff) {
        Buf diff;
        buf_init(&diff);
        const char *name = is_stdin ? display : diff_name(a, path);
        char *an = arena_printf(a, "a/%s", name), *bn = arena_printf(a, "b/%s", name);
        linediff_unified(&diff, an, bn, src->text, src->len, out.data ? out.data : "", out.len);
        fwrite(diff.data ? diff.data : "", 1, diff.len, stdout);
        buf_free(&diff);
        if (run->check && changed)
            status = 1;
    } else if (run->check) {
        if (changed) {
            printf("%s\n", display);
            status = 1;
        }
    } else if (is_stdin) {
        if (buf_write_file(&out, "-", NULL) != 0)
            status = cli_fail("cannot write to standard output: %s", strerror(errno));
    } else if (changed) {
        /* Write through a symbolic link to its target, and keep the mode. */
        char real[PATH_MAX];
        const char *target = realpath(path, real) ? real : path;
        struct stat st;
        bool have_mode = stat(target, &st) == 0;
        int w = buf_write_file(&out, target, NULL);
        if (w)
            status = cli_fail("cannot write %s: %s", path, strerror(w));
        else if (have_mode)
            (void)chmod(target, st.st_mode & 07777);
    }
    buf_free(&out);
    arena_free(a);
    return status;
}

int cmd_fmt(int argc, char **argv)
{
    Opts o;
    if (!cli_parse(&o, fmt_opts, sizeof fmt_opts / sizeof fmt_opts[0], argc, argv, "fmt"))
        return 2;
    if (opts_has(&o, "help")) {
        fputs(fmt_help, stdout);
        return 0;
    }
    const char *mode = opts_get(&o, "color");
    if (mode && strcmp(mode, "auto") && strcmp(mode, "always") && strcmp(mode, "never"))
        return cli_fail("--color takes auto, always or never, not '%s'", mode);
    if (o.npositional == 0)
        return cli_fail("fmt needs a FILE, or - for standard input (see 'charterc fmt --help')");
    int stdin_count = 0;
    for (int i = 0; i < o.npositional; i++)
        stdin_count += strcmp(o.positional[i], "-") == 0;
    if (stdin_count > 1)
        return cli_fail("standard input (-) can be formatted only once");
    FmtRun run = {opts_has(&o, "check"), opts_has(&o, "diff"), cli_color(&o)};
    int status = 0;
    for (int i = 0; i < o.npositional; i++) {
        int st = fmt_one(&run, o.positional[i]);
        if (st > status)
            status = st;
    }
    return status;
}
