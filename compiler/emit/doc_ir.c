/* doc_ir.c - building the block tree of a document (see doc.h). */
#include <stdarg.h>
#include <string.h>

#include "doc.h"

Doc *doc_new(Arena *a, DocKind kind, const char *title)
{
    Doc *d = arena_alloc(a, sizeof *d);
    d->a = a;
    d->kind = kind;
    d->title = title ? title : "";
    d->lang = lang_current()->code;
    return d;
}

const Lang *doc_lang_enter(const Doc *d)
{
    const Lang *was = lang_current();
    char err[256];
    /* The language was usable when the document was built. */
    (void)lang_use(d->lang, err, sizeof err);
    return was;
}

void doc_lang_leave(const Lang *was)
{
    char err[256];
    (void)lang_use(was->code, err, sizeof err);
}

DocText *dt_new(Doc *d)
{
    return arena_alloc(d->a, sizeof(DocText));
}

static DocText *push(Doc *d, DocText *t, DocStyle s, bool trusted, const char *text)
{
    if (!t)
        t = dt_new(d);
    if (s != DS_BREAK && (!text || !*text))
        return t;
    DocRun r = {s, trusted, text ? text : "", NULL};
    VEC_PUSH(d->a, t->runs, r);
    return t;
}

DocText *dt_add(Doc *d, DocText *t, DocStyle s, const char *text)
{
    return push(d, t, s, false, text);
}

DocText *dt_gen(Doc *d, DocText *t, DocStyle s, const char *text)
{
    return push(d, t, s, true, text);
}

DocText *dt_genf(Doc *d, DocText *t, DocStyle s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = arena_vprintf(d->a, fmt, ap);
    va_end(ap);
    return push(d, t, s, true, text);
}

DocText *dt_break(Doc *d, DocText *t)
{
    return push(d, t, DS_BREAK, true, NULL);
}

DocText *dt_link(Doc *d, DocText *t, const char *text, const char *href)
{
    t = push(d, t, DS_PLAIN, true, text);
    t->runs.v[t->runs.n - 1].href = href;
    return t;
}

DocText *dt_cat(Doc *d, DocText *t, const DocText *src)
{
    if (!t)
        t = dt_new(d);
    for (int i = 0; src && i < src->runs.n; i++)
        VEC_PUSH(d->a, t->runs, src->runs.v[i]);
    return t;
}

bool dt_empty(const DocText *t)
{
    return !t || t->runs.n == 0;
}

DocText *dt_user(Doc *d, const char *text)
{
    return dt_add(d, NULL, DS_PLAIN, text);
}

DocText *dt_text(Doc *d, const char *generated)
{
    return dt_gen(d, NULL, DS_PLAIN, generated);
}

static DocBlock *block(Doc *d, DocBlockKind k)
{
    DocBlock *b = arena_alloc(d->a, sizeof *b);
    b->kind = k;
    VEC_PUSH(d->a, d->blocks, b);
    return b;
}

DocBlock *doc_title(Doc *d, DocText *t)
{
    DocBlock *b = block(d, DB_TITLE);
    b->text = t;
    return b;
}

DocBlock *doc_heading(Doc *d, int level, const char *anchor, DocText *t)
{
    DocBlock *b = block(d, DB_HEADING);
    b->level = level;
    b->anchor = anchor;
    b->text = t;
    return b;
}

DocBlock *doc_para(Doc *d, DocText *t)
{
    DocBlock *b = block(d, DB_PARA);
    b->text = t;
    return b;
}

DocBlock *doc_list(Doc *d, bool ordered)
{
    DocBlock *b = block(d, DB_LIST);
    b->ordered = ordered;
    return b;
}

void doc_item(Doc *d, DocBlock *list, DocText *t)
{
    VEC_PUSH(d->a, list->items, t);
}

DocBlock *doc_fields(Doc *d)
{
    return block(d, DB_FIELDS);
}

void doc_field(Doc *d, DocBlock *fields, const char *label, DocText *value)
{
    if (dt_empty(value))
        return;
    DocField f = {label, value};
    VEC_PUSH(d->a, fields->fields, f);
}

DocBlock *doc_table(Doc *d, const char *align, ...)
{
    DocBlock *b = block(d, DB_TABLE);
    b->align = align;
    b->ncols = (int)strlen(align);
    b->head = arena_alloc(d->a, (size_t)b->ncols * sizeof *b->head);
    va_list ap;
    va_start(ap, align);
    for (int i = 0; i < b->ncols; i++)
        b->head[i] = dt_text(d, va_arg(ap, const char *));
    va_end(ap);
    return b;
}

DocText **doc_row(Doc *d, DocBlock *table)
{
    DocText **row = arena_alloc(d->a, (size_t)table->ncols * sizeof *row);
    for (int i = 0; i < table->ncols; i++)
        row[i] = dt_new(d);
    VEC_PUSH(d->a, table->rows, row);
    return row;
}

DocBlock *doc_signatures(Doc *d)
{
    return block(d, DB_SIGNATURES);
}

void doc_signature(Doc *d, DocBlock *b, DocText *party, DocText *signatory, DocText *title)
{
    DocSig s = {party, signatory, title};
    VEC_PUSH(d->a, b->sigs, s);
}

DocBlock *doc_figure(Doc *d, const char *svg, DocText *caption)
{
    DocBlock *b = block(d, DB_FIGURE);
    b->svg = svg;
    b->text = caption;
    return b;
}

void doc_pagebreak(Doc *d)
{
    block(d, DB_PAGEBREAK);
}
