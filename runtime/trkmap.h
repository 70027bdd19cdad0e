/* trkmap.h - a map from strings to small integers (trk_map_), for ids
 * looked up once per CSV row.  Implemented in trk.c. */
#ifndef CHARTER_TRKMAP_H
#define CHARTER_TRKMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct TrkMapEnt {
    const char *key;        /* not owned; NULL: empty slot */
    uint32_t len;
    int value;
} TrkMapEnt;

typedef struct TrkMap {
    TrkMapEnt *e;
    uint32_t mask;
    int n;
} TrkMap;

/* Inline: the ledger scan hashes an id per row. */
static inline uint64_t trk_hash(const char *s, size_t n)
{
    /* It runs once per CSV row, so it reads at most three words: the
     * first and last eight bytes and eight from the middle (ids that
     * differ elsewhere only collide; the map compares whole keys).  The
     * end is murmur3's finalizer, so every input bit reaches the low bits
     * the table uses. */
    uint64_t x = n * 0x9E3779B97F4A7C15ull, w = 0;
    if (n >= 8) {
        __builtin_memcpy(&w, s, 8);
        x ^= w;
        if (n > 16) {
            __builtin_memcpy(&w, s + n / 2 - 4, 8);
            x = (x ^ (x >> 31)) * 0xff51afd7ed558ccdull ^ w;
        }
        __builtin_memcpy(&w, s + n - 8, 8);
        x = (x ^ (x >> 31)) * 0xc4ceb9fe1a85ec53ull ^ w;
    } else {
        __builtin_memcpy(&w, s, n);
        x ^= w;
    }
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    return x ^ (x >> 33);
}

void trk_map_init(TrkMap *m, int expected);
void trk_map_free(TrkMap *m);
/* Inserts key -> value (the key must outlive the map); an existing key
 * keeps its first value. */
void trk_map_put(TrkMap *m, const char *key, size_t len, int value);
/* The value of key, or -1. */
static inline int trk_map_get(const TrkMap *m, const char *key, size_t len, uint64_t h)
{
    for (uint32_t i = (uint32_t)h & m->mask;; i = (i + 1) & m->mask) {
        const TrkMapEnt *e = &m->e[i];
        if (!e->key)
            return -1;
        if (e->len == len && __builtin_memcmp(e->key, key, len) == 0)
            return e->value;
    }
}
int trk_map_find(const TrkMap *m, const char *key);

#endif
