/* ptrmap.c - pointer maps and sets.  See ptrmap.h. */
#include "ptrmap.h"

/* The finalizer of MurmurHash3: pointers differ mostly in their middle bits. */
static uint32_t hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

void ptrmap_init(PtrMap *m, Arena *a, int expected)
{
    uint32_t cap = 16;
    while (cap < (uint32_t)(expected > 0 ? expected : 0) * 2u + 2u)
        cap *= 2;
    m->a = a;
    m->key = arena_alloc(a, cap * sizeof *m->key);
    m->val = arena_alloc(a, cap * sizeof *m->val);
    m->mask = cap - 1;
    m->n = 0;
}

int *ptrmap_get(const PtrMap *m, const void *p)
{
    if (!p)
        return NULL;
    for (uint32_t i = hash(p) & m->mask;; i = (i + 1) & m->mask) {
        if (!m->key[i])
            return NULL;
        if (m->key[i] == p)
            return &m->val[i];
    }
}

int *ptrmap_put(PtrMap *m, const void *p, int init)
{
    int *v = ptrmap_get(m, p);
    if (v)
        return v;
    if ((m->n + 1) * 2 > m->mask + 1) {
        PtrMap t;
        ptrmap_init(&t, m->a, (int)(m->mask + 1));
        for (uint32_t i = 0; i <= m->mask; i++)
            if (m->key[i])
                *ptrmap_put(&t, m->key[i], 0) = m->val[i];
        *m = t;
    }
    uint32_t i = hash(p) & m->mask;
    while (m->key[i])
        i = (i + 1) & m->mask;
    m->key[i] = p;
    m->val[i] = init;
    m->n++;
    return &m->val[i];
}

int ptrmap_index(const PtrMap *m, const void *p)
{
    const int *v = ptrmap_get(m, p);
    return v ? *v : -1;
}

void ptrmap_add(PtrSet *s, const void *p)
{
    if (p)
        ptrmap_put(s, p, 0);
}

bool ptrmap_has(const PtrSet *s, const void *p)
{
    return ptrmap_get(s, p) != NULL;
}
