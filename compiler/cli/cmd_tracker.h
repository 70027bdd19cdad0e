/* cmd_tracker.h - writing the executable tracker of an agreement
 * (cmd_tracker.c): the runtime program with the agreement's sources
 * appended (bundle.h).  `charterc tracker` and `charterc build` use it. */
#ifndef CHARTER_TRACKER_H
#define CHARTER_TRACKER_H

#include <stdbool.h>

#include "compile.h"

/* Writes the tracker of compilation `c` (which has no language errors) to
 * `path`, whole or not at all; an identical file is left alone (*changed
 * false).  hex gets the SHA-256 of the bundled sources.  0, or 2 after a
 * message ("charterc: error: ..."). */
int tracker_write(const Compilation *c, const char *path, bool *changed, char hex[65]);

#endif
