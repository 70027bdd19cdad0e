/* cmd_check.c - `charterc check` and `charterc explain`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "checktab.h"
#include "cli.h"
#include "lang.h"
#include "suggest.h"
#include "translation.h"

static const OptSpec check_opts[] = {
    {"help", 'h', false},          {"strict", 0, false},      {"format", 0, true},
    {"color", 0, true},            {"max-indicators", 0, true}, {"min-sectors", 0, true},
    {"max-share", 0, true},        {"lang", 0, true},
};

static const char check_help[] =
    "usage: charterc check [--strict] [--format text|json|sarif|github] [--lang LANG] FILE...\n\n"
    "Parses and resolves each agreement, runs every check and prints the findings.\n\n"
    "  --strict              treat every warning as an error\n"
    "  --format FORMAT       text (default), json, sarif or github\n"
    "  --color=WHEN          auto (default), always or never\n"
    "  --max-indicators N    threshold of too_many_indicators (default 15)\n"
    "  --min-sectors N       threshold of sector_diversity (default 2)\n"
    "  --max-share PERCENT   threshold of hierarchy_concentration (default 50)\n"
    "  --lang LANG           also check the translations of the agreement's text\n"
    "                        into LANG (FILE.LANG.po beside each FILE):\n"
    "                        translation_missing and translation_stale\n\n"
    "A FILE of - reads standard input.  Exit status: 0 no errors (warnings allowed\n"
    "unless --strict), 1 errors found, 2 a file could not be read or bad usage.\n";

static bool parse_int(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < 0 || v > 1000000)
        return false;
    *out = (int)v;
    return true;
}

/* The number of translations in the catalogue of fixed text of `code`
 * (its .mo file's count of strings, less the header), or -1 when there
 * is none.  msgfmt leaves untranslated and fuzzy entries out of a .mo. */
static long catalogue_size(const char *code)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/" LANG_DOMAIN ".mo", lang_localedir(), code);
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    unsigned char h[12];
    size_t n = fread(h, 1, sizeof h, f);
    fclose(f);
    if (n != sizeof h)
        return -1;
    uint32_t magic = h[0] | (uint32_t)h[1] << 8 | (uint32_t)h[2] << 16 | (uint32_t)h[3] << 24;
    uint32_t le = h[8] | (uint32_t)h[9] << 8 | (uint32_t)h[10] << 16 | (uint32_t)h[11] << 24;
    uint32_t be = h[11] | (uint32_t)h[10] << 8 | (uint32_t)h[9] << 16 | (uint32_t)h[8] << 24;
    if (magic == 0x950412deu)
        return (long)le - 1;
    if (magic == 0xde120495u)
        return (long)be - 1;
    return -1;
}

/* check --lang: how much of Charter's own fixed text the documents would
 * have in that language.  The largest catalogue shipped is the whole
 * (es and fr are complete); a partial one falls back along its chain. */
static void fixed_text_note(const char *code)
{
    const Lang *l = lang_find(code);
    if (!l) {
        fprintf(stderr, "charterc: note: Charter has no catalogue of fixed text for '%s' (it "
                        "ships %s), so documents in '%s' are not written; the agreement's "
                        "translations can be checked all the same\n",
                code, lang_codes_text(), code);
        return;
    }
    if (strcmp(l->code, "en") == 0)
        return;
    long have = catalogue_size(l->code), all = 0;
    for (int i = 0; i < lang_count(); i++) {
        long k = catalogue_size(lang_all()[i].code);
        all = k > all ? k : all;
    }
    if (have < 0 || all <= 0 || have >= all)
        return;
    const char *next = strchr(l->chain, ':');
    const Lang *fallback = next ? lang_find(next + 1) : NULL;
    fprintf(stderr, "charterc: note: the %s catalogue of fixed text translates %ld of %ld texts; "
                    "the rest falls back to %s\n",
            l->code, have, all, fallback ? fallback->name : "English");
}

int cmd_check(int argc, char **argv)
{
    Opts o;
    if (!cli_parse(&o, check_opts, sizeof check_opts / sizeof check_opts[0], argc, argv, "check"))
        return 2;
    if (opts_has(&o, "help")) {
        fputs(check_help, stdout);
        return 0;
    }
    DiagFormat fmt = FMT_TEXT;
    const char *f = opts_get(&o, "format");
    if (f) {
        static const char *const names[] = {"text", "json", "sarif", "github"};
        int k = 0;
        while (k < 4 && strcmp(f, names[k]) != 0)
            k++;
        if (k == 4)
            return cli_fail("unknown format '%s' (text, json, sarif or github)", f);
        fmt = (DiagFormat)k;
    }
    CheckOptions co;
    checks_default_options(&co);
    co.strict = opts_has(&o, "strict");
    const char *v;
    if ((v = opts_get(&o, "max-indicators")) && !parse_int(v, &co.max_indicators))
        return cli_fail("--max-indicators needs a whole number, not '%s'", v);
    if ((v = opts_get(&o, "min-sectors")) && !parse_int(v, &co.min_sectors))
        return cli_fail("--min-sectors needs a whole number, not '%s'", v);
    if ((v = opts_get(&o, "max-share"))) {
        char *end;
        co.max_share = strtod(v, &end);
        if (*v == '\0' || (*end != '\0' && strcmp(end, "%") != 0) || co.max_share <= 0 ||
            co.max_share > 100)
            return cli_fail("--max-share needs a percentage between 0 and 100, not '%s'", v);
    }
    if (o.npositional == 0)
        return cli_fail("check needs a FILE (see 'charterc check --help')");
    const char *lang = opts_get(&o, "lang");
    if (lang && !tr_lang_ok(lang))
        return cli_fail("--lang takes a language code such as fr, ht or pt_BR, not '%s'", lang);

    const char *mode = opts_get(&o, "color");
    if (mode && strcmp(mode, "auto") && strcmp(mode, "always") && strcmp(mode, "never"))
        return cli_fail("--color takes auto, always or never, not '%s'", mode);
    bool color = fmt == FMT_TEXT && diag_want_color(mode, stderr);

    /* One compilation holds every file, so the machine formats print one
     * document for the whole run. */
    Compilation *c = compile_new();
    int status = 0;
    for (int i = 0; i < o.npositional; i++) {
        int before = compile_errors(c);
        int st = compile_file(c, o.positional[i]);
        if (st) {
            status = 2;
            continue;
        }
        if (compile_errors(c) != before || !c->model)
            continue;
        co.tr = NULL;
        if (lang) {
            const SrcFile *root = c->sm.files.v[c->root_file];
            int st2 = 0;
            co.tr = root->is_stdin ? NULL
                                   : tr_load(c->arena, &c->sm, &c->diag, root->path, lang, &st2);
            if (st2 == 2)
                status = 2;
            if (st2)
                continue;
        }
        checks_run(c, c->model, &co);
    }
    if (co.strict)
        diag_strict(&c->diag);
    diag_sort(&c->diag);
    /* Text goes to stderr (messages); machine formats are data: stdout. */
    diag_print(&c->diag, fmt == FMT_TEXT ? stderr : stdout, fmt, color);
    if (lang && fmt == FMT_TEXT)
        fixed_text_note(lang);
    if (status == 0 && c->diag.errors > 0)
        status = 1;
    compile_free(c);
    return status;
}

int cmd_explain(int argc, char **argv)
{
    /* --markdown is hidden from --help: it is how `make docs` writes
     * docs/checks.md from the table. */
    static const OptSpec opts[] = {{"help", 'h', false}, {"list", 0, false}, {"markdown", 0, false}};
    Opts o;
    if (!cli_parse(&o, opts, 3, argc, argv, "explain"))
        return 2;
    if (opts_has(&o, "help")) {
        fputs("usage: charterc explain CHECK\n       charterc explain --list [FAMILY]\n\n"
              "Prints what a check finds, why it matters and how to fix or allow it.\n"
              "--list prints every check name, one per line; with FAMILY (language, gap\n"
              "or conflict) only the checks of that family.\n", stdout);
        return 0;
    }
    if (opts_has(&o, "list")) {
        int family = -1;
        if (o.npositional > 1 ||
            (o.npositional == 1 && (family = check_family_find(o.positional[0])) < 0))
            return cli_fail("explain --list takes one FAMILY: language, gap or conflict");
        for (int i = 0; i < CHECK_COUNT; i++)
            if (family < 0 || check_table[i].family == (CheckFamily)family)
                puts(check_table[i].name);
        return 0;
    }
    if (opts_has(&o, "markdown")) {
        if (o.npositional != 0)
            return cli_fail("explain --markdown prints every check and takes no CHECK name");
        Buf b;
        buf_init(&b);
        check_reference_markdown(&b);
        fwrite(b.data, 1, b.len, stdout);
        buf_free(&b);
        return 0;
    }
    if (o.npositional != 1)
        return cli_fail("explain needs one CHECK name (see 'charterc explain --list')");
    const CheckInfo *ci = check_find(o.positional[0]);
    if (!ci) {
        Suggest s;
        suggest_init(&s, o.positional[0]);
        for (int i = 0; i < CHECK_COUNT; i++)
            suggest_offer(&s, check_table[i].name);
        if (suggest_best(&s))
            return cli_fail("there is no check named '%s'; did you mean '%s'?", o.positional[0],
                            suggest_best(&s));
        return cli_fail("there is no check named '%s' (see 'charterc explain --list')",
                        o.positional[0]);
    }
    Buf b;
    buf_init(&b);
    check_reference(ci, &b);
    fwrite(b.data, 1, b.len, stdout);
    buf_free(&b);
    return 0;
}
