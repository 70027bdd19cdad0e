/* cmd_doc.c - `charterc doc`, `charterc graph` and `charterc build`.
 *
 * Each compiles the agreement first; a file with language errors gets its
 * messages on standard error, exit status 1, and nothing is written.  The
 * findings of the checks do not stop the documents: they are listed in
 * Annex A of the agreement. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "checks.h"
#include "cli.h"
#include "doc.h"
#include "doc_bi.h"
#include "doc_build.h"
#include "graph.h"
#include "suggest.h"

static const char doc_help[] =
    "usage: charterc doc FILE [--format md|html|docx] [--partner ID] [--for-signature]\n"
    "                         [--lang CODE|A,B] [-o OUT]\n\n"
    "Writes the formal agreement: every section from the title and the parties to\n"
    "the general provisions, the signature page and Annex A (the findings of the\n"
    "checks that remain, and the allowed ones with their reasons).  A draft whose\n"
    "checks find errors is written with a draft banner on every page.  With\n"
    "--partner, writes that partner's one-page commitment sheet instead.\n\n"
    "  --format FORMAT   md (Markdown, the default), html (one self-contained,\n"
    "                    print-ready page) or docx (a Word file, with Word's styles);\n"
    "                    an OUT ending in .html or .docx implies that format\n"
    "  --partner ID      the commitment sheet of partner ID\n"
    "  --for-signature   the copy partners sign: no identifiers and no Annex A;\n"
    "                    refused (exit 1) while the checks find errors\n"
    "  --lang CODE       the language of the document's own text (headings, labels,\n"
    "                    dates, numbers): en (the default), es, fr or ht; and the\n"
    "                    agreement's text from FILE.CODE.po beside FILE when there\n"
    "                    is one (charterc i18n), a text without a translation as\n"
    "                    written\n"
    "  --lang A,B        the document in two languages side by side, section by\n"
    "                    section, A on the left (html or docx; the signatures once)\n"
    "  -o, --output OUT  the file to write (default: standard output)\n"
    "  --color=WHEN      colour of messages: auto (default), always or never\n\n"
    "The Word file records one time, in its archive and its properties:\n"
    "$SOURCE_DATE_EPOCH when set, else 1980-01-01, so the same agreement always\n"
    "gives the same bytes.\n\n"
    "Exit status: 0 written, 1 the agreement has language errors, or errors found\n"
    "by its checks with --for-signature (nothing is written), 2 bad usage or the\n"
    "file could not be read or written.\n";

static const char graph_help[] =
    "usage: charterc graph FILE [--kind schedule|network] [--format svg|dot] [--lang CODE]\n"
    "                           [-o OUT]\n\n"
    "Draws a picture of the agreement.\n\n"
    "  --kind schedule   the schedule as a Gantt chart: activity bars over the term,\n"
    "                    milestone diamonds, dependency arrows (the default; SVG)\n"
    "  --kind network    partners, activities and goals, with edges for lead,\n"
    "                    partner, supports and reports\n"
    "  --format FORMAT   svg (the default) or dot (network only); the network as\n"
    "                    SVG needs Graphviz's dot program\n"
    "  --lang CODE       the language of the labels: en (the default), es, fr or ht;\n"
    "                    the agreement's text from FILE.CODE.po when there is one\n"
    "  -o, --output OUT  the file to write (default: standard output)\n"
    "  --color=WHEN      colour of messages: auto (default), always or never\n\n"
    "Exit status: 0 written, 1 the agreement has language errors, 2 bad usage, a\n"
    "file could not be read or written, or Graphviz is needed and not installed.\n";

static const char build_help[] =
    "usage: charterc build FILE [--lang CODE|A,B] [-o DIR]\n\n"
    "Writes everything about the agreement into one folder: the agreement as HTML,\n"
    "Markdown and Word, every partner's commitment sheet, the schedule (SVG), the\n"
    "partner network (DOT, and SVG when Graphviz is installed) and index.html.\n"
    "Files whose content would not change are left alone.\n\n"
    "  -o, --output DIR  the folder (default: the agreement's id)\n"
    "  --lang CODE       the language of the documents and pictures: en (the\n"
    "                    default), es, fr or ht; the agreement's text from\n"
    "                    FILE.CODE.po when there is one\n"
    "  --lang A,B        the agreement and the sheets in two languages side by side\n"
    "                    (HTML and Word; Markdown once per language: agreement.A.md),\n"
    "                    the pictures and the index in A\n"
    "  --color=WHEN      colour of messages: auto (default), always or never\n\n"
    "Exit status: 0 written, 1 the agreement has language errors (nothing is\n"
    "written), 2 bad usage or a file could not be read or written.\n";

static const OptSpec doc_opts[] = {
    {"help", 'h', false}, {"format", 0, true}, {"partner", 0, true},
    {"output", 'o', true}, {"color", 0, true}, {"kind", 0, true},
    {"for-signature", 0, false}, {"lang", 0, true},
};
enum { NDOC_OPTS = sizeof doc_opts / sizeof doc_opts[0] };

/* Shared usage of the three commands: options, --help, one FILE.  False
 * with *status set when the command ends here (0 after --help). */
static bool usage(int argc, char **argv, const char *cmd, const char *help,
                  const char *const *allowed, Opts *o, int *status)
{
    *status = 2;
    if (!cli_parse(o, doc_opts, NDOC_OPTS, argc, argv, cmd))
        return false;
    if (opts_has(o, "help")) {
        fputs(help, stdout);
        *status = 0;
        return false;
    }
    for (int i = 0; i < NDOC_OPTS; i++) {
        bool ok = false;
        for (int k = 0; allowed[k]; k++)
            ok |= strcmp(allowed[k], doc_opts[i].name) == 0;
        if (o->values[i] && !ok) {
            cli_fail("'%s' has no option '--%s' (see 'charterc %s --help')", cmd,
                     doc_opts[i].name, cmd);
            return false;
        }
    }
    const char *mode = opts_get(o, "color");
    if (mode && strcmp(mode, "auto") && strcmp(mode, "always") && strcmp(mode, "never")) {
        cli_fail("--color takes auto, always or never, not '%s'", mode);
        return false;
    }
    if (o->npositional != 1) {
        cli_fail("%s needs one FILE (see 'charterc %s --help')", cmd, cmd);
        return false;
    }
    return true;
}

/* The agreement compiled, its texts replaced by their translations into
 * `lang` (FILE.LANG.po; none when lang is NULL) before anything reads
 * them, so every document and picture shows them; or NULL with *status
 * set. */
static Compilation *compile_in(const Opts *o, const char *lang, int *status)
{
    Compilation *c = cli_compile(o->positional[0], cli_color(o), status);
    if (c && (*status = cli_translate(c, lang, cli_color(o))) != 0) {
        compile_free(c);
        return NULL;
    }
    return c;
}

/* usage(), then the compilation in `lang`, or NULL with *status set. */
static Compilation *start(int argc, char **argv, const char *cmd, const char *help,
                          const char *const *allowed, Opts *o, const char *lang, int *status)
{
    if (!usage(argc, argv, cmd, help, allowed, o, status))
        return NULL;
    return compile_in(o, lang, status);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int write_out(const Compilation *c, const Buf *b, const char *out)
{
    if (cli_refuse_source(c, out))
        return 2;
    int e = buf_write_file(b, out ? out : "-", NULL);
    if (e)
        return cli_fail("cannot write %s: %s", out ? out : "standard output", strerror(e));
    return 0;
}

/* The partner --partner names, or NULL after the message (*status 2). */
static const Partner *find_partner(const Model *m, const char *pid, const char *file,
                                   int *status)
{
    Suggest s;
    suggest_init(&s, pid);
    for (int i = 0; i < m->partners.n; i++) {
        suggest_offer(&s, m->partners.v[i]->d.id);
        if (strcmp(m->partners.v[i]->d.id, pid) == 0)
            return m->partners.v[i];
    }
    if (suggest_best(&s))
        *status = cli_fail("there is no partner '%s'; did you mean '%s'?", pid, suggest_best(&s));
    else
        *status = cli_fail("there is no partner '%s' in %s", pid, file);
    return NULL;
}

/* The document `doc` writes of compilation c, in the language in use: the
 * partner's sheet with --partner, else the agreement after its checks.
 * NULL after the message, with *status set. */
static Doc *doc_tree(Compilation *c, const Opts *o, bool html, int *status)
{
    Model *m = c->model;
    const char *pid = opts_get(o, "partner");
    if (pid) {
        const Partner *p = find_partner(m, pid, o->positional[0], status);
        return p ? doc_sheet(c->arena, m, p) : NULL;
    }
    CheckOptions co;
    checks_default_options(&co);
    checks_run(c, m, &co);
    diag_sort(&c->diag);
    /* A copy for signature of a draft the checks find errors in would
     * look as signable as a clean one: refused, naming the findings. */
    const char *names;
    int nerr = doc_errors(c->arena, &c->diag, &names);
    bool for_signature = opts_has(o, "for-signature");
    if (for_signature && nerr) {
        fprintf(stderr, "charterc: error: %s has %d error%s found by its checks, so no copy for "
                        "signature is written: %s (see 'charterc check %s')\n",
                o->positional[0], nerr, nerr == 1 ? "" : "s", names, o->positional[0]);
        *status = 1;
        return NULL;
    }
    DocOptions dopt = {.with_figure = html, .for_signature = for_signature};
    return doc_agreement_with(c->arena, m, &c->diag, &dopt);
}

/* --lang: one language, chosen (lang_use), or two separated by a comma
 * for a document side by side, both checked and the first chosen.
 * Returns how many (0 without --lang) with the codes in codes[], or -1
 * after the message (exit 2). */
static int langs(const Opts *o, const char *codes[2])
{
    const char *v = opts_get(o, "lang");
    if (!v)
        return 0;
    const char *comma = strchr(v, ',');
    if (!comma) {
        codes[0] = v;
        return cli_lang(o) ? 1 : -1;
    }
    if (strchr(comma + 1, ','))
        return cli_fail("--lang takes one language, or two separated by a comma for a document "
                        "side by side (en,fr), not '%s'", v), -1;
    static char first[64];
    snprintf(first, sizeof first, "%.*s", (int)(comma - v), v);
    codes[0] = first;
    codes[1] = comma + 1;
    if (!*codes[0] || !*codes[1])
        return cli_fail("--lang '%s' misses a language: write two codes, such as en,fr", v), -1;
    if (strcmp(codes[0], codes[1]) == 0)
        return cli_fail("--lang '%s' names the same language twice; a document side by side "
                        "takes two different languages", v), -1;
    char err[512];
    for (int i = 1; i >= 0; i--)
        if (!lang_use(codes[i], err, sizeof err))
            return cli_fail("%s", err), -1;
    return 2;
}

static int doc_write(const Compilation *c, const Doc *d, bool docx, bool html, long long epoch,
                     const char *out)
{
    Buf b;
    buf_init(&b);
    char err[256];
    int status;
    if (docx && !doc_render_docx(d, epoch, &b, err, sizeof err))
        status = cli_fail("%s", err);
    else {
        if (html)
            doc_render_html(d, &b);
        else if (!docx)
            doc_render_md(d, &b);
        status = write_out(c, &b, out);
    }
    buf_free(&b);
    return status;
}

/* `doc --lang A,B`: the agreement (or a sheet) built once per language,
 * each from its own compilation, side by side. */
static int doc_two(int argc, char **argv, const char *const *allowed, Opts *o,
                   const char *const codes[2], bool docx, long long epoch)
{
    int status;
    if (!usage(argc, argv, "doc", doc_help, allowed, o, &status))
        return status;
    Compilation *c[2] = {NULL, NULL};
    Doc *d[2];
    for (int s = 0; s < 2; s++) {
        char err[512];
        if (!lang_use(codes[s], err, sizeof err)) {
            status = cli_fail("%s", err);
            break;
        }
        c[s] = compile_in(o, codes[s], &status);
        if (!c[s] || !(d[s] = doc_tree(c[s], o, !docx, &status)))
            break;
    }
    if (c[0] && c[1] && status == 0) {
        DocBi bi;
        char err[256];
        Buf b;
        buf_init(&b);
        if (!doc_bi_pair(c[0]->arena, d[0], d[1], &bi, err, sizeof err) ||
            (docx && !doc_bi_render_docx(&bi, epoch, &b, err, sizeof err)))
            status = cli_fail("%s", err);
        else {
            if (!docx)
                doc_bi_render_html(&bi, &b);
            status = write_out(c[0], &b, opts_get(o, "output"));
        }
        buf_free(&b);
    }
    for (int s = 0; s < 2; s++)
        if (c[s])
            compile_free(c[s]);
    return status;
}

int cmd_doc(int argc, char **argv)
{
    static const char *const allowed[] = {"help",   "format", "partner",       "output",
                                          "color", "for-signature", "lang", NULL};
    Opts o;
    int status, nlang = 0;
    const char *codes[2];
    /* Usage is checked before compiling, so a bad option reads no file. */
    if (!cli_parse(&o, doc_opts, NDOC_OPTS, argc, argv, "doc"))
        return 2;
    const char *fmt = opts_get(&o, "format");
    const char *out = opts_get(&o, "output");
    bool docx = fmt ? strcmp(fmt, "docx") == 0 : out && ends_with(out, ".docx");
    bool html = fmt ? strcmp(fmt, "html") == 0 : out && ends_with(out, ".html");
    if (!opts_has(&o, "help")) {
        if (fmt && strcmp(fmt, "md") && strcmp(fmt, "html") && strcmp(fmt, "docx"))
            return cli_fail("unknown format '%s' (md, html or docx)", fmt);
        if (opts_has(&o, "for-signature") && opts_get(&o, "partner"))
            return cli_fail("--for-signature makes a copy of the agreement; a partner's sheet "
                            "(--partner) is not signed");
        if ((nlang = langs(&o, codes)) < 0)
            return 2;
        if (nlang == 2 && !docx && !html)
            return cli_fail("Markdown cannot set two languages side by side; write --format html "
                            "or --format docx with --lang %s, or one Markdown file per language",
                            opts_get(&o, "lang"));
    }
    long long epoch = 0;
    if (docx && !opts_has(&o, "help")) {
        if (!out && isatty(STDOUT_FILENO))
            return cli_fail("a Word file is not for the terminal; write it with -o FILE.docx");
        if (!cli_source_epoch(&epoch))
            return 2;
    }
    if (nlang == 2)
        return doc_two(argc, argv, allowed, &o, codes, docx, epoch);
    Compilation *c = start(argc, argv, "doc", doc_help, allowed, &o, nlang ? codes[0] : NULL,
                           &status);
    if (!c)
        return status;
    Doc *d = doc_tree(c, &o, html, &status);
    if (d)
        status = doc_write(c, d, docx, html, epoch, out);
    compile_free(c);
    return status;
}

int cmd_graph(int argc, char **argv)
{
    static const char *const allowed[] = {"help", "format", "kind", "output", "color", "lang", NULL};
    Opts o;
    int status;
    if (!cli_parse(&o, doc_opts, NDOC_OPTS, argc, argv, "graph"))
        return 2;
    const char *kind = opts_get(&o, "kind"), *fmt = opts_get(&o, "format");
    if (!opts_has(&o, "help")) {
        if (kind && strcmp(kind, "schedule") && strcmp(kind, "network"))
            return cli_fail("unknown kind '%s' (schedule or network)", kind);
        if (fmt && strcmp(fmt, "svg") && strcmp(fmt, "dot"))
            return cli_fail("unknown format '%s' (svg or dot)", fmt);
    }
    bool network = kind && strcmp(kind, "network") == 0;
    bool dot = fmt && strcmp(fmt, "dot") == 0;
    if (!opts_has(&o, "help") && !cli_lang(&o))
        return 2;
    if (!opts_has(&o, "help") && dot && !network)
        return cli_fail("the schedule is drawn as SVG only; use --format svg, or --kind network "
                        "for DOT");
    if (!opts_has(&o, "help") && network && !dot && !graph_have_dot())
        return cli_fail("Graphviz is not installed (no 'dot' program on PATH), so the network "
                        "cannot be drawn as SVG; install Graphviz, or use --format dot");
    Compilation *c = start(argc, argv, "graph", graph_help, allowed, &o, opts_get(&o, "lang"),
                           &status);
    if (!c)
        return status;
    Buf b;
    buf_init(&b);
    if (!network) {
        graph_schedule_svg(c->model, &b, true);
    } else {
        graph_network_dot(c->model, &b);
        if (!dot) {
            Buf svg, err;
            buf_init(&svg);
            buf_init(&err);
            GraphRun r = graph_dot_to_svg(&b, &svg, &err);
            buf_free(&b);
            b = svg;
            if (r != GRAPH_OK) {
                status = r == GRAPH_NO_DOT
                             ? cli_fail("Graphviz is not installed (no 'dot' program on PATH); "
                                        "install Graphviz, or use --format dot")
                             : cli_fail("Graphviz's dot failed: %s", buf_cstr(&err));
                buf_free(&err);
                buf_free(&b);
                compile_free(c);
                return status;
            }
            buf_free(&err);
        }
    }
    status = write_out(c, &b, opts_get(&o, "output"));
    buf_free(&b);
    compile_free(c);
    return status;
}

int cmd_build(int argc, char **argv)
{
    static const char *const allowed[] = {"help", "output", "color", "lang", NULL};
    Opts o;
    int status, nlang = 0;
    const char *codes[2];
    long long epoch = 0;
    if (!cli_source_epoch(&epoch))
        return 2;
    if (!cli_parse(&o, doc_opts, NDOC_OPTS, argc, argv, "build"))
        return 2;
    if (!opts_has(&o, "help") && (nlang = langs(&o, codes)) < 0)
        return 2;
    Compilation *c = start(argc, argv, "build", build_help, allowed, &o, nlang ? codes[0] : NULL,
                           &status);
    if (!c)
        return status;
    /* Two languages: the agreement compiled again for the second, whose
     * documents stand on the right. */
    Compilation *second = NULL;
    if (nlang == 2) {
        char err[512];
        if (!lang_use(codes[1], err, sizeof err) ||
            !(second = compile_in(&o, codes[1], &status)) ||
            !lang_use(codes[0], err, sizeof err)) {
            compile_free(c);
            if (second)
                compile_free(second);
            return second || status == 0 ? cli_fail("%s", err) : status;
        }
    }
    const char *dir = opts_get(&o, "output");
    if (!dir || !*dir)
        dir = c->model->agreement->d.id;
    status = build_all(c, second, nlang == 2 ? codes[1] : NULL, dir, epoch);
    if (second)
        compile_free(second);
    compile_free(c);
    return status;
}
