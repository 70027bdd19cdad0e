/* ptrmap.h - a map from pointers to ints: a declaration's position in its
 * model list, a group number, or just membership (a set).
 *
 * Open addressing with linear probing; the table grows at half full, so
 * every operation takes expected O(1).  Lives in an arena: nothing to free.
 * A key, once put, keeps its first value (a declaration listed twice maps
 * to its first position). */
#ifndef CHARTER_PTRMAP_H
#define CHARTER_PTRMAP_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"

typedef struct PtrMap {
    Arena *a;
    const void **key;
    int *val;
    uint32_t mask;      /* capacity - 1, capacity a power of two */
    uint32_t n;         /* keys held */
} PtrMap;

/* A set is a map whose values are not read. */
typedef PtrMap PtrSet;

/* Sized for `expected` keys without growing. */
void ptrmap_init(PtrMap *m, Arena *a, int expected);
/* The value of key p, or NULL when p is absent (or NULL). */
int *ptrmap_get(const PtrMap *m, const void *p);
/* The value of key p, inserted with `init` when absent; p is not NULL. */
int *ptrmap_put(PtrMap *m, const void *p, int init);
/* The value of key p, or -1 when p is absent (or NULL). */
int ptrmap_index(const PtrMap *m, const void *p);
/* Set operations: adding NULL does nothing, NULL is never a member. */
void ptrmap_add(PtrSet *s, const void *p);
bool ptrmap_has(const PtrSet *s, const void *p);

/* Maps each element of a VEC of pointers to its position. */
#define PTRMAP_POSITIONS(m, a, vec)                                \
    do {                                                           \
        ptrmap_init((m), (a), (vec).n);                            \
        for (int i_ = 0; i_ < (vec).n; i_++)                       \
            ptrmap_put((m), (vec).v[i_], i_);                      \
    } while (0)

#endif
