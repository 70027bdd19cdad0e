/* arena.h - the one allocator of a compilation.
 *
 * Ownership rule: everything a compilation allocates (source text, tokens,
 * syntax tree, model, diagnostics) lives in one arena and is freed in one
 * call to arena_free().  Nothing inside is freed one by one. */
#ifndef CHARTER_ARENA_H
#define CHARTER_ARENA_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct Arena Arena;

Arena *arena_new(void);
void arena_free(Arena *a);
/* Forgets every block handed out, keeping the chunks for the blocks of the
 * next round: a run of passes that each need scratch memory (the checks)
 * reuses its pages instead of touching fresh ones, which the kernel must
 * clear (about 1 ms per MB).  The chunks one round does not take back are
 * freed at the next reset, and so are the interned names. */
void arena_reset(Arena *a);
/* Zeroed, 8-byte aligned memory (enough for pointers, double and int64_t);
 * exits only when the system has no memory. */
void *arena_alloc(Arena *a, size_t n);
/* n bytes, not zeroed and not aligned, for text the caller writes in full
 * (a source file read into the arena: clearing 12 MB first is wasted). */
void *arena_bytes(Arena *a, size_t n);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
/* The one copy of s[0..n) in this arena: equal names get the same pointer.
 * The text must never be written to. */
const char *arena_intern(Arena *a, const char *s, size_t n);
/* The copy arena_intern made of s[0..n), or NULL when it made none (a
 * name never read, or one longer than it interns): a lookup by text in a
 * table keyed by interned names (hmap.h) asks this first. */
const char *arena_interned(const Arena *a, const char *s, size_t n);
/* Room in the intern table for `more` new names, made at once rather than
 * by doubling as they come (each doubling rehashes every name). */
void arena_reserve_names(Arena *a, int more);
/* x, sep and y in one string: what arena_printf("%s%c%s") gives, without
 * formatting (the resolver names every declaration so). */
char *arena_join(Arena *a, const char *x, char sep, const char *y);
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *arena_vprintf(Arena *a, const char *fmt, va_list ap);
size_t arena_used(const Arena *a);
/* The arena will hold about `bytes`: when that is a big compilation, its
 * chunks are 2 MiB on huge pages from the first, not only once 8 MiB are
 * used (compile_memory's files, a tracker's views among them, are not read
 * into the arena, so the arena cannot tell from that). */
void arena_expect(Arena *a, size_t bytes);

/* Zeroed memory outside any arena, for a table that grows and is freed on
 * its own (hmap.c); a block of a megabyte or more is mapped on huge pages
 * as the arena's own are.  Exits only when the system has no memory.
 * mem_release takes the size that was asked for. */
void *mem_zeroed(size_t n);
void mem_release(void *p, size_t n);

/* A growable array whose storage lives in an arena.  Growth doubles the
 * capacity, so the memory left behind is at most the final size.  The first
 * block holds 2 items, or 1 of more than 16 bytes: most lists are short,
 * and a big item is most often alone (an activity's one budget, a
 * partner's one commitment: a second slot for each was 2.7 MB of the
 * dense benchmark agreement).  (The parser does not grow its lists here:
 * it copies each to the arena at its exact size.) */
#define VEC(T) struct { T *v; int n, cap; }
#define VEC_FIRST(vec) (sizeof *(vec).v > 16 ? 1 : 2)
#define VEC_PUSH(A, vec, item) VEC_PUSH_FIRST(A, vec, item, VEC_FIRST(vec))
/* VEC_PUSH whose first block holds `first` items (at least 1; evaluated
 * only then), for a caller that knows how many are coming. */
#define VEC_PUSH_FIRST(A, vec, item, first)                                 \
    do {                                                                    \
        if ((vec).n == (vec).cap) {                                         \
            int nc_ = (vec).cap ? (vec).cap * 2 : (first);                  \
            void *nv_ = arena_alloc((A), (size_t)nc_ * sizeof *(vec).v);    \
            if ((vec).n)                                                    \
                memcpy(nv_, (vec).v, (size_t)(vec).n * sizeof *(vec).v);    \
            (vec).v = nv_;                                                  \
            (vec).cap = nc_;                                                \
        }                                                                   \
        (vec).v[(vec).n++] = (item);                                        \
    } while (0)

#endif
