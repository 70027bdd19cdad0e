/* opts.c - the command-line option parser; see opts.h. */
#include "opts.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "suggest.h"

static void fail(const OptsProgram *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(const OptsProgram *p, const char *fmt, ...)
{
    Buf b;
    buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (p->error)
        p->error(p->name, buf_cstr(&b));
    else
        fprintf(stderr, "%s: error: %s\n", p->name, buf_cstr(&b));
    buf_free(&b);
}

/* The spec of index k: the command's first, then the program's. */
static const OptSpec *spec_at(const Opts *o, int k)
{
    return k < o->nspecs ? &o->specs[k] : &o->common[k - o->nspecs];
}

/* The index of the option named name[0..len), or -1.  Names are unique
 * among a command's options and the program's. */
static int find_long(const Opts *o, const char *name, size_t len)
{
    for (int k = 0; k < o->nspecs + o->ncommon; k++) {
        const char *s = spec_at(o, k)->name;
        if (strlen(s) == len && strncmp(s, name, len) == 0)
            return k;
    }
    return -1;
}

static int find_short(const Opts *o, char c)
{
    for (int k = 0; k < o->nspecs + o->ncommon; k++)
        if (spec_at(o, k)->short_name == c)
            return k;
    return -1;
}

static bool is_positional(const OptsProgram *p, const char *a)
{
    if (a[0] != '-' || strcmp(a, "-") == 0)
        return true;
    /* A negative number is a value (the tracker's `record x -3`). */
    return p->numbers_positional &&
           ((a[1] >= '0' && a[1] <= '9') || (a[1] == '.' && a[2] >= '0' && a[2] <= '9'));
}

/* "unknown option '--WORD'", with the closest option name when there is one. */
static void unknown_long(const Opts *o, const OptsProgram *p, const char *cmd, const char *name,
                         size_t len)
{
    char word[64];
    snprintf(word, sizeof word, "%.*s", (int)len, name);
    Suggest s;
    suggest_init(&s, word);
    for (int k = 0; k < o->nspecs + o->ncommon; k++)
        suggest_offer(&s, spec_at(o, k)->name);
    if (suggest_best(&s))
        fail(p, "unknown option '--%s' for '%s'; did you mean '--%s'?", word, cmd,
             suggest_best(&s));
    else
        fail(p, "unknown option '--%s' for '%s' (see '%s %s --help')", word, cmd, p->name, cmd);
}

bool opts_parse(Opts *o, const OptsProgram *p, const char *cmd, const OptSpec *specs,
                int nspecs, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->specs = specs;
    o->nspecs = nspecs;
    o->common = p->common;
    o->ncommon = p->ncommon;
    assert(nspecs + p->ncommon <= OPTS_MAX);
    bool only_positional = false;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (only_positional || is_positional(p, a)) {
            if (o->npositional == OPTS_MAX_POSITIONAL) {
                fail(p, "too many arguments");
                return false;
            }
            o->positional[o->npositional++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_positional = true;
            continue;
        }
        int k;
        const char *value = NULL;
        if (a[1] == '-') {
            const char *name = a + 2, *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            k = find_long(o, name, len);
            if (k < 0) {
                unknown_long(o, p, cmd, name, len);
                return false;
            }
            if (eq)
                value = eq + 1;
        } else {
            k = a[2] == '\0' ? find_short(o, a[1]) : -1;
            if (k < 0) {
                fail(p, "unknown option '%s' for '%s' (see '%s %s --help')", a, cmd, p->name, cmd);
                return false;
            }
        }
        const OptSpec *spec = spec_at(o, k);
        if (spec->has_value) {
            if (!value) {
                if (i + 1 >= argc) {
                    fail(p, "option '--%s' needs a value", spec->name);
                    return false;
                }
                value = argv[++i];
            }
        } else if (value) {
            fail(p, "option '--%s' takes no value", spec->name);
            return false;
        } else {
            value = "";
        }
        o->values[k] = value;
    }
    return true;
}

const char *opts_get(const Opts *o, const char *name)
{
    int k = find_long(o, name, strlen(name));
    return k < 0 ? NULL : o->values[k];
}

bool opts_has(const Opts *o, const char *name)
{
    return opts_get(o, name) != NULL;
}
