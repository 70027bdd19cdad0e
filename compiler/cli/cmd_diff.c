/* cmd_diff.c - `charterc diff`: what changed between two revisions of an
 * agreement, and who must sign again.
 *
 * With --against REV, the old revision is the file as git has it in REV,
 * read with `git show REV:PATH` (PATH relative to the repository, from
 * `git rev-parse --show-prefix`).  git runs through fork/execvp with
 * pipes, never through a shell. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "checks.h"
#include "cli.h"
#include "diff.h"
#include "doc.h"

static const OptSpec diff_opts[] = {
    {"help", 'h', false}, {"format", 0, true}, {"fail-on", 0, true},
    {"against", 0, true}, {"color", 0, true}, {"output", 'o', true},
};

static const char diff_help[] =
    "usage: charterc diff [--format text|json|md|docx] [--fail-on material|any] [-o OUT]\n"
    "                     OLD NEW\n"
    "       charterc diff [--format ...] [--fail-on ...] [-o OUT] --against REV FILE\n\n"
    "Compares two revisions of an agreement: their resolved models, not their text.\n"
    "Every change is material (it changes what a partner owes or gets: partners,\n"
    "commitments, budgets, leads, owners, reporting duties, backbone functions,\n"
    "targets, baselines, dates, requirements, term, decision rule, tension\n"
    "resolutions) or editorial (titles, descriptions, comments, order, layout).\n"
    "Material changes are grouped by the partners they affect, who must sign again.\n"
    "A material change without a new `version` is reported.\n\n"
    "  --format FORMAT     text (default), json (see docs/diff.md), md (Markdown,\n"
    "                      for a pull-request comment), or docx: a Word redline, NEW's\n"
    "                      agreement with tracked changes against OLD's, for counsel\n"
    "                      (an OUT ending in .docx implies it)\n"
    "  -o, --output OUT    the file to write (default: standard output)\n"
    "  --fail-on WHAT      exit 1 when there is a material change (material) or any\n"
    "                      change (any)\n"
    "  --against REV       compare FILE with the file as it is in git revision REV\n"
    "                      (a branch, tag or commit); the files it `use`s are read\n"
    "                      from the working tree, not from REV\n"
    "  --color=WHEN        colour of error messages: auto (default), always or never\n\n"
    "A FILE of - reads standard input.  Exit status: 0 compared (1 with --fail-on\n"
    "when it found what it looks for); 2 a revision does not compile or cannot be\n"
    "read, git failed, or bad usage.  A revision that does not compile is never\n"
    "reported as \"no changes\".\n";

/* ---- running git ------------------------------------------------------------ */

/* Runs `git ARGS...` with stdout and stderr captured.  Returns git's exit
 * status, or -1 (with errno) when it could not be started. */
static int run_git(char *const argv[], Buf *out, Buf *err)
{
    int po[2], pe[2];
    if (pipe(po) != 0)
        return -1;
    if (pipe(pe) != 0) {
        close(po[0]);
        close(po[1]);
        return -1;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(po[0]);
        close(po[1]);
        close(pe[0]);
        close(pe[1]);
        errno = e;
        return -1;
    }
    if (pid == 0) {
        dup2(po[1], 1);
        dup2(pe[1], 2);
        close(po[0]);
        close(po[1]);
        close(pe[0]);
        close(pe[1]);
        execvp("git", argv);
        _exit(127);
    }
    close(po[1]);
    close(pe[1]);
    /* Read both pipes as they fill, so that neither blocks git. */
    struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    Buf *bufs[2] = {out, err};
    int open_fds = 2;
    char chunk[65536];
    while (open_fds > 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
            if (n > 0) {
                buf_put(bufs[i], chunk, (size_t)n);
            } else if (n == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            }
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

/* git's first error line, without "fatal: " and the newline. */
static const char *git_reason(Buf *err)
{
    const char *s = buf_cstr(err);
    const char *nl = strchr(s, '\n');
    if (nl)
        err->data[nl - s] = '\0';
    if (strncmp(s, "fatal: ", 7) == 0)
        s += 7;
    return *s ? s : "git failed";
}

/* The text of `file` in git revision `rev`, into `text`.  Returns 0, or
 * 2 after a message. */
static int git_show(const char *rev, const char *file, Buf *text)
{
    char dir[PATH_MAX], base[PATH_MAX];
    const char *slash = strrchr(file, '/');
    if (slash) {
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - file == 0 ? 1 : slash - file), file);
        snprintf(base, sizeof base, "%s", slash + 1);
    } else {
        snprintf(dir, sizeof dir, ".");
        snprintf(base, sizeof base, "%s", file);
    }
    Buf out, err;
    buf_init(&out);
    buf_init(&err);
    char *prefix_argv[] = {"git", "-C", dir, "rev-parse", "--show-prefix", NULL};
    int st = run_git(prefix_argv, &out, &err);
    if (st < 0 || st == 127) {
        buf_free(&out);
        buf_free(&err);
        return cli_fail("--against needs git, which could not be run");
    }
    if (st != 0) {
        int r = cli_fail("%s is not in a git repository (%s)", file, git_reason(&err));
        buf_free(&out);
        buf_free(&err);
        return r;
    }
    /* "sub/dir/\n" -> the path of the file from the top of the repository */
    while (out.len > 0 && (out.data[out.len - 1] == '\n' || out.data[out.len - 1] == '\r'))
        out.len--;
    char *spec = malloc(strlen(rev) + out.len + strlen(base) + 2);
    sprintf(spec, "%s:%.*s%s", rev, (int)out.len, out.data ? out.data : "", base);
    buf_free(&out);
    buf_free(&err);
    buf_init(&err);
    char *show_argv[] = {"git", "-C", dir, "show", spec, NULL};
    st = run_git(show_argv, text, &err);
    int r = 0;
    if (st != 0)
        r = cli_fail("cannot read %s as of revision %s: %s", file, rev, git_reason(&err));
    free(spec);
    buf_free(&err);
    return r;
}

/* ---- compiling a revision --------------------------------------------------- */

/* The comments of the root file (trimmed), for the editorial changes. */
static void comments_of(Compilation *c, RdiffText *t)
{
    const SrcFile *f = c->sm.files.v[c->root_file];
    Diag scratch;
    diag_init(&scratch, c->arena, &c->sm);
    Ast *ast = ast_parse(c->arena, &scratch, c->root_file);
    const char **v = arena_alloc(c->arena, sizeof *v * (size_t)(ast->comments.n + 1));
    for (int i = 0; i < ast->comments.n; i++) {
        Span s = ast->comments.v[i].span;
        while (s.hi > s.lo && strchr(" \t\r", f->text[s.hi - 1]))
            s.hi--;
        v[i] = arena_strndup(c->arena, f->text + s.lo, s.hi - s.lo);
    }
    t->text = f->text;
    t->len = f->len;
    t->comments = v;
    t->ncomments = ast->comments.n;
}

/* Whether a compilation can be compared; prints why not. */
static bool compiled(Compilation *c, const char *name, bool color)
{
    if (!c->model || compile_errors(c) > 0) {
        diag_sort(&c->diag);
        diag_print(&c->diag, stderr, FMT_TEXT, color);
        cli_fail("%s does not compile; the revisions cannot be compared", name);
        return false;
    }
    return true;
}

/* The Word redline: the agreement of each revision with its findings
 * (Annex A), NEW's marked against OLD's.  False after the message. */
static bool redline(Compilation *co, Compilation *cn, long long epoch, Buf *out)
{
    Compilation *c[2] = {co, cn};
    Doc *d[2];
    for (int i = 0; i < 2; i++) {
        CheckOptions opt;
        checks_default_options(&opt);
        checks_run(c[i], c[i]->model, &opt);
        diag_sort(&c[i]->diag);
        d[i] = doc_agreement(c[i]->arena, c[i]->model, &c[i]->diag, false);
    }
    char err[256];
    if (doc_render_docx_redline(d[0], d[1], epoch, out, err, sizeof err))
        return true;
    cli_fail("%s", err);
    return false;
}

int cmd_diff(int argc, char **argv)
{
    Opts o;
    if (!cli_parse(&o, diff_opts, sizeof diff_opts / sizeof diff_opts[0], argc, argv, "diff"))
        return 2;
    if (opts_has(&o, "help")) {
        fputs(diff_help, stdout);
        return 0;
    }
    const char *format = opts_get(&o, "format");
    const char *out_name = opts_get(&o, "output");
    if (!format) {
        size_t n = out_name ? strlen(out_name) : 0;
        format = n > 5 && strcmp(out_name + n - 5, ".docx") == 0 ? "docx" : "text";
    }
    if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "md") &&
        strcmp(format, "docx"))
        return cli_fail("unknown format '%s' (text, json, md or docx)", format);
    bool docx = strcmp(format, "docx") == 0;
    long long epoch = 0;
    if (docx && !out_name && isatty(STDOUT_FILENO))
        return cli_fail("a Word file is not for the terminal; write it with -o FILE.docx");
    if (docx && !cli_source_epoch(&epoch))
        return 2;
    const char *fail_on = opts_get(&o, "fail-on");
    if (fail_on && strcmp(fail_on, "material") && strcmp(fail_on, "any"))
        return cli_fail("--fail-on takes material or any, not '%s'", fail_on);
    const char *mode = opts_get(&o, "color");
    if (mode && strcmp(mode, "auto") && strcmp(mode, "always") && strcmp(mode, "never"))
        return cli_fail("--color takes auto, always or never, not '%s'", mode);
    bool color = cli_color(&o);
    const char *rev = opts_get(&o, "against");

    const char *old_name, *new_name;
    Compilation *co = compile_new(), *cn = compile_new();
    int status = 0;
    if (rev) {
        if (o.npositional != 1) {
            status = cli_fail("diff --against REV needs one FILE (see 'charterc diff --help')");
            goto done;
        }
        const char *file = o.positional[0];
        if (strcmp(file, "-") == 0) {
            status = cli_fail("diff --against needs a file in a git repository, not -");
            goto done;
        }
        if (rev[0] == '-' || rev[0] == '\0') {
            status = cli_fail("--against needs a git revision, not '%s'", rev);
            goto done;
        }
        new_name = file;
        old_name = arena_printf(cn->arena, "%s:%s", rev, file);
        if ((status = compile_file(cn, file)) != 0)
            goto done;
        Buf text;
        buf_init(&text);
        if ((status = git_show(rev, file, &text)) != 0) {
            buf_free(&text);
            goto done;
        }
        /* The old text is compiled as if it were the file itself, so that
         * its `use`s resolve against the working tree beside it.  A bare
         * name resolves from the working directory, which is its folder;
         * otherwise the real path does. */
        char real[PATH_MAX];
        const char *as = strchr(file, '/') && realpath(file, real) ? real : file;
        status = compile_text(co, as, text.data ? text.data : "", text.len);
        buf_free(&text);
        if (status)
            goto done;
        /* Its messages name it REV:FILE: their lines are the old
         * revision's, which the working-tree file may not have.  The
         * files it `use`s keep their own names (they are read from the
         * working tree). */
        co->sm.files.v[co->root_file]->display = old_name;
    } else {
        if (o.npositional != 2) {
            status = cli_fail("diff needs OLD and NEW (see 'charterc diff --help')");
            goto done;
        }
        old_name = o.positional[0];
        new_name = o.positional[1];
        if (strcmp(old_name, "-") == 0 && strcmp(new_name, "-") == 0) {
            status = cli_fail("only one of OLD and NEW can be standard input (-)");
            goto done;
        }
        if ((status = compile_file(co, old_name)) != 0 || (status = compile_file(cn, new_name)) != 0)
            goto done;
    }
    bool ok_old = compiled(co, old_name, color);
    bool ok_new = compiled(cn, new_name, color);
    if (!ok_old || !ok_new) {
        status = 2;
        goto done;
    }

    RdiffText to, tn;
    comments_of(co, &to);
    comments_of(cn, &tn);
    Rdiff d;
    rdiff_compare(&d, cn->arena, co->model, cn->model, &to, &tn);
    Buf out;
    buf_init(&out);
    if (docx && !redline(co, cn, epoch, &out)) {
        status = 2;
        buf_free(&out);
        goto done;
    }
    if (strcmp(format, "json") == 0)
        rdiff_json(&d, &out, old_name, new_name);
    else if (strcmp(format, "md") == 0)
        rdiff_md(&d, &out, old_name, new_name);
    else if (!docx)
        rdiff_text(&d, &out, old_name, new_name);
    int e = 0;
    if (out_name && (cli_refuse_source(co, out_name) || cli_refuse_source(cn, out_name)))
        status = 2;
    else if ((e = buf_write_file(&out, out_name ? out_name : "-", NULL)) != 0)
        status = cli_fail("cannot write %s: %s", out_name ? out_name : "standard output",
                          strerror(e));
    buf_free(&out);
    if (status)
        goto done;
    if (fail_on && (strcmp(fail_on, "any") == 0 ? d.changes.n > 0 : d.material > 0))
        status = 1;
done:
    compile_free(co);
    compile_free(cn);
    return status;
}
