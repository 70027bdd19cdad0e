/* term.h - every byte the tracker prints goes through here (term_).
 *
 * Text that reaches the terminal may come from a CSV file (a reporter, an
 * indicator, a value, a note, a file name) or from the agreement, and may
 * hold control characters: printed raw, an escape sequence retitles the
 * window, moves the cursor or hides the lines printed before it.  So the
 * tracker never writes to standard output or error but through these
 * functions, which show such a byte as \xHH: the C0 controls but tab and
 * line feed, DEL, the C1 controls U+0080..U+009F as UTF-8 encodes them,
 * and every byte that is not part of valid UTF-8 (a lone 0x9B is CSI to
 * an 8-bit terminal).  Other UTF-8 text passes as it is.  A message is
 * one line, so the message functions escape line feeds and tabs too.
 * tests/tracker/test_output.sh checks that no other runtime file prints. */
#ifndef CHARTER_TERM_H
#define CHARTER_TERM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"

/* Appends s[0..n) to out with the bytes above escaped; one_line escapes
 * line feed and tab as well. */
void term_escape(Buf *out, const char *s, size_t n, bool one_line);
/* Output: s[0..n), or printf's text, written to f escaped (lines kept). */
void term_write(FILE *f, const char *s, size_t n);
void term_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A message: printf's text escaped as one line, then a line feed. */
void term_line(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void term_vline(FILE *f, const char *fmt, va_list ap);
/* The columns UTF-8 text s takes: its code points (the tracker's own
 * words in any language, and ids, are written in scripts one column
 * wide), for lining up tables. */
int term_width(const char *s);

#endif
