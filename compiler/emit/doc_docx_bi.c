/* doc_docx_bi.c - a document in two languages as a Word file (doc_bi.h).
 *
 * Each unit (a heading and what follows it) is one table of two equal
 * columns without borders: its first row holds the two headings, its
 * second the two bodies, whose tables are nested in the cells; the first
 * language on the left, on Letter pages turned to landscape.  Word keeps the two languages of a section
 * side by side however long either is, lets the body row run over pages,
 * and keeps a heading row with the row after it (the heading styles keep
 * with next).  The signatures, under both columns, are one table of their
 * own with the labels in both languages.  The blocks are written by
 * doc_docx.c's body writer, with the width a column offers. */
#include <string.h>

#include "doc_bi.h"
#include "doc_docx_int.h"

/* A column's half of the text of a turned page (two columns of a
 * portrait page are too narrow for the tables), twips, and its gutter:
 * each column keeps DX_GUTTER from the middle. */
#define DX_GUTTER 200
#define DX_COL (DX_TEXT_WIDTH_WIDE / 2)

static void unit_open(Dx *x)
{
    Buf *b = x->b;
    /* As dx_table_open: two tables in a row would merge, and a page break
     * cannot sit on a table, so it goes into a paragraph before it, one
     * line of a single point (after a full page of signatures, a line of
     * text would not fit and leave a page empty). */
    if (x->after_table || x->break_before) {
        buf_printf(b, "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" "
                      "w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr>%s</w:p>\n",
                   x->break_before ? "<w:r><w:rPr><w:sz w:val=\"2\"/></w:rPr><w:br w:type=\"page\"/></w:r>" : "");
        x->break_before = false;
    }
    buf_printf(b, "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout "
                  "w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left "
                  "w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" "
                  "w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0000\" w:firstRow=\"0\" "
                  "w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" "
                  "w:noVBand=\"1\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol "
                  "w:w=\"%d\"/></w:tblGrid>\n", DX_COL, DX_COL);
}

/* Blocks [from, to) of one side as a cell. */
static void cell(Dx *x, const DocBi *bi, int side, int from, int to)
{
    Buf *b = x->b;
    const Doc *d = bi->doc[side];
    doc_bi_use(bi, side);
    buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/><w:tcMar><w:%s w:w=\"%d\" "
                  "w:type=\"dxa\"/></w:tcMar></w:tcPr>", DX_COL, side ? "left" : "right",
               DX_GUTTER);
    size_t start = b->len;
    x->after_table = false;
    x->text_width = DX_COL - DX_GUTTER;
    for (int i = from; i < to; i++)
        if (d->blocks.v[i]->kind != DB_PAGEBREAK)
            dx_block(x, d->blocks.v[i], DX_SAME);
    /* A cell ends with a paragraph. */
    if (x->after_table || b->len == start)
        buf_puts(b, "<w:p/>");
    x->after_table = false;
    x->text_width = 0;
    buf_puts(b, "</w:tc>\n");
}

/* Both sides' blocks as one row; nothing when both ranges hold nothing
 * to write.  `head`: the row of the headings, never split. */
static void row(Dx *x, const DocBi *bi, const int from[2], const int to[2], bool head)
{
    if (!doc_bi_any(bi, from, to))
        return;
    buf_puts(x->b, head ? "<w:tr><w:trPr><w:cantSplit/></w:trPr>" : "<w:tr>");
    for (int s = 0; s < 2; s++)
        cell(x, bi, s, from[s], to[s]);
    buf_puts(x->b, "</w:tr>\n");
}

/* One paragraph of generated text in `style`. */
static void gen_para(Dx *x, const char *style, const char *text)
{
    dx_para_open(x, style, NULL, 0, DX_SAME);
    if (text && *text)
        dx_run_of(x, DS_PLAIN, false, false, text, DX_SAME);
    dx_para_close(x->b);
}

static void runs(Dx *x, const DocText *t)
{
    for (int i = 0; t && i < t->runs.n; i++)
        dx_run(x, &t->runs.v[i], false, DX_SAME);
}

/* "For PARTY" in side's language: the text around %s of the format; the
 * second language's line under the first, in the style of the names. */
static void party(Dx *x, const DocBi *bi, int side, const DocText *p)
{
    doc_bi_use(bi, side);
    const char *f = L_("For %s"), *at = strstr(f, "%s");
    dx_para_open(x, side ? "SignatureWho" : "SignatureParty", NULL, 0, DX_SAME);
    if (at) {
        const char *pre = arena_strndup(x->d->a, f, (size_t)(at - f));
        dx_run_of(x, DS_PLAIN, false, false, pre, DX_SAME);
    }
    runs(x, p);
    if (at && at[2])
        dx_run_of(x, DS_PLAIN, false, false, at + 2, DX_SAME);
    dx_para_close(x->b);
}

static const char *label(const DocBi *bi, Arena *a, const char *msgid)
{
    doc_bi_use(bi, 0);
    const char *l = L_(msgid);
    doc_bi_use(bi, 1);
    return doc_bi_both(a, l, L_(msgid));
}

/* One signature block with both languages' labels, as doc_docx.c's. */
static void signature(Dx *x, const DocBi *bi, const DocSig *l, const DocSig *r)
{
    Arena *a = x->d->a;
    party(x, bi, 0, l->party);
    /* The second language's line only when it says something else. */
    doc_bi_use(bi, 0);
    const char *lf = L_("For %s");
    doc_bi_use(bi, 1);
    if (strcmp(lf, L_("For %s")) != 0 || !doc_bi_same_text(l->party, r->party))
        party(x, bi, 1, r->party);
    dx_para_open(x, "SignatureWho", NULL, 0, DX_SAME);
    runs(x, l->signatory);
    if (l->signatory && l->title)
        buf_puts(x->b, "<w:r><w:br/></w:r>");
    runs(x, l->title);
    if (l->title && r->title && !doc_bi_same_text(l->title, r->title)) {
        dx_run_of(x, DS_PLAIN, false, false, " / ", DX_SAME);
        runs(x, r->title);
    }
    dx_para_close(x->b);
    gen_para(x, "SignatureLine", "");
    gen_para(x, "SignatureLabel", label(bi, a, N_("Signature")));
    if (!l->signatory) {
        gen_para(x, "SignatureLine", "");
        gen_para(x, "SignatureLabel", label(bi, a, N_("Name")));
    }
    gen_para(x, "SignatureLine", "");
    /* The last label does not keep with the next paragraph: LibreOffice
     * would keep the whole table with what follows it, and move it to a
     * page of its own. */
    buf_puts(x->b, "<w:p><w:pPr><w:pStyle w:val=\"SignatureLabel\"/><w:keepNext w:val=\"0\"/>"
                   "</w:pPr>");
    dx_run_of(x, DS_PLAIN, false, false, label(bi, a, N_("Date")), DX_SAME);
    dx_para_close(x->b);
}

static void signatures(Dx *x, const DocBi *bi, const DocBiUnit *u)
{
    const DocBlock *l = bi->doc[0]->blocks.v[u->sigs[0]], *r = bi->doc[1]->blocks.v[u->sigs[1]];
    dx_table_open(x, l);
    for (int i = 0; i < l->sigs.n; i += 2) {
        dx_row_open(x, false, DX_SAME);
        for (int c = 0; c < 2; c++) {
            dx_cell_open(x, c);
            if (i + c < l->sigs.n)
                signature(x, bi, &l->sigs.v[i + c], &r->sigs.v[i + c]);
            else
                gen_para(x, NULL, "");
            buf_puts(x->b, "</w:tc>");
        }
        buf_puts(x->b, "</w:tr>\n");
    }
    dx_table_close(x);
}

/* A unit: the headings' row and the bodies' row in one table; with the
 * signatures, the rows before them, the signatures' own table, and a
 * table for any rows after them. */
static void unit(Dx *x, const DocBi *bi, const DocBiUnit *u)
{
    x->break_before = u->page_before;
    unit_open(x);
    row(x, bi, u->head, u->body, true);
    row(x, bi, u->body, u->sigs[0] >= 0 ? u->sigs : u->to, false);
    dx_table_close(x);
    if (u->sigs[0] < 0)
        return;
    signatures(x, bi, u);
    int after[2] = {u->sigs[0] + 1, u->sigs[1] + 1};
    if (after[0] < u->to[0] || after[1] < u->to[1]) {
        unit_open(x);
        row(x, bi, after, u->to, false);
        dx_table_close(x);
    }
}

bool doc_bi_render_docx(const DocBi *bi, long long epoch, Buf *out, char *err, size_t errlen)
{
    const Doc *l = bi->doc[0], *r = bi->doc[1];
    /* The page's own words (footer, proofing language) in the first
     * language, whichever column was written last. */
    const Lang *was = doc_lang_enter(l);
    Doc page = *l;
    page.title = doc_bi_both(l->a, l->title, r->title);
    page.banner = l->banner ? doc_bi_both(l->a, l->banner, r->banner) : NULL;
    Buf body;
    buf_init(&body);
    Dx x;
    dx_init(&x, &page, &body, dx_iso_time(l->a, epoch));
    x.landscape = true;
    dx_begin(&x);
    for (int i = 0; i < bi->units.n; i++)
        unit(&x, bi, &bi->units.v[i]);
    doc_bi_use(bi, 0);
    dx_end(&x);
    bool ok = dx_package(&x, &body, epoch, out, err, errlen);
    buf_free(&body);
    doc_lang_leave(was);
    return ok;
}
