/* doc_docx_int.h - what the Word renderer's files share: the body writer
 * (doc_docx.c), the redline (doc_redline.c) and the package around the
 * body (doc_docx_pkg.c).
 *
 * The body writer appends WordprocessingML for blocks and runs to
 * `Dx.b`.  A run or a whole block may be marked as inserted or deleted
 * (tracked changes, the redline): deleted text is written as w:delText
 * inside w:del, inserted text inside w:ins, and a paragraph or table row
 * added or removed whole carries the mark on its paragraph mark or row, so
 * that accepting every change leaves the new text and rejecting every
 * change the old. */
#ifndef CHARTER_DOC_DOCX_INT_H
#define CHARTER_DOC_DOCX_INT_H

#include "doc.h"

typedef enum DxMark { DX_SAME, DX_INS, DX_DEL } DxMark;

/* The width of the text on a Letter page with 1-inch margins, in
 * twentieths of a point (doc_docx_pkg.c's footer tab stop agrees). */
#define DX_TEXT_WIDTH 9360
/* The same on a Letter page turned to landscape (Dx.landscape). */
#define DX_TEXT_WIDTH_WIDE 12960

/* Columns a table may have; the documents' widest has six. */
#define DX_MAX_COLS 32

typedef struct Dx {
    const Doc *d;
    Buf *b;                 /* word/document.xml */
    bool break_before;      /* a page break waits for the next block */
    bool after_table;       /* the last block was a table: two tables
                             * in a row would merge into one in Word */
    int nordered;           /* ordered lists so far; each restarts at 1 */
    VEC(const char *) links;/* hyperlink targets, relationship rIdL1, ... */
    const char *stamp;      /* w:date of tracked changes, ISO 8601 */
    int change_id;          /* the last w:id given to a change */
    int widths[DX_MAX_COLS];/* the open table's column widths, twips */
    bool redline;           /* settings: track further edits */
    int text_width;         /* the width tables fill, twips; 0: the page's
                             * text (a column of doc_docx_bi.c is less) */
    bool landscape;         /* the pages turned (two languages side by side) */
} Dx;

/* ---- doc_docx.c ------------------------------------------------------------ */

void dx_init(Dx *x, const Doc *d, Buf *b, const char *stamp);
/* Appends user or generated text as the content of w:t or w:delText:
 * XML-escaped; white space with a line break in it (a soft wrap in the
 * source) as one space, and any other control character, which XML 1.0
 * cannot carry, as U+FFFD. */
void dx_text(Buf *b, const char *s);
/* Text outside a run (the properties): escaped, a control character as
 * a space. */
void dx_plain(Buf *b, const char *s);
/* One w:r of `text` in `style` (bold for a total row; `link` in the
 * Hyperlink style), inside its mark. */
void dx_run_of(Dx *x, DocStyle style, bool bold, bool link, const char *text, DxMark mark);
/* One run of the tree; `bold` for a total row, `mark` for the redline. */
void dx_run(Dx *x, const DocRun *r, bool bold, DxMark mark);
/* Opens w:ins or w:del (author charterc, the fixed date); nothing for
 * DX_SAME. */
void dx_mark_open(Dx *x, DxMark mark);
void dx_mark_close(Dx *x, DxMark mark);
/* One block, every run with `mark` (DX_SAME: an ordinary document). */
void dx_block(Dx *x, const DocBlock *blk, DxMark mark);
/* The start and end of word/document.xml, the end with the section
 * (page size, margins, footer). */
void dx_begin(Dx *x);
void dx_end(Dx *x);
/* Paragraph and table pieces the redline shares with the blocks. */
void dx_para_open(Dx *x, const char *style, const char *jc, int num, DxMark mark);
void dx_para_close(Buf *b);
/* The paragraph style of a title, heading or paragraph block. */
const char *dx_para_style(const DocBlock *blk);
/* The paragraph style and list number of one item of a list block. */
const char *dx_list_style(const DocBlock *blk);
/* Starts a list block (its numbering instance); returns the w:numId for
 * its items. */
int dx_list_begin(Dx *x, const DocBlock *blk);
void dx_table_open(Dx *x, const DocBlock *blk);
void dx_row_open(Dx *x, bool header, DxMark mark);
void dx_cell_open(Dx *x, int col);
void dx_table_close(Dx *x);
/* The paragraph style and alignment of a table's cell at `col`. */
const char *dx_cell_jc(const DocBlock *blk, int col);

/* ---- doc_docx_pkg.c ---------------------------------------------------------- */

/* The fixed time of a document: `epoch` (seconds since 1970, at least
 * 1980-01-01, the earliest a zip archive can record) as ISO 8601. */
const char *dx_iso_time(Arena *a, long long epoch);
/* Wraps a finished word/document.xml into the package (styles, numbering
 * for `x->nordered` ordered lists, footer, relationships, properties) and
 * writes the zip archive to `out`.  False with a sentence in `err`. */
bool dx_package(const Dx *x, const Buf *document, long long epoch, Buf *out, char *err,
                size_t errlen);

#endif
