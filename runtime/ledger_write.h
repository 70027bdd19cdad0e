/* ledger_write.h - writing checked rows to the ledger (lwrite_), for
 * import, record and done.
 *
 * Under an exclusive lock (flock on DIR/.lock, the folder created when
 * missing) the rows are checked against the ledger file, then written
 * through a temporary file in the same folder and a rename: the existing
 * bytes are copied as they are and the new rows appended, ending lines
 * like the file's first line (LF or CRLF).  A header that lacks a column
 * the new rows use gains it at its end. */
#ifndef CHARTER_LEDGER_WRITE_H
#define CHARTER_LEDGER_WRITE_H

#include "ledger_check.h"

/* Writes the rows of c (one source, already checked) to the ledger file
 * of their kind, or nothing when any row is bad, and says what it did;
 * `what` is "imported" or "recorded".  0, 1 (bad rows) or 2 (after a
 * message: the ledger cannot be written). */
int lwrite_commit(LCheck *c, const char *what);

#endif
