/* doc_docx.c - renders a document as a Word file (WordprocessingML): the
 * blocks and runs of the tree as word/document.xml; doc_docx_pkg.c
 * wraps it into the package.
 *
 * Every block maps to a Word style rather than to direct formatting, so
 * the file edits like one written in Word: the title is Title, the lead
 * line Subtitle, sections Heading 1 and subsections Heading 2 (a deeper
 * level Heading 3), lists List Bullet and List Number (each ordered list
 * restarts at 1), tables the Charter Table style with a repeated header
 * row and rows that never split across pages.  A page break in the tree
 * becomes "page break before" on the next paragraph.  Figures are SVG for
 * the HTML page only; as in the Markdown, the tables carry their content. */
#include <string.h>

#include "doc_docx_int.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

void dx_init(Dx *x, const Doc *d, Buf *b, const char *stamp)
{
    memset(x, 0, sizeof *x);
    x->d = d;
    x->b = b;
    x->stamp = stamp;
}

void dx_text(Buf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '&': buf_puts(b, "&amp;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        case '\t':
        case '\n':
        case '\r':
            /* A line break in the source is a soft wrap (the HTML page
             * shows a space): it and the indentation after it are one
             * space. */
            while (p[1] == ' ' || p[1] == '\t' || p[1] == '\n' || p[1] == '\r')
                p++;
            buf_putc(b, ' ');
            break;
        default:
            if (*p < 0x20)
                buf_puts(b, "\xef\xbf\xbd");
            else
                buf_putc(b, (char)*p);
        }
    }
}

void dx_plain(Buf *b, const char *s)
{
    for (; *s; s++) {
        char one[2] = {(unsigned char)*s < 0x20 ? ' ' : *s, '\0'};
        buf_xml(b, one);
    }
}

void dx_mark_open(Dx *x, DxMark mark)
{
    if (mark == DX_SAME)
        return;
    buf_printf(x->b, "<w:%s w:id=\"%d\" w:author=\"charterc\" w:date=\"%s\">",
               mark == DX_INS ? "ins" : "del", ++x->change_id, x->stamp);
}

void dx_mark_close(Dx *x, DxMark mark)
{
    if (mark != DX_SAME)
        buf_puts(x->b, mark == DX_INS ? "</w:ins>" : "</w:del>");
}

void dx_run_of(Dx *x, DocStyle style, bool bold, bool link, const char *text, DxMark mark)
{
    Buf *b = x->b;
    dx_mark_open(x, mark);
    buf_puts(b, "<w:r>");
    if (style == DS_CODE || link || bold || style == DS_STRONG || style == DS_EM) {
        buf_puts(b, "<w:rPr>");
        if (style == DS_CODE)
            buf_puts(b, "<w:rStyle w:val=\"Code\"/>");
        else if (link)
            buf_puts(b, "<w:rStyle w:val=\"Hyperlink\"/>");
        if (bold || style == DS_STRONG)
            buf_puts(b, "<w:b/>");
        if (style == DS_EM)
            buf_puts(b, "<w:i/>");
        buf_puts(b, "</w:rPr>");
    }
    if (style == DS_BREAK) {
        buf_puts(b, "<w:br/>");
    } else {
        const char *el = mark == DX_DEL ? "w:delText" : "w:t";
        buf_printf(b, "<%s xml:space=\"preserve\">", el);
        dx_text(b, text);
        buf_printf(b, "</%s>", el);
    }
    buf_puts(b, "</w:r>");
    dx_mark_close(x, mark);
}

void dx_run(Dx *x, const DocRun *r, bool bold, DxMark mark)
{
    /* A link is a relationship of the document part; in the redline a
     * marked run keeps the link's look without the link. */
    if (r->href && mark == DX_SAME) {
        VEC_PUSH(x->d->a, x->links, r->href);
        buf_printf(x->b, "<w:hyperlink r:id=\"rIdL%d\">", x->links.n);
        dx_run_of(x, r->style, bold, true, r->text, mark);
        buf_puts(x->b, "</w:hyperlink>");
        return;
    }
    dx_run_of(x, r->style, bold, r->href != NULL, r->text, mark);
}

static void runs(Dx *x, const DocText *t, bool bold, DxMark mark)
{
    for (int i = 0; t && i < t->runs.n; i++)
        dx_run(x, &t->runs.v[i], bold, mark);
}

void dx_para_open(Dx *x, const char *style, const char *jc, int num, DxMark mark)
{
    Buf *b = x->b;
    buf_puts(b, "<w:p><w:pPr>");
    if (style)
        buf_printf(b, "<w:pStyle w:val=\"%s\"/>", style);
    if (x->break_before)
        buf_puts(b, "<w:pageBreakBefore/>");
    x->break_before = false;
    if (num)
        buf_printf(b, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"%d\"/></w:numPr>", num);
    if (x->after_table)
        buf_puts(b, "<w:spacing w:before=\"200\"/>");
    if (jc)
        buf_printf(b, "<w:jc w:val=\"%s\"/>", jc);
    /* The paragraph mark of a paragraph added or removed whole. */
    if (mark != DX_SAME) {
        buf_puts(b, "<w:rPr>");
        buf_printf(b, "<w:%s w:id=\"%d\" w:author=\"charterc\" w:date=\"%s\"/>",
                   mark == DX_INS ? "ins" : "del", ++x->change_id, x->stamp);
        buf_puts(b, "</w:rPr>");
    }
    buf_puts(b, "</w:pPr>");
    x->after_table = false;
}

void dx_para_close(Buf *b)
{
    buf_puts(b, "</w:p>\n");
}

static void para(Dx *x, const char *style, const DocText *t, DxMark mark)
{
    dx_para_open(x, style, NULL, 0, mark);
    runs(x, t, false, mark);
    dx_para_close(x->b);
}

/* A paragraph of generated text (labels of the signature blocks). */
static void para_gen(Dx *x, const char *style, const char *text, DxMark mark)
{
    dx_para_open(x, style, NULL, 0, mark);
    if (text && *text)
        dx_run_of(x, DS_PLAIN, false, false, text, mark);
    dx_para_close(x->b);
}

const char *dx_list_style(const DocBlock *blk)
{
    return blk->ordered ? "ListNumber" : "ListBullet";
}

int dx_list_begin(Dx *x, const DocBlock *blk)
{
    return blk->ordered ? 2 + ++x->nordered : 1;
}

const char *dx_cell_jc(const DocBlock *blk, int col)
{
    return blk->kind == DB_TABLE && blk->align && blk->align[col] == 'r' ? "right" : NULL;
}

/* The length of a cell's text and of its longest word, in bytes. */
static void measure(const DocText *t, int *len, int *word)
{
    int n = 0, w = 0;
    for (int i = 0; t && i < t->runs.n; i++) {
        for (const char *p = t->runs.v[i].text; *p; p++) {
            n++;
            w = *p == ' ' ? 0 : w + 1;
            *word = w > *word ? w : *word;
        }
    }
    *len = n > *len ? n : *len;
}

/* Column widths for a table of `width` twips.  A column gets at least the room
 * of its longest word, up to 12 characters (so no word is cut; headings
 * are in capitals and count wider), and the rest of the width goes to the columns in
 * proportion to how much more their longest cell (up to 60 characters)
 * wants: a column of amounts stays narrow, one of descriptions gets the
 * room. */
#define DX_CHAR 115     /* the width of an average character of table text */
#define DX_PAD 300      /* a cell's margins and some slack */
static void grid(Buf *b, const DocBlock *blk, int *widths, int width)
{
    int ncols = blk->kind == DB_TABLE ? blk->ncols : 2;
    if (ncols > DX_MAX_COLS)
        ncols = DX_MAX_COLS;
    long lo[DX_MAX_COLS], want[DX_MAX_COLS], sum_lo = 0, sum_want = 0;
    for (int c = 0; c < ncols; c++) {
        int len = 0, word = 0, hlen = 0, hword = 0;
        if (blk->kind == DB_TABLE) {
            measure(blk->head[c], &hlen, &hword);
            for (int r = 0; r < blk->rows.n; r++)
                measure(blk->rows.v[r][c], &len, &word);
            hword += hword / 3 + 1;
            word = hword > word ? hword : word;
        } else {
            /* Fields: the labels' column; signatures: two halves. */
            word = blk->kind == DB_FIELDS && c == 0 ? 22 : 30;
            len = blk->kind == DB_FIELDS && c == 1 ? 60 : word;
        }
        /* An identifier longer than that may break; a word should not. */
        lo[c] = (long)(word > 12 ? 12 : word) * DX_CHAR + DX_PAD;
        want[c] = (long)(len > 60 ? 60 : len) * DX_CHAR + DX_PAD;
        if (want[c] < lo[c])
            want[c] = lo[c];
        sum_lo += lo[c];
        sum_want += want[c];
    }
    for (int c = 0; c < ncols; c++) {
        if (sum_want <= width)
            widths[c] = (int)(want[c] * width / sum_want);
        else if (sum_lo >= width)
            widths[c] = (int)(lo[c] * width / sum_lo);
        else
            widths[c] = (int)(lo[c] + (want[c] - lo[c]) * (width - sum_lo) /
                                          (sum_want - sum_lo));
    }
    buf_puts(b, "<w:tblGrid>");
    for (int c = 0; c < ncols; c++)
        buf_printf(b, "<w:gridCol w:w=\"%d\"/>", widths[c]);
    buf_puts(b, "</w:tblGrid>");
}

void dx_table_open(Dx *x, const DocBlock *blk)
{
    Buf *b = x->b;
    /* Two tables in a row would become one; a page break cannot sit on a
     * table, so it goes on a paragraph of its own. */
    if (x->after_table || x->break_before) {
        buf_printf(b, "<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>%s</w:p>\n",
                   x->break_before ? "<w:r><w:br w:type=\"page\"/></w:r>" : "");
        x->break_before = false;
    }
    x->after_table = false;
    const char *style = blk->kind == DB_FIELDS ? "CharterFields"
                        : blk->kind == DB_SIGNATURES ? "CharterSignatures" : "CharterTable";
    buf_printf(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"%s\"/><w:tblW w:w=\"5000\" "
                  "w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"%s\" "
                  "w:firstRow=\"%d\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
                  "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>",
               style, blk->kind == DB_TABLE ? "04A0" : "0480", blk->kind == DB_TABLE);
    grid(b, blk, x->widths, x->text_width ? x->text_width : DX_TEXT_WIDTH);
}

void dx_row_open(Dx *x, bool header, DxMark mark)
{
    Buf *b = x->b;
    buf_puts(b, "<w:tr><w:trPr><w:cantSplit/>");
    if (header)
        buf_puts(b, "<w:tblHeader/>");
    if (mark != DX_SAME)
        buf_printf(b, "<w:%s w:id=\"%d\" w:author=\"charterc\" w:date=\"%s\"/>",
                   mark == DX_INS ? "ins" : "del", ++x->change_id, x->stamp);
    buf_puts(b, "</w:trPr>");
}

void dx_cell_open(Dx *x, int col)
{
    buf_printf(x->b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>",
               col < DX_MAX_COLS ? x->widths[col] : 0);
}

void dx_table_close(Dx *x)
{
    buf_puts(x->b, "</w:tbl>\n");
    x->after_table = true;
}

/* One cell of a table: one paragraph. */
static void cell(Dx *x, const DocBlock *blk, int col, const char *style, const DocText *t,
                 bool bold, DxMark mark)
{
    dx_cell_open(x, col);
    dx_para_open(x, style, dx_cell_jc(blk, col), 0, DX_SAME);
    runs(x, t, bold, mark);
    dx_para_close(x->b);
    buf_puts(x->b, "</w:tc>");
}

static void table(Dx *x, const DocBlock *blk, DxMark mark)
{
    dx_table_open(x, blk);
    dx_row_open(x, true, mark);
    for (int c = 0; c < blk->ncols; c++)
        cell(x, blk, c, "TableHeading", blk->head[c], false, mark);
    buf_puts(x->b, "</w:tr>\n");
    for (int r = 0; r < blk->rows.n; r++) {
        bool total = blk->last_row_total && r == blk->rows.n - 1;
        dx_row_open(x, false, mark);
        for (int c = 0; c < blk->ncols; c++)
            cell(x, blk, c, "TableText", blk->rows.v[r][c], total, mark);
        buf_puts(x->b, "</w:tr>\n");
    }
    dx_table_close(x);
}

static void fields(Dx *x, const DocBlock *blk, DxMark mark)
{
    dx_table_open(x, blk);
    for (int k = 0; k < blk->fields.n; k++) {
        DocRun label = {DS_STRONG, true, blk->fields.v[k].label, NULL};
        dx_row_open(x, false, mark);
        dx_cell_open(x, 0);
        dx_para_open(x, "TableText", NULL, 0, DX_SAME);
        dx_run(x, &label, false, mark);
        dx_para_close(x->b);
        buf_puts(x->b, "</w:tc>");
        cell(x, blk, 1, "TableText", blk->fields.v[k].value, false, mark);
        buf_puts(x->b, "</w:tr>\n");
    }
    dx_table_close(x);
}

/* One signature block: the party, who signs and under which title, and
 * lines to sign and date on (and to write the name on, when the person is
 * not named), as in the HTML. */
static void signature(Dx *x, const DocSig *s, DxMark mark)
{
    dx_para_open(x, "SignatureParty", NULL, 0, DX_SAME);
    dx_run_of(x, DS_PLAIN, false, false, "For ", mark);
    runs(x, s->party, false, mark);
    dx_para_close(x->b);
    dx_para_open(x, "SignatureWho", NULL, 0, DX_SAME);
    runs(x, s->signatory, false, mark);
    if (s->signatory && s->title)
        buf_puts(x->b, "<w:r><w:br/></w:r>");
    runs(x, s->title, false, mark);
    dx_para_close(x->b);
    para_gen(x, "SignatureLine", "", DX_SAME);
    para_gen(x, "SignatureLabel", L_("Signature"), mark);
    if (!s->signatory) {
        para_gen(x, "SignatureLine", "", DX_SAME);
        para_gen(x, "SignatureLabel", L_("Name"), mark);
    }
    para_gen(x, "SignatureLine", "", DX_SAME);
    para_gen(x, "SignatureLabel", L_("Date"), mark);
}

static void signatures(Dx *x, const DocBlock *blk, DxMark mark)
{
    dx_table_open(x, blk);
    for (int i = 0; i < blk->sigs.n; i += 2) {
        dx_row_open(x, false, mark);
        for (int c = 0; c < 2; c++) {
            dx_cell_open(x, c);
            if (i + c < blk->sigs.n)
                signature(x, &blk->sigs.v[i + c], mark);
            else
                para_gen(x, NULL, "", DX_SAME);
            buf_puts(x->b, "</w:tc>");
        }
        buf_puts(x->b, "</w:tr>\n");
    }
    dx_table_close(x);
}

const char *dx_para_style(const DocBlock *blk)
{
    switch (blk->kind) {
    case DB_TITLE: return "Title";
    case DB_HEADING: return blk->level <= 2 ? "Heading1" : blk->level == 3 ? "Heading2" : "Heading3";
    default: return blk->cls && strcmp(blk->cls, "lead") == 0 ? "Subtitle" : NULL;
    }
}

void dx_block(Dx *x, const DocBlock *blk, DxMark mark)
{
    switch (blk->kind) {
    case DB_TITLE:
    case DB_HEADING:
    case DB_PARA:
        para(x, dx_para_style(blk), blk->text, mark);
        break;
    case DB_LIST: {
        int num = dx_list_begin(x, blk);
        for (int k = 0; k < blk->items.n; k++) {
            dx_para_open(x, dx_list_style(blk), NULL, num, mark);
            runs(x, blk->items.v[k], false, mark);
            dx_para_close(x->b);
        }
        break;
    }
    case DB_FIELDS:
        fields(x, blk, mark);
        break;
    case DB_TABLE:
        table(x, blk, mark);
        break;
    case DB_SIGNATURES:
        signatures(x, blk, mark);
        break;
    case DB_FIGURE:
        break;
    case DB_PAGEBREAK:
        x->break_before = true;
        break;
    }
}

void dx_begin(Dx *x)
{
    buf_puts(x->b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:body>\n");
}

void dx_end(Dx *x)
{
    /* A body must not end with a table in Word's eyes: a last paragraph. */
    if (x->after_table)
        buf_puts(x->b, "<w:p/>\n");
    buf_puts(x->b, "<w:sectPr>");
    if (x->d->banner)
        buf_puts(x->b, "<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>");
    buf_printf(x->b, "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>%s"
                     "<w:pgMar w:top=\"1296\" "
                     "w:right=\"1440\" w:bottom=\"1296\" w:left=\"1440\" w:header=\"720\" "
                     "w:footer=\"576\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>\n",
               x->landscape ? "<w:pgSz w:w=\"15840\" w:h=\"12240\" w:orient=\"landscape\"/>"
                            : "<w:pgSz w:w=\"12240\" w:h=\"15840\"/>");
}

bool doc_render_docx(const Doc *d, long long epoch, Buf *out, char *err, size_t errlen)
{
    const Lang *was = doc_lang_enter(d);
    Buf body;
    buf_init(&body);
    Dx x;
    dx_init(&x, d, &body, dx_iso_time(d->a, epoch));
    dx_begin(&x);
    for (int i = 0; i < d->blocks.n; i++)
        dx_block(&x, d->blocks.v[i], DX_SAME);
    dx_end(&x);
    bool ok = dx_package(&x, &body, epoch, out, err, errlen);
    buf_free(&body);
    doc_lang_leave(was);
    return ok;
}
