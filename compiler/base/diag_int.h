/* diag_int.h - what diag.c shares with diag_sarif.c, and nothing else. */
#ifndef CHARTER_DIAG_INT_H
#define CHARTER_DIAG_INT_H

#include "buf.h"
#include "diag.h"

/* "error", "warning" or "note": the word of the text format, and the
 * level of SARIF. */
const char *diag_sev_name(Severity s);
/* The file of `s` as messages name it ("charterc" for none). */
const char *diag_display(const Diag *d, Span s);
/* The whole run as one SARIF 2.1.0 log (docs/cli.md). */
void diag_print_sarif(const Diag *d, Buf *b);

#endif
