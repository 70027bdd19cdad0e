/* doc_bi.h - a document in two languages, side by side (doc_bilingual.c:
 * the pairing and the HTML page; doc_docx_bi.c: the Word file).
 *
 * Bilingual agreements are signed with the two languages side by side,
 * section by section, so that a reader of either finds the other's text
 * for the same clause on the same line.  The two documents are built
 * apart, each in its language (fixed text, dates and numbers through
 * lang_use(); the agreement's own text translated when there is a
 * translation), from the same model: they have the same blocks in the
 * same order and differ only in their text.  doc_bi_pair() cuts each into
 * units, one per heading (the blocks before the first heading, the title
 * and the lead line, are the first unit), and pairs the units by
 * position; the renderers write each pair as one row of two columns, the
 * first language on the left.  A page break in the tree (before the
 * signatures) breaks the page before the row.  The signature blocks are
 * written once, under both columns, with the labels in both languages.
 *
 * The renderers switch the language of fixed text to each column's (the
 * renderers write some of it themselves: "Signature", the kicker over
 * the title) and back to the language in use when they were called. */
#ifndef CHARTER_DOC_BI_H
#define CHARTER_DOC_BI_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

/* One row: blocks [from, to) of each document.  A unit starts with its
 * heading, except the first; page breaks before the heading belong to
 * the unit (`page_before`) and are not written as blocks.  The heading
 * is blocks [head, body) (none in the first unit: head == body), the
 * rest of the unit [body, to). */
typedef struct DocBiUnit {
    int from[2], to[2];
    int head[2], body[2];
    bool page_before;
    int sigs[2];            /* the DB_SIGNATURES block in it, or -1 */
} DocBiUnit;

typedef struct DocBi {
    const Doc *doc[2];      /* the left (first) and the right language */
    VEC(DocBiUnit) units;
} DocBi;

/* Pairs the units of `left` and `right`.  False, with a sentence in err,
 * when they do not have the same headings at the same levels in the same
 * order, or the same signature blocks: documents of different models,
 * which a caller built by mistake. */
bool doc_bi_pair(Arena *a, const Doc *left, const Doc *right, DocBi *out, char *err,
                 size_t errlen);
/* The page: one row per unit, `lang` on each column. */
void doc_bi_render_html(const DocBi *bi, Buf *out);
/* The Word file: one borderless table of two columns per unit (headings
 * in the first row, the blocks in the second; tables nested in the
 * cells), the signatures once.  As doc_render_docx otherwise. */
bool doc_bi_render_docx(const DocBi *bi, long long epoch, Buf *out, char *err, size_t errlen);
/* Whether blocks [from[s], to[s]) of either side hold something to
 * write (a page break is not written). */
bool doc_bi_any(const DocBi *bi, const int from[2], const int to[2]);
/* Switches fixed text to side `side`'s language (lang_use); the
 * renderers' helper.  The language was usable when the document was
 * built, so this does not fail. */
void doc_bi_use(const DocBi *bi, int side);
/* "Left / Right", or the one text when both are the same (the title of
 * an untranslated agreement, "Signature" in English and French). */
const char *doc_bi_both(Arena *a, const char *left, const char *right);
/* Whether two texts have the same runs' text (a title left untranslated). */
bool doc_bi_same_text(const DocText *x, const DocText *y);

#endif
