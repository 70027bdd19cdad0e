/* numtext.h - a number as Charter writes it (num_).
 *
 * Every number the compiler and the tracker print goes through here, in
 * one of a few styles: what differs between outputs is chosen by the
 * style, never by a copy of the code.  No locale of the machine is
 * consulted, so every output is byte-identical on every machine.  The two
 * styles for people, NUM_DOC and NUM_TRACKER, follow the language of
 * lang.h: in French and Spanish their ',' and '.' are the language's
 * separators from ICU ("40 000" with U+202F, "1.200,5"), with the same
 * rounding and the same grouping by thousands.
 *
 * The styles:
 *   NUM_EXACT    2100000  0.1  0.3333333333333333
 *                the shortest text that reads back as the same double
 *                (JSON: the tracker's status, charterc export; the
 *                ledger's messages about a conflicting value)
 *   NUM_PLAIN    2100000  2.5  0.3
 *                15 significant digits, which hide binary noise (0.1 +
 *                0.2 prints 0.3): sums in messages and `impact`
 *   NUM_SOURCE   2_100_000  2.5
 *                NUM_PLAIN with Charter's digit separators on whole
 *                numbers, as the source writes them (`charterc diff`)
 *   NUM_MESSAGE  2_100_000  1_234.57
 *                at most two decimals, Charter's separators: the checks'
 *                messages (an interpolated plan is not exact anyway)
 *   NUM_DOC      2,100,000  2.1235
 *                at most four decimals, commas: documents
 *   NUM_TRACKER  2,350,000  1.74  1,235
 *                two decimals below 1,000 and none from it, commas: the
 *                tracker's tables, dashboard and charts
 *
 * Common to all: trailing zeros of the decimals and a lone "." are
 * dropped; a value that rounds to zero has no minus sign; whole numbers
 * below 1e15 are written in full.  From 1e15 on, NUM_MESSAGE and
 * NUM_TRACKER switch to "%g" (1e+15); NUM_DOC keeps writing every digit.
 * Infinities and NaN are written as "%g" does (inf, -inf, nan); JSON
 * writers put null instead before they get here.
 *
 * Rounding: NUM_MESSAGE and NUM_DOC round the double's exact binary value
 * (0.125 is 0.12, as printf rounds); NUM_TRACKER rounds halves away from
 * zero first (1234.5 is 1,235; 0.125 is 0.13).  The two rules are kept as
 * the outputs have always printed them. */
#ifndef CHARTER_NUMTEXT_H
#define CHARTER_NUMTEXT_H

#include "arena.h"
#include "buf.h"

typedef enum NumStyle {
    NUM_EXACT,
    NUM_PLAIN,
    NUM_SOURCE,
    NUM_MESSAGE,
    NUM_DOC,
    NUM_TRACKER
} NumStyle;

/* The longest text of any style, NUL included: the largest double in
 * full, with separators of up to three bytes (NUM_DOC in French); the
 * other styles stay under 32 bytes. */
#define NUM_TEXT_MAX 640

/* Writes v in style s into buf; returns buf. */
const char *num_text(double v, NumStyle s, char buf[NUM_TEXT_MAX]);
/* The same, appended to b. */
void num_put(Buf *b, double v, NumStyle s);
/* The same, copied into the arena. */
const char *num_str(Arena *a, double v, NumStyle s);

#endif
