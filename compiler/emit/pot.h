/* pot.h - an agreement's texts written as GNU gettext catalogues (pot_):
 * the template `charterc i18n` writes (FILE.pot) and the merge of
 * `charterc i18n --update` into each FILE.LANG.po.
 *
 * The files are written here, escaped as the PO format wants (the
 * template passes `msgfmt --check`), so that the same texts always give
 * the same bytes: no creation date, no wrapping that depends on a tool.
 * Each entry carries the text's context (texts.h) as msgctxt, what the
 * text is as an extracted comment (`#.`) and where it is written as a
 * reference (`#: FILE:LINE`, the path relative to the agreement's folder).
 *
 * The merge does what msgmerge does, with one difference: a text is
 * matched to its old entry by its context, the name of the text, never by
 * resemblance to another text.  A text whose old entry has the same msgid
 * keeps its translation, flags and comments; a text whose msgid changed
 * keeps the old translation marked fuzzy, with the old text as previous
 * msgid (`#| msgid`); a new text is added untranslated; an entry whose text
 * is gone is kept obsolete (`#~`) when it was translated, as msgmerge
 * does, and dropped when it was empty. */
#ifndef CHARTER_POT_H
#define CHARTER_POT_H

#include "buf.h"
#include "texts.h"
#include "translation.h"

/* The template of the agreement's texts.  `base` is the folder paths in
 * references are relative to ("" for the working folder, else ending in
 * '/'); `project` names the agreement in the header ("ID VERSION"). */
void pot_write(Buf *out, const SrcMgr *sm, const TextList *texts, const char *base,
               const char *project, const char *title);
/* The translation `old` merged with the texts, as the file to write. */
void pot_merge(Buf *out, const SrcMgr *sm, const TextList *texts, const char *base,
               const Translation *old);

#endif
