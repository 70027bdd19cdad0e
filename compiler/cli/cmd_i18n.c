/* cmd_i18n.c - `charterc i18n`: the agreement's texts for translators, as
 * a template (FILE.pot), or merged into the translations beside it
 * (--update, every FILE.LANG.po). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pot.h"
#include "texts.h"
#include "translation.h"

static const OptSpec i18n_opts[] = {
    {"help", 'h', false}, {"output", 'o', true}, {"update", 0, false}, {"color", 0, true},
};

static const char i18n_help[] =
    "usage: charterc i18n FILE [-o FILE.pot]\n"
    "       charterc i18n FILE --update\n\n"
    "Writes every text of the agreement (titles, names, the scope, clauses,\n"
    "incentives, principles, what commitments give and on what condition, ...) as\n"
    "a GNU gettext template: one entry per text, its context naming the text\n"
    "(msgctxt \"goal readers\" for a title, \"clause termination text\" for\n"
    "another text of a declaration), the place it is written as a reference and\n"
    "what it is as a comment, in source order.  Translations live beside the\n"
    "agreement as FILE.LANG.po (msginit -l fr -i FILE.pot -o FILE.fr.po starts\n"
    "one); doc, build and the tracker use them with --lang LANG, and\n"
    "`charterc check --lang LANG` lists the texts still to translate.\n\n"
    "  -o, --output OUT  the template to write (default: standard output)\n"
    "  --update          merge the texts into every FILE.LANG.po beside FILE, as\n"
    "                    msgmerge does: new texts untranslated, changed texts with\n"
    "                    their old translation marked fuzzy (the old text kept as\n"
    "                    the previous msgid), texts gone kept obsolete (#~)\n"
    "  --color=WHEN      colour of messages: auto (default), always or never\n\n"
    "Exit status: 0 written, 1 the agreement or a translation has errors (nothing\n"
    "is written), 2 bad usage or a file could not be read or written.\n";

/* The folder of a path as written, ending in '/'; "" for none. */
static const char *folder_of(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? arena_printf(a, "%.*s", (int)(slash - path + 1), path) : "";
}

typedef VEC(char *) LangList;

static int by_name(const void *pa, const void *pb)
{
    return strcmp(*(char *const *)pa, *(char *const *)pb);
}

/* The languages of the files STEM.LANG.po in the agreement's folder,
 * sorted; false after a message when the folder cannot be read. */
static bool languages(Arena *a, const char *path, LangList *langs)
{
    const char *dir = folder_of(a, path);
    const char *name = path + strlen(dir);
    size_t n = strlen(name), k = strlen(".charter");
    if (n > k && strcmp(name + n - k, ".charter") == 0)
        n -= k;
    DIR *d = opendir(*dir ? dir : ".");
    if (!d) {
        cli_fail("cannot read the folder %s", *dir ? dir : ".");
        return false;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= n + 4 || strncmp(e->d_name, name, n) != 0 || e->d_name[n] != '.' ||
            strcmp(e->d_name + len - 3, ".po") != 0)
            continue;
        char *lang = arena_printf(a, "%.*s", (int)(len - n - 4), e->d_name + n + 1);
        if (tr_lang_ok(lang))
            VEC_PUSH(a, *langs, lang);
    }
    closedir(d);
    if (langs->n > 1)
        qsort(langs->v, (size_t)langs->n, sizeof *langs->v, by_name);
    return true;
}

/* i18n --update: every translation read first, so that one with errors
 * leaves all of them as they are. */
static int update(Compilation *c, const TextList *texts, const char *base, bool color)
{
    LangList langs = {0};
    const char *path = c->sm.files.v[c->root_file]->path;
    if (!languages(c->arena, path, &langs))
        return 2;
    if (langs.n == 0) {
        fprintf(stderr, "charterc: no translation to update: there is no %s beside %s (start "
                        "one with 'charterc i18n %s -o FILE.pot' and msginit)\n",
                tr_po_path(c->arena, path, "LANG"), path, path);
        return 0;
    }
    Translation **old = arena_alloc(c->arena, sizeof *old * (size_t)langs.n);
    int status = 0;
    for (int i = 0; i < langs.n; i++) {
        int st;
        old[i] = cli_translation(c, langs.v[i], color, &st);
        if (!old[i])
            return st;
    }
    for (int i = 0; i < langs.n && status == 0; i++) {
        Buf b;
        buf_init(&b);
        pot_merge(&b, &c->sm, texts, base, old[i]);
        bool changed = false;
        int e = buf_write_file(&b, old[i]->path, &changed);
        if (e)
            status = cli_fail("cannot write %s: %s", old[i]->path, strerror(e));
        else if (changed)
            fprintf(stderr, "charterc: updated %s\n", old[i]->path);
        buf_free(&b);
    }
    return status;
}

int cmd_i18n(int argc, char **argv)
{
    Opts o;
    if (!cli_parse(&o, i18n_opts, sizeof i18n_opts / sizeof i18n_opts[0], argc, argv, "i18n"))
        return 2;
    if (opts_has(&o, "help")) {
        fputs(i18n_help, stdout);
        return 0;
    }
    const char *mode = opts_get(&o, "color");
    if (mode && strcmp(mode, "auto") && strcmp(mode, "always") && strcmp(mode, "never"))
        return cli_fail("--color takes auto, always or never, not '%s'", mode);
    if (o.npositional != 1)
        return cli_fail("i18n needs one FILE (see 'charterc i18n --help')");
    const char *out = opts_get(&o, "output");
    bool upd = opts_has(&o, "update");
    if (upd && out)
        return cli_fail("--update writes every FILE.LANG.po beside the agreement; it takes no -o");
    if (upd && strcmp(o.positional[0], "-") == 0)
        return cli_fail("--update needs the agreement's file: its translations are beside it");
    int status;
    Compilation *c = cli_compile(o.positional[0], cli_color(&o), &status);
    if (!c)
        return status;
    TextList texts = {0};
    texts_collect(c->arena, c->model, c->trees.v, c->trees.n, &texts);
    const SrcFile *root = c->sm.files.v[c->root_file];
    const char *base = folder_of(c->arena, root->display);
    if (upd) {
        status = update(c, &texts, base, cli_color(&o));
    } else if (!cli_refuse_source(c, out)) {
        const Agreement *ag = c->model->agreement;
        const char *project = ag->version ? arena_printf(c->arena, "%s %s", ag->d.id, ag->version)
                                          : ag->d.id;
        Buf b;
        buf_init(&b);
        pot_write(&b, &c->sm, &texts, base, project, ag->d.title ? ag->d.title : ag->d.id);
        int e = buf_write_file(&b, out ? out : "-", NULL);
        if (e)
            status = cli_fail("cannot write %s: %s", out ? out : "standard output", strerror(e));
        buf_free(&b);
    } else {
        status = 2;
    }
    compile_free(c);
    return status;
}
