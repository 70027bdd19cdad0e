/* obs_index.h - the index a tracker carries, parsed (obs_index_).
 *
 * The index (bundle_index, compiler/emit/bundle.h) is what reading the ledger
 * needs to know of the agreement, one line per item: `A ID` the
 * agreement; `D ID VALUE...` a dimension; `I ID DERIVED ANCHOR FREQ_N
 * FREQ_UNIT HISTORY R REPORTER... M DIM... E DUE...` an indicator (its
 * dimensions by their number among the D lines; dates in days since
 * 1970-01-01, `-` for none).  It is parsed before the agreement is
 * compiled again, so that the ledger can be read meanwhile (obs.h). */
#ifndef CHARTER_OBS_INDEX_H
#define CHARTER_OBS_INDEX_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"
#include "hmap.h"

/* The index, parsed: one entry per indicator of the model, in its order. */
typedef struct ObsDim {
    const char *id;
    const char **values;
    int nvalues;
} ObsDim;

typedef struct ObsSpec {
    const char *id;
    bool derived;
    bool history;
    int32_t anchor;
    Duration freq;
    int nrep;
    const char **rep;
    uint32_t *replen;
    int ndims;
    int dims[8];                /* into ObsIndex.dims */
    int ndue;
    int32_t *due;               /* DATE_NONE: read at the as-of date */
} ObsSpec;

typedef struct ObsIndex {
    const char *agreement;
    ObsDim *dims;
    int ndims;
    ObsSpec *ind;
    int nind;
    HMap map;                   /* indicator id -> index */
} ObsIndex;

/* Parses bundle_index() text into ix (strings and arrays in `a`). */
bool obs_index_parse(const char *text, Arena *a, ObsIndex *ix);
void obs_index_free(ObsIndex *ix);

#endif
