/* symtab.c - open addressing with linear probing, FNV-1a hashes. */
#include "symtab.h"

#include <stdint.h>
#include <string.h>

#include "model.h"

struct SymTab {
    Arena *arena;
    Decl **slots;
    int cap, n;
};

static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

SymTab *symtab_new(Arena *a)
{
    SymTab *t = arena_alloc(a, sizeof *t);
    t->arena = a;
    t->cap = 64;
    t->slots = arena_alloc(a, sizeof *t->slots * (size_t)t->cap);
    return t;
}

Decl *symtab_get(const SymTab *t, const char *name)
{
    uint32_t mask = (uint32_t)t->cap - 1;
    for (uint32_t i = hash(name) & mask;; i = (i + 1) & mask) {
        Decl *d = t->slots[i];
        if (!d)
            return NULL;
        if (strcmp(d->id, name) == 0)
            return d;
    }
}

static void grow(SymTab *t)
{
    Decl **old = t->slots;
    int oldcap = t->cap;
    t->cap *= 2;
    t->slots = arena_alloc(t->arena, sizeof *t->slots * (size_t)t->cap);
    uint32_t mask = (uint32_t)t->cap - 1;
    for (int k = 0; k < oldcap; k++) {
        if (!old[k])
            continue;
        uint32_t i = hash(old[k]->id) & mask;
        while (t->slots[i])
            i = (i + 1) & mask;
        t->slots[i] = old[k];
    }
}

Decl *symtab_put(SymTab *t, Decl *d)
{
    Decl *old = symtab_get(t, d->id);
    if (old)
        return old;
    if ((t->n + 1) * 2 > t->cap)
        grow(t);
    uint32_t mask = (uint32_t)t->cap - 1;
    uint32_t i = hash(d->id) & mask;
    while (t->slots[i])
        i = (i + 1) & mask;
    t->slots[i] = d;
    t->n++;
    return NULL;
}

int symtab_slots(const SymTab *t)
{
    return t->cap;
}

Decl *symtab_slot(const SymTab *t, int i)
{
    return t->slots[i];
}
