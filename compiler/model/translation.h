/* translation.h - the translations of an agreement's own text (tr_).
 *
 * They live beside the agreement as FILE.LANG.po (riverbend.fr.po beside
 * riverbend.charter), GNU gettext catalogues that translators edit with
 * their usual tools, one entry per text of texts.h: msgctxt the text's
 * context, msgid the text, msgstr its translation.  They are read with
 * gettext's own reader (libgettextpo); a file it cannot read is one
 * diagnostic per problem, at the file and line, under the language error
 * translation_syntax, and then no translation is used at all.
 *
 * tr_apply() replaces the model's texts by their translations after
 * compiling, so every back end (the documents, the pictures, the tracker)
 * shows them without knowing about languages.  As gettext does, a text is
 * translated only by an entry of its context whose msgid is the text as it
 * is now and which is neither fuzzy nor empty; any other text stays in the
 * agreement's language (check --lang says which, translation_missing and
 * translation_stale). */
#ifndef CHARTER_TRANSLATION_H
#define CHARTER_TRANSLATION_H

#include <stdbool.h>

#include "diag.h"
#include "texts.h"

typedef struct TrEntry {
    const char *context, *msgid, *msgstr;
    bool fuzzy;
    bool obsolete;          /* `#~`: kept by the translator, used by nobody */
    const char *comments;   /* the translator's `# ` lines, each ending in \n; "" */
    const char *prev_msgid; /* `#| msgid`: the text a fuzzy entry was made for; NULL */
    Span span;              /* the entry in the PO file (its msgctxt's line) */
} TrEntry;

typedef struct Translation {
    const char *lang;       /* "fr" */
    const char *path;       /* FILE.LANG.po */
    bool missing;           /* the file does not exist */
    TrEntry header;         /* msgid "": its msgstr is the header's fields */
    bool has_header;
    /* Every entry with a context, in file order, obsolete ones too (the
     * merge of `i18n --update` keeps them); entries without a context are
     * not texts of an agreement and are left out. */
    VEC(TrEntry) entries;
    HMap by_context;        /* context -> index in entries, obsolete ones left out */
} Translation;

/* Whether `lang` is a language code as PO files are named: letters, then
 * perhaps `_` or `-` and letters or digits ("fr", "pt_BR", "ht"). */
bool tr_lang_ok(const char *lang);
/* FILE.LANG.po for the agreement at `path` (FILE.charter, or any name:
 * the extension .charter is replaced, another is kept). */
const char *tr_po_path(Arena *a, const char *path, const char *lang);
/* Reads the translations into `lang` of the agreement at root_path.  A
 * file that does not exist gives a Translation with `missing` set; a file
 * that cannot be read (2, after a message on stderr) or that has PO
 * errors (1, with the diagnostics in d) gives NULL. */
Translation *tr_load(Arena *a, SrcMgr *sm, Diag *d, const char *root_path, const char *lang,
                     int *status);
/* The same from a PO file's text held in memory (a tracker's bundle):
 * `display` names it in messages. */
Translation *tr_load_text(Arena *a, SrcMgr *sm, Diag *d, const char *display, const char *lang,
                          const char *text, size_t len, int *status);
/* The entry for a context, or NULL. */
const TrEntry *tr_find(const Translation *t, const char *context);
/* The translation of a text as gettext would give it: NULL when there is
 * none (no entry, empty, fuzzy, or made for another msgid). */
const char *tr_lookup(const Translation *t, const Text *x);
/* Replaces every text of `texts` that has a translation. */
void tr_apply(const Translation *t, const TextList *texts);

#endif
