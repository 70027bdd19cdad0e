/* translations.c - the checks of an agreement's translations into the
 * language of `check --lang` (translation_missing, translation_stale).
 *
 * Both compare the texts of the model (texts.h) with the entries of
 * FILE.LANG.po (translation.h), by context, and run only when the
 * options carry a Translation.  A text is reported by one of the two at
 * most: stale when its entry exists and is fuzzy or made for another
 * msgid, missing when it has no entry or an empty one.  Cost: one look-up
 * per text. */
#include <string.h>

#include "checks.h"
#include "texts.h"
#include "translation.h"

static void texts_of(CheckCtx *x, TextList *l)
{
    memset(l, 0, sizeof *l);
    texts_collect(x->c->arena, x->m, x->c->trees.v, x->c->trees.n, l);
}

void check_translation_missing(CheckCtx *x)
{
    const Translation *t = x->o->tr;
    if (!t || !x->m->agreement)
        return;
    if (t->missing) {
        Diagnostic *g = check_report(x, CHECK_TRANSLATION_MISSING, NULL, NULL,
                                     x->m->agreement->d.id_span,
                                     "the agreement has no translation into '%s': %s does not "
                                     "exist", t->lang, t->path);
        diag_hint(&x->c->diag, g, "start it from the template of the agreement's texts: "
                                  "`charterc i18n FILE -o FILE.pot`, then `msginit -l %s`",
                  t->lang);
        return;
    }
    TextList l;
    texts_of(x, &l);
    for (int i = 0; i < l.n; i++) {
        const Text *tx = &l.v[i];
        const TrEntry *e = tr_find(t, tx->context);
        if (e && *e->msgstr)
            continue;
        Diagnostic *g = check_report(x, CHECK_TRANSLATION_MISSING, tx->holder, tx->allows,
                                     tx->span, "%s has no translation into '%s' (msgctxt \"%s\")",
                                     tx->what, t->lang, tx->context);
        if (e)
            diag_related(&x->c->diag, g, e->span, "its entry in %s is empty", t->path);
        diag_hint(&x->c->diag, g, "translate it in %s; `charterc i18n FILE --update` adds the "
                                  "texts the file lacks", t->path);
    }
}

void check_translation_stale(CheckCtx *x)
{
    const Translation *t = x->o->tr;
    if (!t || t->missing || !x->m->agreement)
        return;
    TextList l;
    texts_of(x, &l);
    for (int i = 0; i < l.n; i++) {
        const Text *tx = &l.v[i];
        const TrEntry *e = tr_find(t, tx->context);
        if (!e || !*e->msgstr)
            continue;
        bool changed = strcmp(e->msgid, *tx->slot) != 0;
        if (!changed && !e->fuzzy)
            continue;
        Diagnostic *g = check_report(
            x, CHECK_TRANSLATION_STALE, tx->holder, tx->allows, tx->span,
            changed ? "the translation into '%s' of %s was made for an earlier version of the "
                      "text (msgctxt \"%s\")"
                    : "the translation into '%s' of %s is marked fuzzy (msgctxt \"%s\")",
            t->lang, tx->what, tx->context);
        diag_related(&x->c->diag, g, e->span, changed ? "translated from \"%s\"" : "%s",
                     changed ? e->msgid : "the entry, still marked fuzzy");
        diag_hint(&x->c->diag, g, "revise the translation in %s and remove its fuzzy flag; "
                                  "until then the document shows the text untranslated",
                  t->path);
    }
}
