/* doc_md.c - renders a document as Markdown (CommonMark with GitHub's
 * tables).
 *
 * User text goes through buf_md(), so a partner named `*bold*` or `a | b`
 * stays text, also inside a table.  Adjacent runs of one style are merged,
 * and spaces are kept outside the emphasis markers, which CommonMark
 * would otherwise not recognise.  Figures (SVG) and page breaks exist only
 * in the HTML; the Markdown carries the same content as tables. */
#include <string.h>

#include "doc.h"

typedef enum { IN_BLOCK, IN_TABLE } Ctx;

static void run_text(Buf *b, const DocRun *r)
{
    if (r->href)
        buf_printf(b, "[%s](%s)", r->text, r->href);
    else if (r->trusted || r->style == DS_CODE)
        buf_puts(b, r->text);
    else
        buf_md(b, r->text);
}

static const char *marker(DocStyle s)
{
    switch (s) {
    case DS_STRONG: return "**";
    case DS_EM: return "*";
    case DS_CODE: return "`";
    default: return "";
    }
}

static void inline_text(Buf *b, const DocText *t, Ctx ctx)
{
    if (!t)
        return;
    Buf seg;
    buf_init(&seg);
    for (int i = 0; i < t->runs.n;) {
        const DocRun *r = &t->runs.v[i];
        if (r->style == DS_BREAK) {
            buf_puts(b, ctx == IN_TABLE ? "<br>" : "\\\n  ");
            i++;
            continue;
        }
        /* A maximal group of runs of one style. */
        seg.len = 0;
        int j = i;
        while (j < t->runs.n && t->runs.v[j].style == r->style) {
            run_text(&seg, &t->runs.v[j]);
            j++;
        }
        i = j;
        const char *s = buf_cstr(&seg), *e = s + seg.len;
        const char *m = marker(r->style);
        if (!*m) {
            buf_put(b, s, seg.len);
            continue;
        }
        const char *lo = s, *hi = e;
        while (lo < hi && *lo == ' ')
            lo++;
        while (hi > lo && hi[-1] == ' ')
            hi--;
        buf_put(b, s, (size_t)(lo - s));
        if (hi > lo) {
            buf_puts(b, m);
            buf_put(b, lo, (size_t)(hi - lo));
            buf_puts(b, m);
        }
        buf_put(b, hi, (size_t)(e - hi));
    }
    buf_free(&seg);
}

static void table(Buf *b, const DocBlock *t)
{
    buf_putc(b, '|');
    for (int c = 0; c < t->ncols; c++) {
        buf_putc(b, ' ');
        inline_text(b, t->head[c], IN_TABLE);
        buf_puts(b, " |");
    }
    buf_puts(b, "\n|");
    for (int c = 0; c < t->ncols; c++)
        buf_puts(b, t->align[c] == 'r' ? "---:|" : "---|");
    buf_putc(b, '\n');
    for (int i = 0; i < t->rows.n; i++) {
        bool total = t->last_row_total && i == t->rows.n - 1;
        buf_putc(b, '|');
        for (int c = 0; c < t->ncols; c++) {
            const DocText *cell = t->rows.v[i][c];
            buf_putc(b, ' ');
            if (total && !dt_empty(cell))
                buf_puts(b, "**");
            inline_text(b, cell, IN_TABLE);
            if (total && !dt_empty(cell))
                buf_puts(b, "**");
            buf_puts(b, " |");
        }
        buf_putc(b, '\n');
    }
    buf_putc(b, '\n');
}

static void signatures(Buf *b, const DocBlock *s)
{
    for (int i = 0; i < s->sigs.n; i++) {
        buf_puts(b, "**For ");
        inline_text(b, s->sigs.v[i].party, IN_BLOCK);
        buf_puts(b, "**");
        if (s->sigs.v[i].signatory) {
            buf_puts(b, "\\\n");
            inline_text(b, s->sigs.v[i].signatory, IN_BLOCK);
        }
        if (s->sigs.v[i].title) {
            buf_puts(b, "\\\n");
            inline_text(b, s->sigs.v[i].title, IN_BLOCK);
        }
        buf_printf(b, "\n\n%s: ________________________________\\\n", L_("Signature"));
        if (!s->sigs.v[i].signatory)
            buf_printf(b, "%s: ________________________________\\\n", L_("Name"));
        buf_printf(b, "%s: ________________________________\n\n", L_("Date"));
    }
}

void doc_render_md(const Doc *d, Buf *b)
{
    const Lang *was = doc_lang_enter(d);
    if (d->banner)
        buf_printf(b, "> **%s**\n\n", d->banner);
    for (int i = 0; i < d->blocks.n; i++) {
        const DocBlock *x = d->blocks.v[i];
        switch (x->kind) {
        case DB_TITLE:
            buf_puts(b, "# ");
            inline_text(b, x->text, IN_BLOCK);
            buf_puts(b, "\n\n");
            break;
        case DB_HEADING:
            buf_puts(b, x->level <= 2 ? "## " : "### ");
            inline_text(b, x->text, IN_BLOCK);
            buf_puts(b, "\n\n");
            break;
        case DB_PARA:
            inline_text(b, x->text, IN_BLOCK);
            buf_puts(b, "\n\n");
            break;
        case DB_LIST:
            for (int k = 0; k < x->items.n; k++) {
                if (x->ordered)
                    buf_printf(b, "%d. ", k + 1);
                else
                    buf_puts(b, "- ");
                inline_text(b, x->items.v[k], IN_BLOCK);
                buf_putc(b, '\n');
            }
            buf_putc(b, '\n');
            break;
        case DB_FIELDS:
            for (int k = 0; k < x->fields.n; k++) {
                buf_printf(b, "- **%s:** ", x->fields.v[k].label);
                inline_text(b, x->fields.v[k].value, IN_BLOCK);
                buf_putc(b, '\n');
            }
            buf_putc(b, '\n');
            break;
        case DB_TABLE:
            table(b, x);
            break;
        case DB_SIGNATURES:
            signatures(b, x);
            break;
        case DB_FIGURE:
        case DB_PAGEBREAK:
            break;
        }
    }
    /* One trailing newline. */
    while (b->len > 1 && b->data[b->len - 1] == '\n' && b->data[b->len - 2] == '\n')
        b->len--;
    doc_lang_leave(was);
}
