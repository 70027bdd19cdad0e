/* doc_bilingual.c - a document in two languages side by side: the
 * pairing of the two trees' units and the HTML page (see doc_bi.h).
 *
 * The page is the single-language page's styles and blocks, laid out by
 * a grid of two equal columns per unit: the headings in the first row of
 * the grid, so the two bodies start on the same line however long the
 * headings are in either language, and the bodies in the second.  Each
 * column draws the schedule's figure in its language.  The
 * grid is fragmented across printed pages by the browser; its rows and
 * tables keep the single-language print rules (rows never cut, headings
 * with what follows).  The second column's anchors carry its language
 * ("parties-fr"), so no id is written twice. */
#include <string.h>

#include "doc_bi.h"
#include "doc_html_int.h"

void doc_bi_use(const DocBi *bi, int side)
{
    char err[256];
    /* Both languages were in use when their documents were built. */
    (void)lang_use(bi->doc[side]->lang, err, sizeof err);
}

const char *doc_bi_both(Arena *a, const char *left, const char *right)
{
    if (!left || !right || strcmp(left, right) == 0)
        return left ? left : right;
    return arena_printf(a, "%s / %s", left, right);
}

bool doc_bi_same_text(const DocText *x, const DocText *y)
{
    if (!x || !y)
        return !x == !y;
    if (x->runs.n != y->runs.n)
        return false;
    for (int i = 0; i < x->runs.n; i++)
        if (strcmp(x->runs.v[i].text, y->runs.v[i].text) != 0)
            return false;
    return true;
}

bool doc_bi_any(const DocBi *bi, const int from[2], const int to[2])
{
    for (int s = 0; s < 2; s++)
        for (int i = from[s]; i < to[s]; i++)
            if (bi->doc[s]->blocks.v[i]->kind != DB_PAGEBREAK)
                return true;
    return false;
}

/* The first block of each unit of `d` into starts[0..n], starts[n] being
 * the end; returns n.  A unit starts at a heading, moved back over the
 * page breaks that precede it. */
static int cut(Arena *a, const Doc *d, int **starts)
{
    int n = 1;
    for (int i = 0; i < d->blocks.n; i++)
        n += d->blocks.v[i]->kind == DB_HEADING && i > 0;
    int *s = arena_alloc(a, (size_t)(n + 1) * sizeof *s);
    int k = 0;
    s[k++] = 0;
    for (int i = 1; i < d->blocks.n; i++) {
        if (d->blocks.v[i]->kind != DB_HEADING)
            continue;
        int at = i;
        while (at > s[k - 1] + 1 && d->blocks.v[at - 1]->kind == DB_PAGEBREAK)
            at--;
        s[k++] = at;
    }
    s[n] = d->blocks.n;
    *starts = s;
    return n;
}

/* The unit's heading, or NULL (the first unit, or blocks before it). */
static const DocBlock *unit_heading(const Doc *d, int from, int to, int *at)
{
    for (int i = from; i < to; i++) {
        const DocBlock *x = d->blocks.v[i];
        if (x->kind == DB_HEADING) {
            *at = i;
            return x;
        }
        if (x->kind != DB_PAGEBREAK)
            return NULL;
    }
    return NULL;
}

static int find_sigs(const Doc *d, int from, int to)
{
    for (int i = from; i < to; i++)
        if (d->blocks.v[i]->kind == DB_SIGNATURES)
            return i;
    return -1;
}

bool doc_bi_pair(Arena *a, const Doc *left, const Doc *right, DocBi *out, char *err,
                 size_t errlen)
{
    memset(out, 0, sizeof *out);
    out->doc[0] = left;
    out->doc[1] = right;
    int *s[2];
    int n = cut(a, left, &s[0]);
    if (cut(a, right, &s[1]) != n) {
        snprintf(err, errlen, "the %s and %s documents do not have the same sections", left->lang,
                 right->lang);
        return false;
    }
    for (int k = 0; k < n; k++) {
        DocBiUnit u = {{s[0][k], s[1][k]}, {s[0][k + 1], s[1][k + 1]}, {0, 0}, {0, 0},
                       false, {-1, -1}};
        const DocBlock *h[2];
        int at[2] = {-1, -1};
        for (int side = 0; side < 2; side++) {
            const Doc *d = out->doc[side];
            h[side] = unit_heading(d, u.from[side], u.to[side], &at[side]);
            u.sigs[side] = find_sigs(d, u.from[side], u.to[side]);
            u.head[side] = at[side] >= 0 ? at[side] : u.from[side];
            u.body[side] = at[side] >= 0 ? at[side] + 1 : u.from[side];
        }
        u.page_before = at[0] > u.from[0];
        bool same = !h[0] == !h[1] && (!h[0] || h[0]->level == h[1]->level) &&
                    (u.sigs[0] < 0) == (u.sigs[1] < 0) &&
                    (u.sigs[0] < 0 || left->blocks.v[u.sigs[0]]->sigs.n ==
                                          right->blocks.v[u.sigs[1]]->sigs.n);
        if (!same) {
            snprintf(err, errlen, "section %d of the %s and %s documents differ", k, left->lang,
                     right->lang);
            return false;
        }
        VEC_PUSH(a, out->units, u);
    }
    return true;
}

/* ---- the HTML page ---------------------------------------------------------- */

static const char bi_css[] =
    "body.bilingual{max-width:270mm;font-size:9.4pt}\n"
    ".bi{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:0}\n"
    ".bi>.col{padding:0 5mm 0 0}\n"
    ".bi>.col.r{padding:0 0 0 5mm;border-left:1px solid var(--rule)}\n"
    ".bi>.col>:first-child{margin-top:0}\n"
    ".bi>.head h2,.bi>.head h3{margin-top:14pt}\n"
    ".bi.page{break-before:page}\n"
    ".bi>.span{grid-column:1/-1}\n"
    "body.bilingual table{font-size:7.8pt}\n"
    "body.bilingual table.fields{font-size:8.4pt}\n"
    "body.bilingual table.fields th{width:32%}\n"
    "body.bilingual h1{font-size:17pt}\n"
    ".sig .alt{font-weight:400;color:var(--muted)}\n"
    "@media print{body.bilingual{max-width:none}}\n";

/* The SVG of a figure with every id, and every reference to one,
 * prefixed with `lang` and a dash: the two columns each draw the figure,
 * and an id must be unique in the page. */
static const char *svg_ids(Arena *a, const char *svg, const char *lang)
{
    static const char *const refs[] = {"id=\"", "url(#", "href=\"#"};
    Buf b;
    buf_init(&b);
    for (const char *p = svg; *p;) {
        size_t n = 0;
        for (int k = 0; k < 3 && !n; k++)
            if (strncmp(p, refs[k], strlen(refs[k])) == 0)
                n = strlen(refs[k]);
        if (n) {
            buf_printf(&b, "%.*s%s-", (int)n, p, lang);
            p += n;
        } else {
            buf_putc(&b, *p++);
        }
    }
    const char *out = arena_strndup(a, buf_cstr(&b), b.len);
    buf_free(&b);
    return out;
}

/* Blocks [from, to) of one side as a column of the grid. */
static void column(Buf *b, const DocBi *bi, int side, int from, int to, const char *cls)
{
    const Doc *d = bi->doc[side];
    doc_bi_use(bi, side);
    buf_printf(b, "<div class=\"%s%s\" lang=\"", cls, side ? " r" : "");
    buf_xml(b, d->lang);
    buf_puts(b, "\">\n");
    for (int i = from; i < to; i++) {
        const DocBlock *x = d->blocks.v[i];
        if (x->kind == DB_PAGEBREAK)
            continue;
        if (side == 1 && (x->anchor || x->svg)) {
            DocBlock copy = *x;
            if (x->anchor)
                copy.anchor = arena_printf(d->a, "%s-%s", x->anchor, d->lang);
            if (x->svg)
                copy.svg = svg_ids(d->a, x->svg, d->lang);
            doc_html_block(b, d, &copy);
        } else {
            doc_html_block(b, d, x);
        }
    }
    buf_puts(b, "</div>\n");
}

/* Both sides' blocks [from[s], to[s]) as one row, nothing when both are
 * empty. */
static void row(Buf *b, const DocBi *bi, const int from[2], const int to[2], const char *cls)
{
    if (!doc_bi_any(bi, from, to))
        return;
    for (int s = 0; s < 2; s++)
        column(b, bi, s, from[s], to[s], cls);
}

/* "For " in the side's language around the party's name; returns the
 * format, and only that when b is NULL. */
static const char *party_line(Buf *b, const DocBi *bi, int side, const DocText *party)
{
    doc_bi_use(bi, side);
    /* TRANSLATORS: over a signature block: "For Riverbend Food Bank". */
    const char *f = L_("For %s");
    if (!b)
        return f;
    const char *at = strstr(f, "%s");
    buf_puts(b, side ? "<p class=\"party alt\" lang=\"" : "<p class=\"party\" lang=\"");
    buf_xml(b, bi->doc[side]->lang);
    buf_puts(b, "\">");
    if (!at) {
        doc_html_inline(b, party);
    } else {
        char pre[128];
        snprintf(pre, sizeof pre, "%.*s", (int)(at - f), f);
        buf_xml(b, pre);
        doc_html_inline(b, party);
        buf_xml(b, at + 2);
    }
    buf_puts(b, "</p>");
    return f;
}

/* A label under a line, in both languages. */
static void sig_label(Buf *b, const DocBi *bi, const char *msgid)
{
    doc_bi_use(bi, 0);
    const char *l = L_(msgid);
    doc_bi_use(bi, 1);
    const char *r = L_(msgid);
    buf_puts(b, "<div class=\"line\"></div><p class=\"label\">");
    buf_xml(b, doc_bi_both(bi->doc[0]->a, l, r));
    buf_puts(b, "</p>");
}

/* The signature blocks once, under both columns. */
static void signatures(Buf *b, const DocBi *bi, const DocBiUnit *u)
{
    const DocBlock *s[2] = {bi->doc[0]->blocks.v[u->sigs[0]], bi->doc[1]->blocks.v[u->sigs[1]]};
    buf_puts(b, "<div class=\"signatures span\">\n");
    for (int i = 0; i < s[0]->sigs.n; i++) {
        const DocSig *g[2] = {&s[0]->sigs.v[i], &s[1]->sigs.v[i]};
        buf_puts(b, "<div class=\"sig\"><div class=\"head\">");
        const char *lf = party_line(NULL, bi, 0, NULL), *rf = party_line(NULL, bi, 1, NULL);
        party_line(b, bi, 0, g[0]->party);
        /* The second language's line only when it says something else. */
        if (strcmp(lf, rf) != 0 || !doc_bi_same_text(g[0]->party, g[1]->party))
            party_line(b, bi, 1, g[1]->party);
        buf_puts(b, "<p class=\"who\">");
        doc_html_inline(b, g[0]->signatory);
        if (g[0]->title) {
            if (g[0]->signatory)
                buf_puts(b, "<br>");
            doc_html_inline(b, g[0]->title);
            if (!doc_bi_same_text(g[0]->title, g[1]->title)) {
                buf_puts(b, " / ");
                doc_html_inline(b, g[1]->title);
            }
        }
        buf_puts(b, "</p></div>\n");
        sig_label(b, bi, N_("Signature"));
        if (!g[0]->signatory)
            sig_label(b, bi, N_("Name"));
        sig_label(b, bi, N_("Date"));
        buf_puts(b, "</div>\n");
    }
    buf_puts(b, "</div>\n");
}

static void unit(Buf *b, const DocBi *bi, const DocBiUnit *u)
{
    buf_puts(b, u->page_before ? "<section class=\"bi page\">\n" : "<section class=\"bi\">\n");
    row(b, bi, u->head, u->body, "col head");
    if (u->sigs[0] < 0) {
        row(b, bi, u->body, u->to, "col");
    } else {
        row(b, bi, u->body, u->sigs, "col");
        signatures(b, bi, u);
        int after[2] = {u->sigs[0] + 1, u->sigs[1] + 1};
        row(b, bi, after, u->to, "col");
    }
    buf_puts(b, "</section>\n");
}

void doc_bi_render_html(const DocBi *bi, Buf *b)
{
    const Doc *l = bi->doc[0], *r = bi->doc[1];
    /* The page's footer in the first language. */
    const Lang *was = doc_lang_enter(l);
    Doc page = *l;
    page.title = doc_bi_both(l->a, l->title, r->title);
    page.banner = l->banner ? doc_bi_both(l->a, l->banner, r->banner) : NULL;
    doc_html_open(&page, b, bi_css, " bilingual");
    for (int i = 0; i < bi->units.n; i++)
        unit(b, bi, &bi->units.v[i]);
    buf_puts(b, "</body>\n</html>\n");
    doc_lang_leave(was);
}
