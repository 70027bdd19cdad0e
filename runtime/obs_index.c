/* obs_index.c - parsing the index a tracker carries (obs_index_).  See
 * obs_index.h. */
#include "obs_index.h"

#include <stdlib.h>
#include <string.h>

/* The next space-separated word of a line, NUL-terminated in place. */
static char *word(char **p)
{
    while (**p == ' ')
        (*p)++;
    if (!**p)
        return NULL;
    char *w = *p;
    while (**p && **p != ' ')
        (*p)++;
    if (**p)
        *(*p)++ = '\0';
    return w;
}

static bool date_word(const char *w, int32_t *out)
{
    if (!w)
        return false;
    if (strcmp(w, "-") == 0) {
        *out = DATE_NONE;
        return true;
    }
    char *end;
    long v = strtol(w, &end, 10);
    *out = (int32_t)v;
    return *end == '\0' && end != w;
}

bool obs_index_parse(const char *text, Arena *a, ObsIndex *ix)
{
    memset(ix, 0, sizeof *ix);
    char *copy = arena_strdup(a, text);
    int nd = 0, ni = 0;
    for (const char *p = text; *p; p++)
        if (p == text || p[-1] == '\n') {
            nd += *p == 'D';
            ni += *p == 'I';
        }
    ix->dims = arena_alloc(a, sizeof *ix->dims * (size_t)(nd + 1));
    ix->ind = arena_alloc(a, sizeof *ix->ind * (size_t)(ni + 1));
    hmap_init_str(&ix->map, NULL, ni, true);
    char *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *p = line, *kind = word(&p);
        if (!kind)
            continue;
        if (strcmp(kind, "A") == 0) {
            ix->agreement = word(&p);
        } else if (strcmp(kind, "D") == 0) {
            ObsDim *d = &ix->dims[ix->ndims++];
            d->id = word(&p);
            if (!d->id)
                return false;
            const char *vals[1024];
            for (char *w; (w = word(&p));)
                if (d->nvalues < 1024)
                    vals[d->nvalues++] = w;
            d->values = arena_alloc(a, sizeof *d->values * (size_t)(d->nvalues + 1));
            memcpy(d->values, vals, sizeof *vals * (size_t)d->nvalues);
        } else if (strcmp(kind, "I") == 0) {
            ObsSpec *x = &ix->ind[ix->nind];
            char *w;
            x->id = word(&p);
            char *derived = word(&p);
            if (!x->id || !derived || !date_word(word(&p), &x->anchor))
                return false;
            char *fn = word(&p), *fu = word(&p), *hist = word(&p);
            if (!fn || !fu || !hist)
                return false;
            x->derived = derived[0] == '1';
            x->freq.n = atoi(fn);
            x->freq.unit = (DurUnit)atoi(fu);
            x->history = hist[0] == '1';
            if (!(w = word(&p)) || strcmp(w, "R") != 0)
                return false;
            const char *reps[256];
            while ((w = word(&p)) && strcmp(w, "M") != 0)
                if (x->nrep < 256)
                    reps[x->nrep++] = w;
            x->rep = arena_alloc(a, sizeof *x->rep * (size_t)(x->nrep + 1));
            x->replen = arena_alloc(a, sizeof *x->replen * (size_t)(x->nrep + 1));
            for (int r = 0; r < x->nrep; r++) {
                x->rep[r] = reps[r];
                x->replen[r] = (uint32_t)strlen(reps[r]);
            }
            while ((w = word(&p)) && strcmp(w, "E") != 0) {
                int k = atoi(w);
                if (k < 0 || k >= ix->ndims)
                    return false;
                if (x->ndims < 8)
                    x->dims[x->ndims++] = k;
            }
            int32_t due[512];
            while ((w = word(&p)))
                if (x->ndue < 512 && date_word(w, &due[x->ndue]))
                    x->ndue++;
            x->due = arena_alloc(a, sizeof *x->due * (size_t)(x->ndue + 1));
            memcpy(x->due, due, sizeof *due * (size_t)x->ndue);
            hmap_str_put(&ix->map, x->id, strlen(x->id), ix->nind);
            ix->nind++;
        }
    }
    return ix->agreement != NULL;
}

void obs_index_free(ObsIndex *ix)
{
    hmap_free(&ix->map);
}
