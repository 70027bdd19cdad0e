/* translation.c - reading FILE.LANG.po with libgettextpo and putting its
 * translations into the model (translation.h). */
#define _GNU_SOURCE     /* memfd_create */
#include "translation.h"

#include <errno.h>
#include <gettext-po.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

bool tr_lang_ok(const char *lang)
{
    size_t i = 0;
    while ((lang[i] >= 'a' && lang[i] <= 'z') || (lang[i] >= 'A' && lang[i] <= 'Z'))
        i++;
    if (i < 2 || i > 8)
        return false;
    if (lang[i] != '_' && lang[i] != '-')
        return lang[i] == '\0';
    size_t k = ++i;
    while ((lang[i] >= 'a' && lang[i] <= 'z') || (lang[i] >= 'A' && lang[i] <= 'Z') ||
           (lang[i] >= '0' && lang[i] <= '9'))
        i++;
    return lang[i] == '\0' && i - k >= 2 && i - k <= 8;
}

const char *tr_po_path(Arena *a, const char *path, const char *lang)
{
    size_t n = strlen(path), k = strlen(".charter");
    if (n > k && strcmp(path + n - k, ".charter") == 0)
        n -= k;
    return arena_printf(a, "%.*s.%s.po", (int)n, path, lang);
}

/* libgettextpo's error handler carries no pointer of the caller's, so the
 * file being read is here, one per thread, set only while po_file_read()
 * runs. */
typedef struct Reading {
    SrcMgr *sm;
    Diag *d;
    uint32_t file;
    int errors;
} Reading;
static _Thread_local Reading *reading;

static void po_problem(int severity, size_t lineno, const char *text)
{
    Reading *r = reading;
    /* A warning (a header field missing, say) does not stop gettext's
     * tools either. */
    if (!r || severity == PO_SEVERITY_WARNING)
        return;
    /* The summary gettext adds after the errors ("found 2 fatal errors")
     * has no line and repeats what was said. */
    if (r->errors > 0 && lineno == (size_t)-1)
        return;
    r->errors++;
    Span span = {r->file, 0, 0};
    size_t len = 0;
    const char *line = lineno != (size_t)-1 ? src_line(r->sm, r->file, (int)lineno, &len) : NULL;
    if (line) {
        span.lo = (uint32_t)(line - r->sm->files.v[r->file]->text);
        span.hi = span.lo + (uint32_t)len;
    }
    size_t n = strlen(text);
    while (n && text[n - 1] == '\n')
        n--;
    Diagnostic *g = diag_report(r->d, CHECK_TRANSLATION_SYNTAX, span, NULL,
                                "this translation file cannot be read: %.*s", (int)n, text);
    diag_hint(r->d, g, "correct the file with a PO editor, or check it with `msgfmt --check`; "
                       "until then no translation of it is used");
}

static void on_xerror(int severity, po_message_t message, const char *filename, size_t lineno,
                      size_t column, int multiline_p, const char *text)
{
    (void)message, (void)filename, (void)column, (void)multiline_p;
    po_problem(severity, lineno, text);
}

static void on_xerror2(int severity, po_message_t m1, const char *f1, size_t l1, size_t c1,
                       int ml1, const char *t1, po_message_t m2, const char *f2, size_t l2,
                       size_t c2, int ml2, const char *t2)
{
    (void)m1, (void)f1, (void)c1, (void)ml1, (void)m2, (void)f2, (void)l2, (void)c2, (void)ml2;
    /* Two places of one problem (a message defined twice): reported once,
     * at the later one, naming both texts. */
    char both[1024];
    snprintf(both, sizeof both, "%s %s", t1, t2);
    po_problem(severity, l1, both);
}

static const struct po_xerror_handler handler = {on_xerror, on_xerror2};

#ifdef __SANITIZE_ADDRESS__
/* libgettextpo 0.21 keeps some of what it allocated while reading a file
 * after po_file_free() (its name, among others): a few hundred bytes per
 * file, which LeakSanitizer would report on every run of the sanitizer
 * build.  Only its own allocations are suppressed, silently. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgettextpo\n";
}
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}
#endif

static void read_entries(Arena *a, Translation *t, po_file_t pf, SrcMgr *sm, uint32_t file)
{
    po_message_iterator_t it = po_message_iterator(pf, NULL);
    po_message_t msg;
    while ((msg = po_next_message(it)) != NULL) {
        const char *ctx = po_message_msgctxt(msg);
        const char *prev = po_message_prev_msgid(msg);
        TrEntry e = {ctx ? arena_strdup(a, ctx) : NULL, arena_strdup(a, po_message_msgid(msg)),
                     arena_strdup(a, po_message_msgstr(msg)), po_message_is_fuzzy(msg) != 0,
                     po_message_is_obsolete(msg) != 0, arena_strdup(a, po_message_comments(msg)),
                     prev ? arena_strdup(a, prev) : NULL, {file, 0, 0}};
        if (!ctx && !*e.msgid && !e.obsolete) {
            t->header = e;
            t->has_header = true;
            continue;
        }
        if (!ctx)
            continue;
        if (e.obsolete) {
            VEC_PUSH(a, t->entries, e);
            continue;
        }
        /* libgettextpo keeps no line of an entry it read; the reference
         * is found again: the first line `msgctxt "CONTEXT"`. */
        const SrcFile *f = sm->files.v[file];
        char *want = arena_printf(a, "msgctxt \"%s\"", ctx);
        const char *at = strstr(f->text, want);
        if (at)
            e.span = (Span){file, (uint32_t)(at - f->text), (uint32_t)(at - f->text + strlen(want))};
        size_t n = strlen(e.context);
        if (hmap_str_get(&t->by_context, e.context, n) >= 0)
            continue;
        hmap_str_put(&t->by_context, e.context, n, t->entries.n);
        VEC_PUSH(a, t->entries, e);
    }
    po_message_iterator_free(it);
}

/* Reads the PO file at `path` (its text already file `file` of sm). */
static Translation *read_po(Arena *a, SrcMgr *sm, Diag *d, const char *path, uint32_t file,
                            const char *lang, const char *shown, int *status)
{
    Reading r = {sm, d, file, 0};
    reading = &r;
    /* libgettextpo's messages are translated by gettext too: in the "C"
     * locale they are English, as every diagnostic is, whatever language
     * --lang chose for the documents (lang.h sets LC_MESSAGES for it). */
    char saved[64] = "C";
    const char *cur = setlocale(LC_MESSAGES, NULL);
    if (cur)
        snprintf(saved, sizeof saved, "%s", cur);
    setlocale(LC_MESSAGES, "C");
    po_file_t pf = po_file_read(path, &handler);
    setlocale(LC_MESSAGES, saved);
    reading = NULL;
    if (r.errors > 0 || !pf) {
        if (pf)
            po_file_free(pf);
        if (r.errors == 0)
            diag_report(d, CHECK_TRANSLATION_SYNTAX, (Span){file, 0, 0}, NULL,
                        "this translation file cannot be read");
        *status = 1;
        return NULL;
    }
    Translation *t = arena_alloc(a, sizeof *t);
    memset(t, 0, sizeof *t);
    t->lang = arena_strdup(a, lang);
    t->path = arena_strdup(a, shown);
    hmap_init_str(&t->by_context, a, 256, true);
    read_entries(a, t, pf, sm, file);
    po_file_free(pf);
    *status = 0;
    return t;
}

Translation *tr_load(Arena *a, SrcMgr *sm, Diag *d, const char *root_path, const char *lang,
                     int *status)
{
    const char *path = tr_po_path(a, root_path, lang);
    uint32_t file;
    int e = src_load(sm, path, path, &file);
    if (e == ENOENT) {
        Translation *t = arena_alloc(a, sizeof *t);
        memset(t, 0, sizeof *t);
        t->lang = arena_strdup(a, lang);
        t->path = path;
        t->missing = true;
        hmap_init_str(&t->by_context, a, 1, true);
        *status = 0;
        return t;
    }
    if (e) {
        fprintf(stderr, "charterc: error: cannot read %s: %s\n", path, strerror(e));
        *status = 2;
        return NULL;
    }
    return read_po(a, sm, d, path, file, lang, path, status);
}

Translation *tr_load_text(Arena *a, SrcMgr *sm, Diag *d, const char *display, const char *lang,
                          const char *text, size_t len, int *status)
{
    uint32_t file = src_add(sm, display, text, len);
    /* libgettextpo reads files only: the text is given to it as a file in
     * memory, by its name under /proc. */
    int fd = memfd_create("charter-po", MFD_CLOEXEC);
    if (fd < 0 || write(fd, text, len) != (ssize_t)len) {
        fprintf(stderr, "cannot hold the translations %s in memory: %s\n", display,
                strerror(errno));
        if (fd >= 0)
            close(fd);
        *status = 2;
        return NULL;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    Translation *t = read_po(a, sm, d, path, file, lang, display, status);
    close(fd);
    return t;
}

const TrEntry *tr_find(const Translation *t, const char *context)
{
    int k = hmap_str_get(&t->by_context, context, strlen(context));
    return k < 0 ? NULL : &t->entries.v[k];
}

const char *tr_lookup(const Translation *t, const Text *x)
{
    const TrEntry *e = tr_find(t, x->context);
    if (!e || e->fuzzy || !*e->msgstr || strcmp(e->msgid, *x->slot) != 0)
        return NULL;
    return e->msgstr;
}

void tr_apply(const Translation *t, const TextList *texts)
{
    for (int i = 0; i < texts->n; i++) {
        const char *s = tr_lookup(t, &texts->v[i]);
        if (s)
            *texts->v[i].slot = s;
    }
}
