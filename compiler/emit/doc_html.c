/* doc_html.c - renders a document as one self-contained HTML page.
 *
 * Inline CSS, no script, no external request (system fonts only, the
 * Gantt chart inline as SVG), so the file can be mailed, archived and
 * printed as it is.  The print styles work on A4 and on Letter: the page
 * size is left to the printer, the content width fits the narrower of
 * the two, table rows and signature blocks are never cut, headings stay
 * with what follows them, and the signatures start on a new page.  Every
 * page carries the agreement's title and version and its page number in
 * the margin. */
#include <string.h>

#include "doc_html_int.h"

void doc_html_inline(Buf *b, const DocText *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->runs.n; i++) {
        const DocRun *r = &t->runs.v[i];
        static const char *const open[] = {"", "<strong>", "<em>", "<code>", "<br>"};
        static const char *const close[] = {"", "</strong>", "</em>", "</code>", ""};
        if (r->href) {
            buf_puts(b, "<a href=\"");
            buf_xml(b, r->href);
            buf_puts(b, "\">");
        }
        buf_puts(b, open[r->style]);
        buf_xml(b, r->text);
        buf_puts(b, close[r->style]);
        if (r->href)
            buf_puts(b, "</a>");
    }
}

/* Text for a CSS string: every ASCII character other than a letter, a
 * digit or a space as a hex escape, so no text can end the string or the
 * <style> element. */
static void css_string(Buf *b, const char *s)
{
    buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
            (*p >= 'A' && *p <= 'Z') || *p == ' ')
            buf_putc(b, (char)*p);
        else if (*p >= 0x20)
            buf_printf(b, "\\%x ", *p);
        else
            buf_puts(b, " ");
    }
    buf_putc(b, '"');
}

static const char css[] =
    ":root{--ink:#1c2331;--muted:#5d6675;--rule:#cfd5dd;--accent:#1d4e7a;--soft:#f2f5f8}\n"
    "*{box-sizing:border-box}\n"
    "html{font:10.5pt/1.45 Charter,'Bitstream Charter','Sitka Text',Cambria,Georgia,"
    "'DejaVu Serif',serif;color:var(--ink);background:#fff;-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}\n"
    "body{max-width:182mm;margin:0 auto;padding:14mm 6mm 18mm}\n"
    "h1,h2,h3,th,.kicker,.lead,figcaption,.sig .label,.fields th{font-family:'Helvetica Neue',"
    "Helvetica,Arial,'Liberation Sans','DejaVu Sans',sans-serif}\n"
    ".kicker{text-transform:uppercase;letter-spacing:.14em;font-size:8pt;color:var(--accent);"
    "margin:0 0 4pt;font-weight:600}\n"
    "h1{font-size:21pt;line-height:1.2;margin:0 0 6pt;color:var(--ink)}\n"
    ".lead{color:var(--muted);font-size:9.5pt;border-bottom:2px solid var(--accent);"
    "padding-bottom:8pt;margin-bottom:14pt}\n"
    "h2{font-size:13pt;color:var(--accent);margin:20pt 0 6pt;padding-bottom:2pt;"
    "border-bottom:1px solid var(--rule);break-after:avoid}\n"
    "h3{font-size:11pt;margin:14pt 0 4pt;break-after:avoid}\n"
    "p{margin:0 0 7pt}\n"
    "p:has(+table),p:has(+ol),p:has(+ul){break-after:avoid}\n"
    "code{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.82em;"
    "color:var(--muted)}\n"
    "table{border-collapse:collapse;width:100%;margin:2pt 0 10pt;font-size:8.8pt;"
    "line-height:1.35}\n"
    "thead{display:table-header-group}\n"
    "tr{break-inside:avoid}\n"
    "th{text-align:left;font-weight:600;font-size:8pt;color:var(--muted);text-transform:"
    "uppercase;letter-spacing:.04em;border-bottom:1.5px solid var(--ink);padding:3pt 5pt}\n"
    "td{border-bottom:1px solid var(--rule);padding:4pt 5pt;vertical-align:top}\n"
    "td.r,th.r{text-align:right;white-space:nowrap}\n"
    "tr.total td{font-weight:700;border-top:1.5px solid var(--ink);border-bottom:none}\n"
    "table.fields{font-size:9.5pt;margin-bottom:8pt}\n"
    "table.fields th{width:27%;text-transform:none;letter-spacing:0;font-size:8.8pt;"
    "border-bottom:1px solid var(--rule);vertical-align:top;padding:4pt 8pt 4pt 0}\n"
    "table.fields td{padding-left:0}\n"
    "table.findings td:nth-child(4){width:42%}table.allowed td:nth-child(3){width:36%}\n"
    "ol,ul{margin:0 0 8pt;padding-left:18pt}\n"
    "li{margin:0 0 2pt;break-inside:avoid}\n"
    "figure{margin:6pt 0 12pt;break-inside:avoid}\n"
    "figure svg{width:100%;height:auto;display:block}\n"
    "figcaption{font-size:8pt;color:var(--muted);margin-top:4pt}\n"
    ".page-break{break-before:page;height:0}\n"
    ".banner{font-family:'Helvetica Neue',Helvetica,Arial,'Liberation Sans','DejaVu Sans',"
    "sans-serif;font-weight:700;color:#a1260d;border:2px solid #a1260d;padding:4pt 8pt;"
    "margin:0 0 10pt;text-align:center}\n"
    "@media print{.banner{display:none}}\n"
    ".signatures{display:grid;grid-template-columns:1fr 1fr;gap:16pt 22pt;margin-top:10pt}\n"
    ".sig{break-inside:avoid;border-top:2px solid var(--ink);padding-top:6pt}\n"
    ".sig .head{min-height:4.4em}\n"
    ".sig .party{font-weight:700;margin:0}\n"
    ".sig .who{color:var(--muted);font-size:9pt;margin:0 0 4pt;min-height:1.3em}\n"
    ".sig .line{border-bottom:1px solid var(--ink);height:26pt}\n"
    ".sig .label{font-size:7.5pt;color:var(--muted);text-transform:uppercase;"
    "letter-spacing:.06em;margin:2pt 0 0}\n"
    "body.sheet{padding-top:0;padding-bottom:0;font-size:9.6pt;page:sheet}\n"
    "body.sheet h1{font-size:17pt;margin-bottom:3pt}\n"
    "body.sheet .lead{margin-bottom:8pt;padding-bottom:6pt}\n"
    "body.sheet h2{margin:8pt 0 2pt;font-size:10.5pt}\n"
    "body.sheet p{margin-bottom:4pt}\n"
    "body.sheet table{font-size:8.4pt;margin-bottom:4pt}\n"
    "body.sheet td,body.sheet th{padding:2pt 5pt}\n"
    "body.sheet table.fields{font-size:9pt}\n"
    "body.sheet table.fields th{width:22%;padding:2pt 8pt 2pt 0}\n"
    "@page sheet{margin:11mm 14mm 13mm}\n"
    "body.index ul{list-style:none;padding:0}\n"
    "body.index li{padding:5pt 0;border-bottom:1px solid var(--rule)}\n"
    "a{color:var(--accent)}\n"
    "@media print{body{max-width:none;padding:0}a{color:inherit;text-decoration:none}}\n"
    "@page{margin:16mm 15mm 18mm}\n";

static const char *kicker(DocKind k)
{
    switch (k) {
    case DOC_AGREEMENT: return "Formal agreement";
    case DOC_SHEET: return "Commitment sheet";
    default: return "Agreement documents";
    }
}

static void table(Buf *b, const DocBlock *t)
{
    if (t->cls) {
        buf_puts(b, "<table class=\"");
        buf_xml(b, t->cls);
        buf_puts(b, "\">\n<thead><tr>");
    } else {
        buf_puts(b, "<table>\n<thead><tr>");
    }
    for (int c = 0; c < t->ncols; c++) {
        buf_puts(b, t->align[c] == 'r' ? "<th class=\"r\">" : "<th>");
        doc_html_inline(b, t->head[c]);
        buf_puts(b, "</th>");
    }
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (int i = 0; i < t->rows.n; i++) {
        bool total = t->last_row_total && i == t->rows.n - 1;
        buf_puts(b, total ? "<tr class=\"total\">" : "<tr>");
        for (int c = 0; c < t->ncols; c++) {
            buf_puts(b, t->align[c] == 'r' ? "<td class=\"r\">" : "<td>");
            doc_html_inline(b, t->rows.v[i][c]);
            buf_puts(b, "</td>");
        }
        buf_puts(b, "</tr>\n");
    }
    buf_puts(b, "</tbody>\n</table>\n");
}

static void signatures(Buf *b, const DocBlock *s)
{
    buf_puts(b, "<div class=\"signatures\">\n");
    for (int i = 0; i < s->sigs.n; i++) {
        buf_puts(b, "<div class=\"sig\"><div class=\"head\"><p class=\"party\">For ");
        doc_html_inline(b, s->sigs.v[i].party);
        buf_puts(b, "</p><p class=\"who\">");
        doc_html_inline(b, s->sigs.v[i].signatory);
        if (s->sigs.v[i].title) {
            if (s->sigs.v[i].signatory)
                buf_puts(b, "<br>");
            doc_html_inline(b, s->sigs.v[i].title);
        }
        buf_printf(b, "</p></div>\n<div class=\"line\"></div><p class=\"label\">%s</p>", L_("Signature"));
        if (!s->sigs.v[i].signatory)
            buf_printf(b, "<div class=\"line\"></div><p class=\"label\">%s</p>", L_("Name"));
        buf_printf(b, "<div class=\"line\"></div><p class=\"label\">%s</p></div>\n", L_("Date"));
    }
    buf_puts(b, "</div>\n");
}

void doc_html_block(Buf *b, const Doc *d, const DocBlock *x)
{
    switch (x->kind) {
    case DB_TITLE:
        buf_printf(b, "<header>\n<p class=\"kicker\">%s</p>\n<h1>", kicker(d->kind));
        doc_html_inline(b, x->text);
        buf_puts(b, "</h1>\n</header>\n");
        break;
    case DB_HEADING:
        buf_printf(b, "<h%d", x->level <= 2 ? 2 : 3);
        if (x->anchor) {
            buf_puts(b, " id=\"");
            buf_xml(b, x->anchor);
            buf_putc(b, '"');
        }
        buf_putc(b, '>');
        doc_html_inline(b, x->text);
        buf_printf(b, "</h%d>\n", x->level <= 2 ? 2 : 3);
        break;
    case DB_PARA:
        buf_puts(b, x->cls ? "<p class=\"" : "<p>");
        if (x->cls) {
            buf_xml(b, x->cls);
            buf_puts(b, "\">");
        }
        doc_html_inline(b, x->text);
        buf_puts(b, "</p>\n");
        break;
    case DB_LIST:
        buf_puts(b, x->ordered ? "<ol>\n" : "<ul>\n");
        for (int k = 0; k < x->items.n; k++) {
            buf_puts(b, "<li>");
            doc_html_inline(b, x->items.v[k]);
            buf_puts(b, "</li>\n");
        }
        buf_puts(b, x->ordered ? "</ol>\n" : "</ul>\n");
        break;
    case DB_FIELDS:
        buf_puts(b, "<table class=\"fields\">\n<tbody>\n");
        for (int k = 0; k < x->fields.n; k++) {
            buf_puts(b, "<tr><th scope=\"row\">");
            buf_xml(b, x->fields.v[k].label);
            buf_puts(b, "</th><td>");
            doc_html_inline(b, x->fields.v[k].value);
            buf_puts(b, "</td></tr>\n");
        }
        buf_puts(b, "</tbody>\n</table>\n");
        break;
    case DB_TABLE:
        table(b, x);
        break;
    case DB_SIGNATURES:
        signatures(b, x);
        break;
    case DB_FIGURE:
        buf_puts(b, "<figure>\n");
        buf_puts(b, x->svg);
        buf_puts(b, "<figcaption>");
        doc_html_inline(b, x->text);
        buf_puts(b, "</figcaption>\n</figure>\n");
        break;
    case DB_PAGEBREAK:
        buf_puts(b, "<div class=\"page-break\"></div>\n");
        break;
    }
}

void doc_html_open(const Doc *d, Buf *b, const char *extra_css, const char *body_extra)
{
    static const char *const body_class[] = {"agreement", "sheet", "index"};
    buf_puts(b, "<!DOCTYPE html>\n<html lang=\"");
    buf_xml(b, d->lang);
    buf_puts(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<meta name=\"generator\" content=\"charterc\">\n<title>");
    buf_xml(b, d->title);
    buf_puts(b, "</title>\n<style>\n");
    buf_puts(b, css);
    if (extra_css)
        buf_puts(b, extra_css);
    /* The running footer of printed pages. */
    buf_puts(b, "@page{@bottom-left{content:");
    css_string(b, d->title);
    buf_puts(b, ";font:7.5pt sans-serif;color:#5d6675}@bottom-right{content:");
    css_string(b, LP_("page footer", "Page "));
    buf_puts(b, " counter(page) ");
    css_string(b, LP_("page footer", " of "));
    buf_puts(b, " counter(pages);font:7.5pt sans-serif;color:#5d6675}");
    /* A draft's banner in the top margin of every printed page, and as a
     * band over the title on screen. */
    if (d->banner) {
        buf_puts(b, "@top-center{content:");
        css_string(b, d->banner);
        buf_puts(b, ";font:bold 9pt sans-serif;color:#a1260d}");
    }
    buf_puts(b, "}\n");
    buf_printf(b, "</style>\n</head>\n<body class=\"%s%s\">\n", body_class[d->kind],
               body_extra ? body_extra : "");
    if (d->banner) {
        buf_puts(b, "<p class=\"banner\">");
        buf_xml(b, d->banner);
        buf_puts(b, "</p>\n");
    }
}

void doc_render_html(const Doc *d, Buf *b)
{
    const Lang *was = doc_lang_enter(d);
    doc_html_open(d, b, NULL, NULL);
    for (int i = 0; i < d->blocks.n; i++)
        doc_html_block(b, d, d->blocks.v[i]);
    buf_puts(b, "</body>\n</html>\n");
    doc_lang_leave(was);
}
