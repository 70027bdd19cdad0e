/* export.h - the resolved model as JSON (`charterc export`), for
 * dashboards and other tools.  The shape is documented in docs/export.md:
 * every key is always present (null when the statement is absent), keys
 * are sorted in every object, declarations are sorted by id, lists of
 * references by name, so the same agreement always gives the same bytes. */
#ifndef CHARTER_EXPORT_H
#define CHARTER_EXPORT_H

#include "arena.h"
#include "buf.h"
#include "model.h"

/* Appends the JSON document of model `m` (compiled from `source`, the
 * name shown in "source") to `out`. */
void export_json(Arena *a, const Model *m, const char *source, Buf *out);

#endif
