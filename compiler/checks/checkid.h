/* checkid.h - the id of every check: CHECK_SYNTAX, CHECK_AGENDA_MISSING,
 * ..., one per row of checks.def and in its order, so that an id is also
 * the check's index in check_table.  Apart from checktab.h so that diag.h
 * can take an id without the table. */
#ifndef CHARTER_CHECKID_H
#define CHARTER_CHECKID_H

typedef enum CheckId {
#define LANGUAGE_ERROR(id, ...) CHECK_##id,
#define CHECK(id, ...) CHECK_##id,
#include "checks.def"
    CHECK_COUNT     /* not a check: how many there are */
} CheckId;

#endif
