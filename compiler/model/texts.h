/* texts.h - every text of an agreement that its documents show (texts_),
 * each with the name translators know it by.
 *
 * A text is a string the author wrote: a declaration's title, a scope, a
 * clause's text, an incentive, a principle, what a commitment gives and on
 * what condition, ...  `charterc i18n` writes them as a POT file, the
 * translations of FILE.LANG.po replace them in the model (translation.h),
 * and the checks translation_missing and translation_stale compare the
 * two.  All three read the one list made here, so a text added to the
 * model and to this list is extracted, translated and checked at once.
 *
 * The context (a PO entry's msgctxt) names the text in the agreement's own
 * words, which stay stable while the text changes:
 *   KIND ID                  a declaration's title: "goal readers"
 *   KIND ID FIELD            another text of it: "indicator readers source",
 *                            "clause termination text"
 *   KIND ID PART N FIELD     a text of its Nth statement of a kind:
 *                            "partner mspp commitment 2 condition"
 *   BLOCK FIELD [N]          a text of a block without a name:
 *                            "agenda vision", "agenda principle 3",
 *                            "governance escalation"
 * Declarations of the standard library are not the agreement's text and
 * are left out: the catalogues of fixed text translate their titles
 * (texts_std_translate). */
#ifndef CHARTER_TEXTS_H
#define CHARTER_TEXTS_H

#include "ast.h"
#include "model.h"

typedef struct Text {
    const char **slot;      /* where the model keeps it: a translation replaces *slot */
    const char *context;    /* the msgctxt */
    const char *what;       /* for the translator: "the title of goal readers" */
    const Decl *holder;     /* the declaration it belongs to; NULL: the agreement's blocks */
    const AllowList *allows;/* a tension's allow list, for a text of a tension; else NULL */
    Span span;              /* where the text is written (the holder's name when unknown) */
} Text;

typedef VEC(Text) TextList;

/* Every non-empty text of m in source order (file, then position), each
 * context once.  `trees` are the syntax trees of the compilation
 * (Compilation.trees), where the texts' places are found. */
void texts_collect(Arena *a, Model *m, Ast *const *trees, int ntrees, TextList *out);

/* The titles of the standard library's units, sectors, levels, backbone
 * functions, phases and topics in the language in use (lang.h), from the
 * catalogues of fixed text, where `make pot` puts each with the context
 * its agreement's twin would have ("sector nonprofit").  A declaration
 * the agreement wrote itself is its own text and keeps its title. */
void texts_std_translate(Arena *a, Model *m);

#endif
