/* cli.c - what the subcommands share: their option parsing, messages, compiling. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "lang.h"
#include "texts.h"
#include "translation.h"

int cli_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("charterc: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return 2;
}

bool cli_source_epoch(long long *epoch)
{
    char shown[44];
    *epoch = 0;
    if (date_source_epoch(epoch, shown) >= 0)
        return true;
    cli_fail("SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 in digits, at most "
             "%lld (the end of the year 9999), not '%s'", DATE_MAX_EPOCH, shown);
    return false;
}

bool cli_parse(Opts *o, const OptSpec *specs, int nspecs, int argc, char **argv, const char *cmd)
{
    static const OptsProgram charterc = {"charterc", NULL, 0, false, NULL};
    return opts_parse(o, &charterc, cmd, specs, nspecs, argc, argv);
}

bool cli_color(const Opts *o)
{
    return diag_want_color(opts_get(o, "color"), stderr);
}

bool cli_lang(const Opts *o)
{
    const char *code = opts_get(o, "lang");
    char err[512];
    if (code && !lang_use(code, err, sizeof err)) {
        cli_fail("%s", err);
        return false;
    }
    return true;
}

Compilation *cli_compile(const char *path, bool color, int *status)
{
    Compilation *c = compile_new();
    int st = compile_file(c, path);
    if (st) {
        compile_free(c);
        *status = st;
        return NULL;
    }
    if (compile_errors(c) > 0) {
        diag_sort(&c->diag);
        diag_print(&c->diag, stderr, FMT_TEXT, color);
        fprintf(stderr, "charterc: %s has errors; nothing was written\n", path);
        compile_free(c);
        *status = 1;
        return NULL;
    }
    *status = 0;
    return c;
}

int cli_refuse_source(const Compilation *c, const char *out)
{
    const SrcFile *f = compile_source_at(c, out);
    if (!f)
        return 0;
    return cli_fail("-o %s would overwrite %s, a source file of the agreement; nothing was "
                    "written (choose another output)", out, f->display);
}

Translation *cli_translation(Compilation *c, const char *lang, bool color, int *status)
{
    if (!tr_lang_ok(lang)) {
        *status = cli_fail("--lang takes a language code such as fr, ht or pt_BR, not '%s'", lang);
        return NULL;
    }
    const SrcFile *root = c->sm.files.v[c->root_file];
    if (root->is_stdin) {
        *status = cli_fail("--lang reads FILE.LANG.po beside the agreement; an agreement read "
                           "from standard input has none");
        return NULL;
    }
    int before = c->diag.errors;
    Translation *t = tr_load(c->arena, &c->sm, &c->diag, root->path, lang, status);
    if (!t && *status == 1 && c->diag.errors > before) {
        diag_sort(&c->diag);
        diag_print(&c->diag, stderr, FMT_TEXT, color);
        fprintf(stderr, "charterc: %s cannot be read; nothing was written\n",
                tr_po_path(c->arena, root->path, lang));
    }
    return t;
}

int cli_translate(Compilation *c, const char *lang, bool color)
{
    if (!lang)
        return 0;
    texts_std_translate(c->arena, c->model);
    int status;
    Translation *t = cli_translation(c, lang, color, &status);
    if (!t)
        return status;
    /* Without FILE.LANG.po the agreement's text stays as written, silently:
     * --lang chooses the fixed text's language too, which is useful alone,
     * and check --lang is where a missing translation is reported. */
    if (t->missing)
        return 0;
    TextList texts = {0};
    texts_collect(c->arena, c->model, c->trees.v, c->trees.n, &texts);
    tr_apply(t, &texts);
    return 0;
}
