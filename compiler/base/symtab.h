/* symtab.h - hash table from names to declarations (one per namespace). */
#ifndef CHARTER_SYMTAB_H
#define CHARTER_SYMTAB_H

#include "arena.h"

typedef struct SymTab SymTab;
struct Decl;

SymTab *symtab_new(Arena *a);
struct Decl *symtab_get(const SymTab *t, const char *name);
/* Inserts; returns the declaration already there (and inserts nothing), or NULL. */
struct Decl *symtab_put(SymTab *t, struct Decl *d);
/* Iteration for suggestions: slot i holds a declaration or NULL. */
int symtab_slots(const SymTab *t);
struct Decl *symtab_slot(const SymTab *t, int i);

#endif
