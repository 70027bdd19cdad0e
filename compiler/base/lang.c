/* lang.c - the language of fixed text, through glibc's gettext (lang.h). */
#include "lang.h"

#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suggest.h"

/* The Makefile passes both; the defaults serve builds that do not (the
 * fuzzers), which use English only. */
#ifndef CHARTER_LOCALEDIR
#define CHARTER_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef CHARTER_BUILD_DIR
#define CHARTER_BUILD_DIR ""
#endif

/* gettext caches every translation it has looked up; incrementing this
 * counter (GNU gettext manual, "Being a gettext grok") makes it look
 * again after LANGUAGE changed. */
extern int _nl_msg_cat_cntr;

static const Lang langs[] = {
    {"en", "English", "en", "en_001"},
    {"es", "Spanish", "es", "es"},
    {"fr", "French", "fr", "fr"},
    {"ht", "Haitian Creole", "ht:fr", "fr_HT"},
};
enum { NLANGS = sizeof langs / sizeof langs[0] };

static const Lang *current = &langs[0];
static bool bound;          /* bindtextdomain done */
static char localedir[PATH_MAX];

const Lang *lang_all(void)
{
    return langs;
}

int lang_count(void)
{
    return NLANGS;
}

const Lang *lang_find(const char *code)
{
    for (int i = 0; i < NLANGS; i++)
        if (strcmp(langs[i].code, code) == 0)
            return &langs[i];
    return NULL;
}

const char *lang_codes_text(void)
{
    static char text[64];
    if (!*text) {
        size_t n = 0;
        for (int i = 0; i < NLANGS; i++)
            n += (size_t)snprintf(text + n, sizeof text - n, "%s%s",
                                  i == 0 ? "" : i == NLANGS - 1 ? " and " : ", ", langs[i].code);
    }
    return text;
}

/* Whether the running executable lies in the build tree whose catalogues
 * are CHARTER_BUILD_DIR/locale. */
static bool in_build_tree(void)
{
    size_t n = strlen(CHARTER_BUILD_DIR);
    char exe[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n == 0 || k <= 0)
        return false;
    exe[k] = '\0';
    return strncmp(exe, CHARTER_BUILD_DIR, n) == 0 && exe[n] == '/';
}

const char *lang_localedir(void)
{
    if (!*localedir) {
        const char *env = getenv("CHARTER_LOCALEDIR");
        if (env && *env)
            snprintf(localedir, sizeof localedir, "%s", env);
        else if (in_build_tree())
            snprintf(localedir, sizeof localedir, "%s/locale", CHARTER_BUILD_DIR);
        else
            snprintf(localedir, sizeof localedir, "%s", CHARTER_LOCALEDIR);
    }
    return localedir;
}

/* False, with the sentence, when a catalogue of l's chain is missing. */
static bool have_catalogues(const Lang *l, char *err, size_t errlen)
{
    const char *c = l->chain;
    while (*c) {
        size_t n = strcspn(c, ":");
        char path[PATH_MAX + 64];
        snprintf(path, sizeof path, "%s/%.*s/LC_MESSAGES/" LANG_DOMAIN ".mo", lang_localedir(),
                 (int)n, c);
        if (access(path, R_OK) != 0) {
            const Lang *m = NULL;
            for (int i = 0; i < NLANGS; i++)
                if (strlen(langs[i].code) == n && strncmp(langs[i].code, c, n) == 0)
                    m = &langs[i];
            snprintf(err, errlen,
                     "the %s catalogue is missing (no %s); install Charter, or set "
                     "CHARTER_LOCALEDIR to the folder that holds LANG/LC_MESSAGES/" LANG_DOMAIN
                     ".mo",
                     m ? m->name : l->name, path);
            return false;
        }
        c += n + (c[n] == ':');
    }
    return true;
}

bool lang_use(const char *code, char *err, size_t errlen)
{
    const Lang *l = lang_find(code);
    if (!l) {
        const char *codes[NLANGS];
        for (int i = 0; i < NLANGS; i++)
            codes[i] = langs[i].code;
        const char *s = suggest_from(code, codes, NLANGS);
        const char *q = code;
        char cut[SUGGEST_QUOTE_MAX + 4];
        if (strlen(code) > SUGGEST_QUOTE_MAX) {
            snprintf(cut, sizeof cut, "%.*s...", SUGGEST_QUOTE_MAX, code);
            q = cut;
        }
        if (s)
            snprintf(err, errlen, "unknown language '%s'; did you mean '%s'? (Charter ships %s)",
                     q, s, lang_codes_text());
        else
            snprintf(err, errlen, "unknown language '%s' (Charter ships %s)", q,
                     lang_codes_text());
        return false;
    }
    if (strcmp(l->code, "en") != 0) {
        if (!have_catalogues(l, err, errlen) || !lang_icu_load(err, errlen))
            return false;
        /* Without this locale glibc's gettext ignores LANGUAGE and would
         * answer English silently. */
        if (!setlocale(LC_MESSAGES, "C.UTF-8")) {
            snprintf(err, errlen, "the C.UTF-8 locale is not available (glibc 2.35 or later has "
                                  "it built in), so the %s text cannot be looked up",
                     l->name);
            return false;
        }
        if (!bound) {
            bindtextdomain(LANG_DOMAIN, lang_localedir());
            /* The catalogues are UTF-8 and so is every output: no
             * conversion to LC_CTYPE's charset, which is ASCII in "C". */
            bind_textdomain_codeset(LANG_DOMAIN, "UTF-8");
            bound = true;
        }
        setenv("LANGUAGE", l->chain, 1);
        ++_nl_msg_cat_cntr;
    }
    current = l;
    return true;
}

const Lang *lang_current(void)
{
    return current;
}

bool lang_is_english(void)
{
    return current == &langs[0];
}

const char *lang_text(const char *msgid)
{
    if (lang_is_english() || !*msgid)
        return msgid;
    return dgettext(LANG_DOMAIN, msgid);
}

const char *lang_ntext(const char *one, const char *many, unsigned long n)
{
    if (lang_is_english())
        return n == 1 ? one : many;
    return dngettext(LANG_DOMAIN, one, many, n);
}

/* gettext's msgctxt: the catalogue's key is CONTEXT EOT MSGID. */
const char *lang_ptext(const char *ctx, const char *msgid)
{
    if (lang_is_english())
        return msgid;
    char key[512];
    int n = snprintf(key, sizeof key, "%s\004%s", ctx, msgid);
    if (n < 0 || (size_t)n >= sizeof key)
        return msgid;
    const char *t = dgettext(LANG_DOMAIN, key);
    return t == key ? msgid : t;
}
