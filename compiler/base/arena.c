/* arena.c - bump allocator in chunks; see arena.h for the ownership rule.
 *
 * Memory matters here: on a 10 MB agreement the syntax tree is most of the
 * peak (docs/performance.md).  So blocks are 8-byte aligned (the strictest
 * alignment of anything the compiler stores: pointers, double, int64_t),
 * strings are packed with no alignment at all, and names are interned: a
 * name that occurs 10,000 times in a file is stored once. */
#define _DEFAULT_SOURCE
#include "arena.h"

#include "hmap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

enum { CHUNK = 64 * 1024, ALIGN = 8 };
#define HUGE ((size_t)2 << 20)
/* Blocks this big get a mapping of their own (map_huge). */
#define BIG ((size_t)1 << 20)

typedef struct Chunk {
    struct Chunk *next;
    size_t size, used;
    size_t mapped;      /* bytes mmap'd at the chunk, 0 for malloc */
    bool fresh;         /* mapped and not taken back after arena_reset: zeroed */
    _Alignas(16) unsigned char data[];
} Chunk;

struct Arena {
    Chunk *head;
    Chunk *spare;       /* the chunks arena_reset took back, for bump_fresh */
    size_t total;
    size_t expect;      /* arena_expect's bytes */
    /* The intern table: the text of each name, no value.  It is malloc'd
     * (freed with the arena) so that its growth leaves nothing behind in
     * the arena; made on the first name. */
    HMap names;
};

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fputs("charterc: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

Arena *arena_new(void)
{
    Arena *a = xmalloc(sizeof *a);
    a->head = NULL;
    a->spare = NULL;
    a->total = 0;
    a->expect = 0;
    memset(&a->names, 0, sizeof a->names);
    return a;
}

static void free_chunks(Chunk *c)
{
    for (Chunk *next; c; c = next) {
        next = c->next;
        if (c->mapped)
            munmap(c, c->mapped);
        else
            free(c);
    }
}

void arena_free(Arena *a)
{
    if (!a)
        return;
    free_chunks(a->head);
    free_chunks(a->spare);
    hmap_free(&a->names);
    free(a);
}

/* n bytes (rounded up to whole pages) of zeroed memory from the kernel,
 * starting on a 2 MiB boundary and advised onto huge pages: the kernel
 * then clears the memory 2 MiB at a time on first touch instead of taking
 * a fault per 4 KiB page, which on this kind of machine costs about six
 * times as much (docs/performance.md).  *mapped is the length to unmap;
 * NULL when the system says no. */
static void *map_huge(size_t n, size_t *mapped)
{
    n = (n + 4095) & ~(size_t)4095;
    void *m = mmap(NULL, n + HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return NULL;
    uintptr_t b = ((uintptr_t)m + HUGE - 1) & ~(uintptr_t)(HUGE - 1);
    if (b > (uintptr_t)m)
        munmap(m, b - (uintptr_t)m);
    if ((uintptr_t)m + n + HUGE > b + n)
        munmap((void *)(b + n), (uintptr_t)m + n + HUGE - b - n);
    madvise((void *)b, n, MADV_HUGEPAGE);
    *mapped = n;
    return (void *)b;
}

void *mem_zeroed(size_t n)
{
    /* By size only, as mem_release decides how to give it back. */
    size_t mapped;
    void *p = n >= BIG ? map_huge(n, &mapped) : calloc(n ? n : 1, 1);
    if (!p) {
        fputs("charterc: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

void arena_reset(Arena *a)
{
    /* What the last round did not take back goes: a run of passes keeps
     * at most two rounds' mapped chunks.  Those alone are kept, as only
     * they come back as fresh pages: kept too, malloc'd chunks raised the
     * checks' peak by 0.8 MB on the spread benchmark. */
    free_chunks(a->spare);
    a->spare = NULL;
    for (Chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        if (c->mapped) {
            c->next = a->spare;
            a->spare = c;
        } else {
            free(c);
        }
    }
    a->head = NULL;
    a->total = 0;           /* a round is small or big on its own */
    hmap_free(&a->names);   /* its keys were in the chunks */
}

/* The smallest spare chunk that holds a big block of n bytes and not
 * twice as much, taken off the spare list; NULL when none does.  (A
 * smaller block takes a new chunk: one of the spare ones would be taken
 * from the big block of the same size that the round is likely to ask
 * for next.) */
static Chunk *take_spare(Arena *a, size_t n)
{
    Chunk **best = NULL;
    for (Chunk **c = &a->spare; *c; c = &(*c)->next)
        if ((*c)->size >= n && (*c)->size / 2 <= n && (!best || (*c)->size < (*best)->size))
            best = c;
    if (!best)
        return NULL;
    Chunk *nc = *best;
    *best = nc->next;
    nc->fresh = false;
    return nc;
}

void mem_release(void *p, size_t n)
{
    if (!p)
        return;
    if (n >= BIG)
        munmap(p, (n + 4095) & ~(size_t)4095);
    else
        free(p);
}

/* A chunk for a block of n bytes, its own when `own`. */
static Chunk *new_chunk(Arena *a, bool own, size_t n)
{
    size_t size = own ? n : CHUNK, mapped = 0;
    Chunk *nc = NULL;
    if (!own && (a->total >= 4 * HUGE || a->expect >= 4 * HUGE)) {
        /* A big compilation: 2 MiB chunks on huge pages. */
        nc = map_huge(HUGE, &mapped);
        if (nc)
            size = HUGE - sizeof *nc;
    } else if (size >= BIG) {
        /* A big block (a file's text, a large table): a mapping of
         * its own, on huge pages too. */
        nc = map_huge(sizeof *nc + size, &mapped);
    }
    if (nc) {
        nc->mapped = mapped;
    } else {
        size = own ? n : CHUNK;
        nc = xmalloc(sizeof *nc + size);
        nc->mapped = 0;
    }
    nc->size = size;
    nc->fresh = mapped != 0;
    return nc;
}

/* bump_fresh when the current chunk has no room: a new chunk (or a spare
 * one) for the n bytes. */
static __attribute__((noinline)) void *bump_chunk(Arena *a, size_t n, bool *fresh)
{
    Chunk *c = a->head;
    bool own = n > CHUNK / 4;
    Chunk *nc = own && a->spare ? take_spare(a, n) : NULL;
    if (!nc)
        nc = new_chunk(a, own, n);
    a->total += nc->size;
    nc->used = n;
    /* A big block gets a chunk of its own behind the current one, so the
     * free space of the current chunk is not thrown away. */
    if (c && own) {
        nc->next = c->next;
        c->next = nc;
    } else {
        nc->next = c;
        a->head = nc;
    }
    *fresh = nc->fresh;
    return nc->data;
}

/* n bytes aligned to `align` (1 or ALIGN), not zeroed; *fresh says whether
 * they come straight from the kernel, hence zeroed (a mapped chunk that
 * arena_reset did not hand back: otherwise the arena never hands a byte
 * out twice).  Inline: the parser allocates for every statement and
 * argument list, and the call, with its saved registers, was as many
 * instructions as the allocation. */
static inline void *bump_fresh(Arena *a, size_t n, size_t align, bool *fresh)
{
    Chunk *c = a->head;
    if (c) {
        size_t at = (c->used + align - 1) & ~(align - 1);
        if (at <= c->size && c->size - at >= n) {
            c->used = at + n;
            *fresh = c->fresh;
            return c->data + at;
        }
    }
    return bump_chunk(a, n, fresh);
}

/* bump_fresh for text, which the caller writes in full. */
static void *bump(Arena *a, size_t n, size_t align)
{
    bool fresh;
    return bump_fresh(a, n, align, &fresh);
}

void *arena_alloc(Arena *a, size_t n)
{
    if (n == 0)
        n = 1;
    bool fresh;
    void *p = bump_fresh(a, n, ALIGN, &fresh);
    if (!fresh)
        memset(p, 0, n);
    return p;
}

void *arena_bytes(Arena *a, size_t n)
{
    return bump(a, n ? n : 1, 1);
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = bump(a, n + 1, 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_join(Arena *a, const char *x, char sep, const char *y)
{
    size_t nx = strlen(x), ny = strlen(y);
    char *p = bump(a, nx + 1 + ny + 1, 1);
    memcpy(p, x, nx);
    p[nx] = sep;
    memcpy(p + nx + 1, y, ny + 1);
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

/* A short text is formatted once, on the stack, and copied; a long one
 * is measured first.  (The front end formats a subject for every
 * declaration it reads: formatting each twice showed in the tracker's
 * start-up.) */
char *arena_vprintf(Arena *a, const char *fmt, va_list ap)
{
    char small[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        small[0] = '\0';
        n = 0;
    }
    char *p = bump(a, (size_t)n + 1, 1);
    if ((size_t)n < sizeof small)
        memcpy(p, small, (size_t)n + 1);
    else
        vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

/* Names longer than this are not worth a table slot. */
enum { INTERN_MAX = 256 };

/* The interned copy of s[0..n), packed like any string: no word before it
 * and no alignment (a word per name, kept for the lexer's cache of head
 * words until the parser held arguments by value, was 1.6 MB of the dense
 * agreement's 137,000 names with its padding). */
static const char *intern(Arena *a, const char *s, size_t n)
{
    if (!a->names.str)
        hmap_init_str(&a->names, NULL, 511, false);
    bool added;
    uint32_t i = hmap_str_insert(&a->names, s, n, hmap_hash(s, n), &added);
    if (added)
        a->names.str[i].key = arena_strndup(a, s, n);
    return a->names.str[i].key;
}

void arena_reserve_names(Arena *a, int more)
{
    /* Made at its size when there is no table yet, rather than made small
     * and moved at once. */
    if (!a->names.str)
        hmap_init_str(&a->names, NULL, more > 511 ? more : 511, false);
    else
        hmap_reserve(&a->names, more);
}

const char *arena_intern(Arena *a, const char *s, size_t n)
{
    if (n > INTERN_MAX)
        return arena_strndup(a, s, n);
    return intern(a, s, n);
}

const char *arena_interned(const Arena *a, const char *s, size_t n)
{
    if (n > INTERN_MAX || !a->names.str)
        return NULL;
    int32_t i = hmap_str_find(&a->names, s, n, hmap_hash(s, n));
    return i < 0 ? NULL : a->names.str[i].key;
}

void arena_expect(Arena *a, size_t bytes)
{
    a->expect = bytes;
}

size_t arena_used(const Arena *a)
{
    return a->total;
}
