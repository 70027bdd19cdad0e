/* doc.h - the formal agreement documents and the partner sheets.
 *
 * A document is built once, from the resolved model, as a small tree of
 * blocks (headings, paragraphs, field lists, tables, signature blocks,
 * figures) whose inline text is a list of runs.  The Markdown and HTML
 * renderers turn the same tree into their format, so both formats always
 * carry the same content in the same order.
 *
 * Escaping rule: a run is either user text (from the agreement: titles,
 * names, descriptions), which every renderer escapes for its format, or
 * text the documents generate themselves (numbers, dates, labels), which is
 * marked `trusted` and holds only letters, digits, spaces and , . : % ( ) -
 * characters that need no escaping in Markdown inline text.  HTML escapes
 * both.  Code runs hold identifiers only.  Generated text is translated
 * (lang.h: L_ around every heading, label and sentence) and may then hold
 * any letter and typographic punctuation (’ « » and no-break spaces), but
 * never Markdown's markup characters: tests/lang/test_lang.sh checks every
 * catalogue.
 *
 * Everything is allocated in the arena of the compilation; nothing is
 * freed one by one.  Output is deterministic: no clock, no locale of the
 * machine; the language is --lang's (lang.h). */
#ifndef CHARTER_DOC_H
#define CHARTER_DOC_H

#include <stdbool.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "lang.h"
#include "model.h"

/* ---- inline text (doc_ir.c) ---------------------------------------------- */

typedef enum DocStyle {
    DS_PLAIN,       /* ordinary text */
    DS_STRONG,      /* bold */
    DS_EM,          /* italic */
    DS_CODE,        /* an identifier, shown in monospace */
    DS_BREAK        /* a line break inside a paragraph or cell; no text */
} DocStyle;

typedef struct DocRun {
    DocStyle style;
    bool trusted;           /* generated text: no Markdown escaping needed */
    const char *text;
    const char *href;       /* a link to a file beside the document, or NULL;
                             * generated names only ([A-Za-z0-9_.-]) */
} DocRun;

typedef struct DocText {
    VEC(DocRun) runs;
} DocText;

/* ---- blocks ---------------------------------------------------------------- */

typedef enum DocBlockKind {
    DB_TITLE,       /* the document's title (text), once, first */
    DB_HEADING,     /* level 2 (section) or 3 (subsection); anchor */
    DB_PARA,        /* a paragraph; `cls` "lead" for the line under the title */
    DB_LIST,        /* items; `ordered` */
    DB_FIELDS,      /* label: value pairs (labels are trusted) */
    DB_TABLE,       /* a header row and rows of cells */
    DB_SIGNATURES,  /* one signature block per signatory (sigs) */
    DB_FIGURE,      /* raw SVG (HTML only) with a caption (text) */
    DB_PAGEBREAK    /* HTML: the next block starts a new page */
} DocBlockKind;

typedef struct DocField {
    const char *label;
    DocText *value;
} DocField;

/* One signature block: the organisation, the person who signs and the
 * title under which she signs.  A renderer writes a signature line and a
 * date line under each, and a name line when `signatory` is NULL (the
 * person is not named, or only her office is, as `title`, so she writes
 * her name by hand). */
typedef struct DocSig {
    DocText *party;
    DocText *signatory;     /* may be NULL */
    DocText *title;         /* may be NULL */
} DocSig;

typedef struct DocBlock {
    DocBlockKind kind;
    int level;              /* HEADING */
    const char *anchor;     /* HEADING: HTML id; may be NULL */
    const char *cls;        /* an HTML class for the block; may be NULL */
    DocText *text;          /* TITLE, HEADING, PARA, FIGURE caption */
    bool ordered;           /* LIST */
    VEC(DocText *) items;   /* LIST */
    VEC(DocField) fields;   /* FIELDS */
    int ncols;              /* TABLE */
    DocText **head;         /* TABLE: ncols cells */
    const char *align;      /* TABLE: one char per column, 'l' or 'r' */
    VEC(DocText **) rows;   /* TABLE: rows of ncols cells */
    bool last_row_total;    /* TABLE: the last row is a total, shown bold */
    VEC(DocSig) sigs;       /* SIGNATURES */
    const char *svg;        /* FIGURE */
} DocBlock;

typedef enum DocKind { DOC_AGREEMENT, DOC_SHEET, DOC_INDEX } DocKind;

typedef struct Doc {
    Arena *a;
    DocKind kind;
    const char *title;      /* plain text, for <title> */
    const char *version;    /* the agreement's version, or NULL (metadata) */
    const char *lang;       /* "en" */
    /* Generated text every page carries (HTML: the top margin of each
     * printed page and a band over the title; Markdown: a line over the
     * title), or NULL: the draft banner of an agreement whose checks find
     * errors. */
    const char *banner;
    /* The copy for signature: the builders leave out identifiers (fmt_ref
     * writes titles instead) and what is addressed to the facilitator. */
    bool for_signature;
    VEC(DocBlock *) blocks;
} Doc;

/* ---- building (doc_ir.c) ---------------------------------------------------- */

Doc *doc_new(Arena *a, DocKind kind, const char *title);
/* A renderer writes the words it adds (signature labels, the footer, the
 * proofing language) in the language the document was built in, whatever
 * language is in use when it runs (a bilingual build renders each
 * language's document in turn): doc_lang_enter switches to it and gives
 * the language to restore with doc_lang_leave. */
const Lang *doc_lang_enter(const Doc *d);
void doc_lang_leave(const Lang *was);
DocText *dt_new(Doc *d);
/* Appends user text (escaped by the renderers); NULL or "" adds nothing. */
DocText *dt_add(Doc *d, DocText *t, DocStyle s, const char *text);
/* Appends generated text (see the escaping rule above). */
DocText *dt_gen(Doc *d, DocText *t, DocStyle s, const char *text);
DocText *dt_genf(Doc *d, DocText *t, DocStyle s, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
DocText *dt_break(Doc *d, DocText *t);
/* Appends generated link text pointing at `href` (a relative file name). */
DocText *dt_link(Doc *d, DocText *t, const char *text, const char *href);
/* Appends all runs of `src` to `t`. */
DocText *dt_cat(Doc *d, DocText *t, const DocText *src);
bool dt_empty(const DocText *t);
/* One-run shorthands. */
DocText *dt_user(Doc *d, const char *text);
DocText *dt_text(Doc *d, const char *generated);

DocBlock *doc_title(Doc *d, DocText *t);
DocBlock *doc_heading(Doc *d, int level, const char *anchor, DocText *t);
DocBlock *doc_para(Doc *d, DocText *t);
DocBlock *doc_list(Doc *d, bool ordered);
void doc_item(Doc *d, DocBlock *list, DocText *t);
DocBlock *doc_fields(Doc *d);
void doc_field(Doc *d, DocBlock *fields, const char *label, DocText *value);
/* A table; `align` has one 'l' or 'r' per column; the header cells follow
 * as generated strings. */
DocBlock *doc_table(Doc *d, const char *align, ...);
/* A new row of the table; fill its cells (all start empty). */
DocText **doc_row(Doc *d, DocBlock *table);
DocBlock *doc_signatures(Doc *d);
void doc_signature(Doc *d, DocBlock *b, DocText *party, DocText *signatory, DocText *title);
DocBlock *doc_figure(Doc *d, const char *svg, DocText *caption);
void doc_pagebreak(Doc *d);

/* ---- formatting for people (doc_fmt.c) -------------------------------------- */

/* "US$2,000,000", "600 hours", "5%". */
const char *fmt_quantity(Arena *a, double v, const Unit *u);
/* How a unit is named next to a number: "USD", "hours", "%" (percent). */
const char *fmt_unit(const Unit *u);
/* A commitment as people read it: "40 tonnes of surplus produce, valued
 * at US$80,000 (condition: the county grant is renewed)". */
const char *fmt_commitment(Arena *a, const Commitment *c);
/* Who signs for a partner: "Ana Ruiz, Mayor; Bo Li, City Clerk"; NULL when
 * nobody is named. */
const char *fmt_signatories(Arena *a, const Partner *p);
/* "1 March 2021"; "no date" for DATE_NONE. */
const char *fmt_date(Arena *a, int32_t day);
/* "6 months", "1 week", in the document's language. */
const char *fmt_duration(Arena *a, Duration d);
/* "monthly", "quarterly", "yearly", "every 6 months". */
const char *fmt_every(Arena *a, Duration d);
/* "subscriber_price" -> "subscriber price" (interest names). */
const char *fmt_words(Arena *a, const char *id);
/* A declaration's title, or its id when it has none. */
const char *fmt_title(const Decl *d);
/* Appends a reference to a declaration: its id in monospace, or in the
 * copy for signature (d->for_signature) its title as text. */
void fmt_ref(Doc *d, DocText *t, const Decl *decl);
/* Appends what a partner wants of an incentive's interests, in words:
 * "an increase in produce price and a reduction in waste". */
void fmt_wants(Doc *d, DocText *t, const Incentive *in);
/* Appends an incentive as a sentence or two: its text, then "It seeks an
 * increase in coverage." (the interests through fmt_wants). */
void fmt_incentive(Doc *d, DocText *t, const Incentive *in);
/* Appends an expression for people: names as code, >= as "≥", numbers
 * formatted. */
void fmt_expr(Doc *d, DocText *t, const Expr *e);
/* "Joins the partnership on 1 March 2027." when a partner joins or leaves
 * within the term (`joins`, `leaves`); NULL when it is a member for the
 * whole term. */
DocText *doc_membership(Doc *d, const Model *m, const Partner *p);
/* Appends "A, B and C" of partner names. */
void fmt_partners(Doc *d, DocText *t, Partner *const *v, int n);

/* ---- queries over the model shared by the documents (doc_fmt.c) ------------- */

bool doc_has_partner(Partner *const *v, int n, const Partner *p);
/* The partner a budget comes from: its `from`, else the activity's lead. */
Partner *doc_budget_source(const Activity *act, const Budget *b);
/* Units used by commitments and budgets, in the order of model->units
 * (prelude first), then any unit of another model. */
int doc_resource_units(const Model *m, const Unit **out, int max);
/* Sorts milestones by due date, undated ones last; ties keep their order. */
void doc_sort_by_due(const Milestone **v, int n);

/* ---- the documents ------------------------------------------------------------ */

/* The formal agreement (doc_agreement.c, doc_terms.c, doc_provisions.c).
 * `findings` are the diagnostics after checks_run(), listed in Annex A
 * (NULL: none); when one of them is an error that is not allowed, every
 * page carries the draft banner.  With `with_figure`, the schedule section
 * carries the Gantt chart (HTML). */
Doc *doc_agreement(Arena *a, const Model *m, const Diag *findings, bool with_figure);

typedef struct DocOptions {
    bool with_figure;       /* the Gantt chart in the schedule section */
    bool for_signature;     /* the copy for signature: no identifier, no
                             * Annex A (the caller refuses a draft with
                             * errors: see doc_errors()) */
} DocOptions;
Doc *doc_agreement_with(Arena *a, const Model *m, const Diag *findings, const DocOptions *o);
/* The findings that make a draft: errors not allowed.  Returns how many
 * and, in *names, "check_a (subject), check_b (subject)" (NULL: none). */
int doc_errors(Arena *a, const Diag *findings, const char **names);
/* The banner of a draft whose checks find errors. */
#define DOC_DRAFT_BANNER N_("Draft \xe2\x80\x94 does not pass its checks")
/* doc_provisions.c: notices and contacts, then the general provisions
 * (the legal effect and every clause), numbered from `first`. */
void doc_agreement_provisions(Doc *d, const Model *m, int first);
/* The agreement's title and lead line: "Agreement `id` · Version 2 · In
 * force from ... to ...", with "Term not stated" when `term_always` and it
 * has no term (the index page of `charterc build` shows it too). */
void doc_agreement_title(Doc *d, const Agreement *ag, bool term_always);
/* doc_terms.c: sections 8 to 12, the signatures and Annex A. */
void doc_agreement_terms(Doc *d, const Model *m, const Diag *findings);
/* One partner's commitment sheet (doc_sheet.c). */
Doc *doc_sheet(Arena *a, const Model *m, const Partner *p);

/* Renderers (doc_md.c, doc_html.c, doc_docx.c). */
void doc_render_md(const Doc *d, Buf *out);
void doc_render_html(const Doc *d, Buf *out);
/* A Word file (.docx: doc_docx.c, doc_docx_pkg.c).  `epoch`, seconds
 * since 1970 (1980 at the earliest), is the only time written, in the
 * archive and in the document's properties: the same document and epoch
 * give the same bytes.  False, with a sentence in `err`, when the archive
 * could not be made (memory). */
bool doc_render_docx(const Doc *d, long long epoch, Buf *out, char *err, size_t errlen);
/* The Word redline (doc_redline.c): `new` with Word's tracked changes
 * against `old` (author charterc, dated `epoch`), word by word inside
 * paragraphs and cells, whole paragraphs, items, rows and blocks added or
 * removed.  Accepting every change gives `new`'s text, rejecting every
 * change `old`'s.  As doc_render_docx otherwise. */
bool doc_render_docx_redline(const Doc *old, const Doc *new, long long epoch, Buf *out,
                             char *err, size_t errlen);

#endif
