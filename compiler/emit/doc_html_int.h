/* doc_html_int.h - the pieces of the HTML renderer (doc_html.c) that the
 * page of a document in two languages (doc_bilingual.c) writes with: the
 * page's head, one block, inline text.  Escaping as in doc.h. */
#ifndef CHARTER_DOC_HTML_INT_H
#define CHARTER_DOC_HTML_INT_H

#include "doc.h"

/* The page up to and including <body> and the draft banner: the
 * document's language and title, the styles (then `extra_css` when not
 * NULL), the running footer of printed pages, and the body's class of the
 * document's kind followed by `body_extra` (" bilingual"; may be NULL). */
void doc_html_open(const Doc *d, Buf *b, const char *extra_css, const char *body_extra);
/* One block of the tree. */
void doc_html_block(Buf *b, const Doc *d, const DocBlock *x);
/* The runs of `t` (NULL writes nothing). */
void doc_html_inline(Buf *b, const DocText *t);

#endif
