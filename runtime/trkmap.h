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

uint64_t trk_hash(const char *s, size_t n);
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
