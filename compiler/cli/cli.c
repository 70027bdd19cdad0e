/* cli.c - option parsing and helpers shared by the subcommands. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"

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

static int find_long(const OptSpec *specs, int n, const char *name, size_t len)
{
    for (int i = 0; i < n; i++)
        if (strlen(specs[i].name) == len && strncmp(specs[i].name, name, len) == 0)
            return i;
    return -1;
}

bool cli_parse(Opts *o, const OptSpec *specs, int nspecs, int argc, char **argv, const char *cmd)
{
    memset(o, 0, sizeof *o);
    o->specs = specs;
    o->nspecs = nspecs;
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            if (o->npositional == 256) {
                cli_fail("too many arguments");
                return false;
            }
            o->positional[o->npositional++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = true;
            continue;
        }
        int k;
        const char *value = NULL;
        if (a[1] == '-') {
            const char *name = a + 2, *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            k = find_long(specs, nspecs, name, len);
            if (k < 0) {
                Suggest s;
                char word[64];
                snprintf(word, sizeof word, "%.*s", (int)len, name);
                suggest_init(&s, word);
                for (int j = 0; j < nspecs; j++)
                    suggest_offer(&s, specs[j].name);
                if (suggest_best(&s))
                    cli_fail("unknown option '--%s' for '%s'; did you mean '--%s'?", word, cmd,
                             suggest_best(&s));
                else
                    cli_fail("unknown option '--%s' for '%s' (see 'charterc %s --help')", word,
                             cmd, cmd);
                return false;
            }
            if (eq)
                value = eq + 1;
        } else {
            k = -1;
            for (int j = 0; j < nspecs; j++)
                if (specs[j].short_name == a[1] && a[2] == '\0')
                    k = j;
            if (k < 0) {
                cli_fail("unknown option '%s' for '%s' (see 'charterc %s --help')", a, cmd, cmd);
                return false;
            }
        }
        if (specs[k].has_value) {
            if (!value) {
                if (i + 1 >= argc) {
                    cli_fail("option '--%s' needs a value", specs[k].name);
                    return false;
                }
                value = argv[++i];
            }
        } else if (value) {
            cli_fail("option '--%s' takes no value", specs[k].name);
            return false;
        } else {
            value = "";
        }
        o->values[k] = value;
    }
    return true;
}

const char *cli_get(const Opts *o, const char *name)
{
    int k = find_long(o->specs, o->nspecs, name, strlen(name));
    return k < 0 ? NULL : o->values[k];
}

bool cli_has(const Opts *o, const char *name)
{
    return cli_get(o, name) != NULL;
}

bool cli_color(const Opts *o)
{
    return diag_want_color(cli_get(o, "color"), stderr);
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
