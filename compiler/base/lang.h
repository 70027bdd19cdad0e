/* lang.h - the language of Charter's fixed text (lang_).
 *
 * The documents, the pictures and the tracker write fixed text of their
 * own (headings, labels, sentences around the agreement's values).  That
 * text is English in the source and translated through GNU gettext
 * catalogues, as glibc provides them: text domain "charterc", sources in
 * stdlib/po/LANG.po, compiled by the build into LOCALEDIR/LANG/
 * LC_MESSAGES/charterc.mo.
 *
 * Marking text (xgettext reads these keywords; `make pot`):
 *   L_("Parties")                      the text in the current language
 *   LN_("%d partner", "%d partners", n) the plural form the language wants
 *                                      for n (the catalogue's Plural-Forms)
 *   LP_("table", "Total")              a text whose English is ambiguous,
 *                                      with a context for the translator
 *   N_("Goals")                        marks a static table entry; translate
 *                                      it where it is used, with L_(s)
 *   NP_("month", "May")                the same with a context: LP_(ctx, s)
 * A sentence around values is one msgid with printf conversions, which a
 * translator may reorder with %1$s, %2$s: never fragments glued together.
 *
 * The output is the same on every machine.  The language is whatever
 * lang_use() chose (English until it is called), never the caller's
 * LANG, LC_ALL or LANGUAGE: English never reaches gettext at all, and for
 * another language lang_use() sets LC_MESSAGES to "C.UTF-8" (built into
 * glibc from 2.35, no locale files needed) and LANGUAGE to the language's
 * fallback chain (ht:fr, so Haitian Creole falls back to French, then to
 * the English msgid).  LC_NUMERIC and the other categories stay "C", so
 * printf is unchanged; numbers and dates for people are numtext.h's and
 * date.h's, which follow the language through ICU.
 *
 * State: the language is process-wide, as gettext's own state is.  It is
 * chosen once per command (`--lang`), or switched between the columns of
 * a document in two languages; lang_use() tells gettext to drop the
 * translations it has cached.
 *
 * Where the catalogues are (lang_localedir()): $CHARTER_LOCALEDIR when set;
 * else the build tree's build/locale when the running executable lies in
 * the build tree (tests, `make demo`); else the installed
 * $(PREFIX)/share/locale, compiled in.  A language whose catalogue is
 * missing is an error, never a silent English document. */
#ifndef CHARTER_LANG_H
#define CHARTER_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LANG_DOMAIN "charterc"

/* One shipped language. */
typedef struct Lang {
    const char *code;       /* "fr": the catalogue's name and --lang's value */
    const char *name;       /* "French", for messages */
    const char *chain;      /* LANGUAGE's value: "ht:fr"; English ends every chain */
    const char *icu;        /* the ICU locale of its numbers, dates and
                             * currencies ("fr_HT": ICU has no Haitian
                             * Creole data, Haiti writes them as French) */
} Lang;

/* The shipped languages, English first; lang_count() of them. */
const Lang *lang_all(void);
int lang_count(void);
/* The shipped language `code`, or NULL. */
const Lang *lang_find(const char *code);
/* "en, es, fr and ht": for usage messages. */
const char *lang_codes_text(void);

/* Makes `code` the language of fixed text.  False, with one sentence in
 * err, when the code is not a shipped language (the sentence names them
 * and suggests the closest), when a catalogue of its chain is missing
 * from lang_localedir(), or when the C.UTF-8 locale is unavailable.  The
 * language in use is unchanged then. */
bool lang_use(const char *code, char *err, size_t errlen);
/* The language in use (English until lang_use() chooses another). */
const Lang *lang_current(void);
/* Whether it is English: the callers' fast path to today's formats. */
bool lang_is_english(void);
/* The folder searched for catalogues (see above). */
const char *lang_localedir(void);

/* The translation of msgid in the current language, or msgid itself. */
const char *lang_text(const char *msgid) __attribute__((format_arg(1)));
/* The plural form for n of the pair (one, many). */
const char *lang_ntext(const char *one, const char *many, unsigned long n)
    __attribute__((format_arg(1), format_arg(2)));
/* lang_text with a context (gettext's msgctxt). */
const char *lang_ptext(const char *ctx, const char *msgid) __attribute__((format_arg(2)));

/* ---- dates, numbers and money (lang_icu.c) --------------------------------
 * As the current language writes them, from ICU's locale data.  date.h and
 * numtext.h call the first two for any language but English; fmt code
 * calls lang_money for every language.  Each returns false when ICU cannot
 * answer (the caller writes its own format then). */

/* Loads ICU (once; lang_use does it for every language but English).
 * False, with one sentence in err when err is not NULL, when it cannot. */
bool lang_icu_load(char *err, size_t errlen);
/* "30 juin 2028", "30 de junio de 2028" into buf (n bytes). */
bool lang_date_long(int32_t days, char *buf, size_t n);
/* The grouping separator and the decimal separator, as UTF-8: "\u202f"
 * and "," in French, "." and "," in Spanish. */
void lang_num_symbols(const char **group, const char **decimal);
/* An amount of the ISO 4217 currency `code`: "US$80,000" (English, as
 * read internationally), "80 000 $US", "80.000 US$"; cents only when the
 * amount has some.  False for a code ISO 4217 does not know. */
bool lang_money(double v, const char *code, char *buf, size_t n);

#define L_(s) lang_text(s)
#define LN_(one, many, n) lang_ntext(one, many, n)
#define LP_(ctx, s) lang_ptext(ctx, s)
#define N_(s) s
/* N_ with a context, for a table whose entries L_ cannot tell apart from
 * another table's (a month's full name "May" and its abbreviation):
 * translate it with LP_(ctx, s). */
#define NP_(ctx, s) s

#endif
