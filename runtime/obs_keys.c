/* obs_keys.c - the series table (obs_scan_keys): every (indicator,
 * reporter) of the index, found from a row's two id fields with one probe
 * (obs_int.h, ObsKeys).  Built before the scan's threads start, read-only
 * while they run. */
#include "obs_int.h"

#include <stdlib.h>
#include <string.h>

uint32_t obs_key_hash_whole(const char *ind, size_t ni, const char *rep, size_t nr)
{
    return hmap_mix((uint64_t)hmap_hash(ind, ni) << 32 | hmap_hash(rep, nr));
}

/* Fills the table; false when two series' hashes are equal. */
static bool keys_fill(const Obs *o, ObsKeys *ks)
{
    const BundleIndex *ix = o->ix;
    bool distinct = true;
    size_t at = 0;
    for (int i = 0; i < ix->nind; i++) {
        const BundleInd *x = &ix->ind[i];
        size_t ni = strlen(x->id);
        /* The series row_find finds: the first indicator of an id, the
         * first reporter of an id, none of a derived indicator. */
        if (x->derived || hmap_str_get(&ix->map, x->id, ni) != i)
            continue;
        for (int r = 0; r < x->nrep; r++) {
            /* The key is written first: hashing and comparing read 8
             * bytes at a time, which the ids themselves may not have. */
            ObsKey *k = (ObsKey *)(void *)(ks->rec + at);
            *k = key_make(o, i, r);
            k->ilen = (uint32_t)ni;
            k->rlen = x->replen[r];
            char *text = (char *)(k + 1);
            memcpy(text, x->id, ni);
            memcpy(text + ni, x->rep[r], x->replen[r]);
            Field fi = {text, (uint32_t)ni}, fr = {text + ni, x->replen[r]};
            uint32_t h = key_hash(ks, fi.p, fi.n, fr.p, fr.n);
            uint32_t s = h & ks->mask;
            bool dup = false;
            for (; ks->slot[s]; s = (s + 1) & ks->mask)
                if ((uint32_t)(ks->slot[s] >> 32) == h) {
                    if (key_is(key_at(ks, ks->slot[s]), &fi, &fr))
                        dup = true;
                    else
                        distinct = false;
                }
            if (dup) {
                memset(k, 0, sizeof *k + ni + x->replen[r]);
                continue;
            }
            ks->slot[s] = (uint64_t)h << 32 | (at / 8 + 1);
            at += (sizeof(ObsKey) + ni + x->replen[r] + 7) / 8 * 8;
        }
    }
    return distinct;
}

void obs_scan_keys(const Obs *o, ObsKeys *ks)
{
    const BundleIndex *ix = o->ix;
    size_t bytes = 8;   /* the slack word_at reads past the last key */
    uint32_t nkeys = 0;
    for (int i = 0; i < ix->nind; i++)
        for (int r = 0; r < ix->ind[i].nrep; r++) {
            bytes += (sizeof(ObsKey) + strlen(ix->ind[i].id) + ix->ind[i].replen[r] + 7) / 8 * 8;
            nkeys++;
        }
    uint32_t cap = 16;
    while (cap < 2 * nkeys)
        cap *= 2;
    ks->mask = cap - 1;
    ks->slot = obs_xcalloc(cap, sizeof *ks->slot);
    ks->rec = obs_xcalloc(bytes, 1);
    /* Ids sampled at their ends, unless that makes two series' hashes
     * equal (ids that differ only in their middle): then whole. */
    ks->whole = false;
    if (!keys_fill(o, ks)) {
        ks->whole = true;
        memset(ks->slot, 0, cap * sizeof *ks->slot);
        memset(ks->rec, 0, bytes);
        keys_fill(o, ks);
    }
}

void obs_scan_keys_free(ObsKeys *ks)
{
    free(ks->slot);
    free(ks->rec);
    memset(ks, 0, sizeof *ks);
}
