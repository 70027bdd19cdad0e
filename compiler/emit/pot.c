/* pot.c - writing the template of an agreement's texts and merging it
 * into the translations (pot.h). */
#include "pot.h"

#include <stdlib.h>
#include <string.h>

/* A PO string: quoted, with the escapes gettext's reader knows. */
static void put_quoted(Buf *b, const char *s, size_t n)
{
    buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\t': buf_puts(b, "\\t"); break;
        case '\r': buf_puts(b, "\\r"); break;
        default:
            if (c < 0x20 || c == 0x7f)
                buf_printf(b, "\\%03o", c);
            else
                buf_putc(b, (char)c);
        }
    }
    buf_putc(b, '"');
}

/* `KEYWORD "TEXT"`, each line of the text quoted on its own after an
 * empty first string when it has more than one line, as gettext's tools
 * write it; `lead` ("#~ ", "#| ") starts every line. */
static void put_field(Buf *b, const char *lead, const char *keyword, const char *s)
{
    const char *nl = strchr(s, '\n');
    buf_printf(b, "%s%s ", lead, keyword);
    if (!nl || nl[1] == '\0') {
        put_quoted(b, s, strlen(s));
        buf_putc(b, '\n');
        return;
    }
    buf_puts(b, "\"\"\n");
    while (*s) {
        nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
        buf_puts(b, lead);
        put_quoted(b, s, n);
        buf_putc(b, '\n');
        s += n;
    }
}

/* Comment lines: `# TEXT` for each line of the translator's comments. */
static void put_comments(Buf *b, const char *mark, const char *text)
{
    while (text && *text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        buf_printf(b, "%s%s%.*s\n", mark, n ? " " : "", (int)n, text);
        text += nl ? n + 1 : n;
    }
}

/* The comments the template gives an entry: what the text is, where. */
static void put_origin(Buf *b, const SrcMgr *sm, const Text *t, const char *base)
{
    put_comments(b, "#.", t->what);
    if (t->span.file == NO_FILE)
        return;
    int line, col;
    src_linecol(sm, t->span, &line, &col);
    const char *file = sm->files.v[t->span.file]->display;
    size_t k = strlen(base);
    if (k && strncmp(file, base, k) == 0)
        file += k;
    buf_printf(b, "#: %s:%d\n", file, line);
}

static void put_entry(Buf *b, const char *lead, bool fuzzy, const char *prev, const char *ctx,
                      const char *msgid, const char *msgstr)
{
    if (fuzzy)
        buf_puts(b, "#, fuzzy\n");
    if (prev)
        put_field(b, "#| ", "msgid", prev);
    put_field(b, lead, "msgctxt", ctx);
    put_field(b, lead, "msgid", msgid);
    put_field(b, lead, "msgstr", msgstr);
}

void pot_write(Buf *out, const SrcMgr *sm, const TextList *texts, const char *base,
               const char *project, const char *title)
{
    buf_printf(out, "# The texts of the agreement \"%s\", for translation.\n", title);
    buf_puts(out, "# Written by `charterc i18n`: translate them in FILE.LANG.po beside the\n"
                  "# agreement (msginit -l LANG starts one from this file), and merge new\n"
                  "# texts into it with `charterc i18n FILE --update`.\n"
                  "#\n#, fuzzy\nmsgid \"\"\n");
    Buf h;
    buf_init(&h);
    buf_printf(&h, "Project-Id-Version: %s\n", project);
    buf_puts(&h, "Report-Msgid-Bugs-To: \n"
                 "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
                 "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
                 "Language-Team: LANGUAGE <LL@li.org>\n"
                 "Language: \n"
                 "MIME-Version: 1.0\n"
                 "Content-Type: text/plain; charset=UTF-8\n"
                 "Content-Transfer-Encoding: 8bit\n");
    put_field(out, "", "msgstr", buf_cstr(&h));
    buf_free(&h);
    for (int i = 0; i < texts->n; i++) {
        const Text *t = &texts->v[i];
        buf_putc(out, '\n');
        put_origin(out, sm, t, base);
        put_entry(out, "", false, NULL, t->context, *t->slot, "");
    }
}

void pot_merge(Buf *out, const SrcMgr *sm, const TextList *texts, const char *base,
               const Translation *old)
{
    /* The header has no context: put_entry would write one. */
    if (old->has_header) {
        put_comments(out, "#", old->header.comments);
        if (old->header.fuzzy)
            buf_puts(out, "#, fuzzy\n");
        put_field(out, "", "msgid", "");
        put_field(out, "", "msgstr", old->header.msgstr);
    }
    bool *used = old->entries.n ? calloc((size_t)old->entries.n, 1) : NULL;
    for (int i = 0; i < texts->n; i++) {
        const Text *t = &texts->v[i];
        const TrEntry *e = tr_find(old, t->context);
        if (e && !*e->msgstr && strcmp(e->msgid, *t->slot) != 0)
            e = NULL;   /* nothing to keep: a new text */
        if (e)
            used[e - old->entries.v] = true;
        if (out->len)
            buf_putc(out, '\n');
        if (e)
            put_comments(out, "#", e->comments);
        put_origin(out, sm, t, base);
        if (!e)
            put_entry(out, "", false, NULL, t->context, *t->slot, "");
        else if (strcmp(e->msgid, *t->slot) == 0)
            put_entry(out, "", e->fuzzy, e->fuzzy ? e->prev_msgid : NULL, t->context, *t->slot,
                      e->msgstr);
        else
            put_entry(out, "", true, e->msgid, t->context, *t->slot, e->msgstr);
    }
    for (int i = 0; i < old->entries.n; i++) {
        const TrEntry *e = &old->entries.v[i];
        if (used && used[i])
            continue;
        if (!*e->msgstr)
            continue;   /* msgmerge drops an untranslated entry whose text is gone */
        buf_putc(out, '\n');
        put_comments(out, "#", e->comments);
        put_entry(out, "#~ ", e->fuzzy, NULL, e->context, e->msgid, e->msgstr);
    }
    free(used);
}
