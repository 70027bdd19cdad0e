/* hmap.h - the hash table of the compiler and the tracker (hmap_).
 *
 * One open-addressing table with linear probing serves every map, in one
 * of three kinds of key:
 *   HMAP_PTR    pointers to ints: a declaration's position in its model
 *               list, a group number, or membership (a set);
 *   HMAP_STR    strings (text and length) to ints, or to nothing: the
 *               tracker's ids to their indexes, the arena's intern table;
 *   HMAP_NAMED  objects that carry an interned name (arena_intern) and
 *               perhaps a tag, found by both: a model's declarations (its
 *               symbol table), whose tag is their kind, so that each kind
 *               has its own names.  The name's address is the key.
 *
 * The capacity is a power of two; the table doubles before it is more than
 * half full, or three quarters for strings and named objects, whose slots
 * keep a string key's signature, or an object's interned name and tag, so
 * that a probe reads a string key only when they match and never reads
 * an object.  A string key is under 2 GiB.
 * Every operation takes expected O(1).  A key, once put, keeps its first
 * value (a declaration listed twice maps to its first position).
 *
 * Memory per slot is what each use needs and no more (these tables are a
 * measurable part of the front end's peak): 12 bytes for a pointer and its
 * value, 24 for a named object, 16 for a string (20 with a value).  The
 * arrays live in an arena (nothing to free; growth leaves the old arrays
 * there) or, with no arena, in malloc'd memory that hmap_free releases. */
#ifndef CHARTER_HMAP_H
#define CHARTER_HMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

typedef enum HMapKind { HMAP_PTR, HMAP_STR, HMAP_NAMED } HMapKind;

/* A slot of a string map; key NULL: empty.  Sixteen bytes, four to a
 * cache line (the intern table of the dense agreement: 136,000 names in
 * 262,144 slots, 4 MB instead of the 6 MB of 24-byte slots).  The
 * signature (hmap_sig) tells most keys apart without reading their text:
 * a key of seven bytes or fewer is its signature, bytes and length, so a
 * probe for it never reads a key's text; a longer key's holds its length
 * and hash, and the text is read only when both match.  (Reading the key's
 * text on each probe was a cache miss per name in the intern table.) */
typedef struct HMapStr {
    const char *key;
    uint64_t sig;           /* hmap_sig(key, len, hash) */
} HMapStr;

/* A slot of a named map; obj NULL: empty.  The name and the tag are kept
 * beside the pointer, so that a probe of a symbol table of 66,000
 * declarations reads one line per slot it passes and not the object
 * (anywhere in memory) behind it, not even the one it finds.  The names
 * are interned, so a name is its address, and the hash is the address's
 * with the tag: neither a probe nor its hash reads the name's text
 * (reading it, a cache miss per reference, was a sixth of checking the
 * dense agreement: docs/performance.md). */
typedef struct HMapObj {
    const void *obj;
    const char *name;       /* name(obj) */
    int32_t tag;
} HMapObj;

typedef struct HMap {
    HMapKind kind;
    const void **key;       /* HMAP_PTR: each slot's key, NULL when empty */
    HMapStr *str;           /* HMAP_STR: each slot's key */
    HMapObj *obj;           /* HMAP_NAMED: each slot's object */
    int *value;             /* each slot's value; NULL in a map without values */
    const char *(*name)(const void *key);  /* HMAP_NAMED: a key's name */
    int (*tag)(const void *key);            /* HMAP_NAMED: a key's tag; NULL: all 0 */
    uint32_t mask;          /* capacity - 1 */
    uint32_t n;             /* keys held */
    Arena *arena;           /* NULL: malloc'd */
} HMap;

/* Each sized for `expected` keys without growing. */
void hmap_init_ptr(HMap *m, Arena *a, int expected);
void hmap_init_str(HMap *m, Arena *a, int expected, bool values);
/* A named map: two objects are one key when their names are the same
 * interned name (one pointer: arena_intern) and their tags are equal;
 * `tag` may be NULL (every tag 0).  A name that is not interned is a key
 * of its own, found by no equal text. */
void hmap_init_named(HMap *m, Arena *a, int expected, const char *(*name)(const void *key),
                     int (*tag)(const void *key));
/* Makes room for `more` keys at once: a map in an arena that grew key by
 * key would leave every smaller table it outgrew behind (the symbol table
 * of a 66,000-declaration file: 2 MB). */
void hmap_reserve(HMap *m, int more);
/* Releases a map made without an arena; does nothing for one in an arena. */
void hmap_free(HMap *m);

/* ---- pointer keys --------------------------------------------------------- */

/* The value of key p, or NULL when p is absent (or NULL). */
int *hmap_ptr_get(const HMap *m, const void *p);
/* The value of key p, inserted with `init` when absent; p is not NULL. */
int *hmap_ptr_put(HMap *m, const void *p, int init);
/* The value of key p, or -1 when p is absent (or NULL). */
int hmap_ptr_index(const HMap *m, const void *p);
/* As a set: adding NULL does nothing, NULL is never a member. */
void hmap_ptr_add(HMap *m, const void *p);
bool hmap_ptr_has(const HMap *m, const void *p);

/* Maps each element of a VEC of pointers to its position. */
#define HMAP_POSITIONS(m, a, vec)                                  \
    do {                                                           \
        hmap_init_ptr((m), (a), (vec).n);                          \
        for (int i_ = 0; i_ < (vec).n; i_++)                       \
            hmap_ptr_put((m), (vec).v[i_], i_);                    \
    } while (0)

/* ---- string keys ---------------------------------------------------------- */

/* The first eight bytes of s[0..n), zero-padded when n < 8, read with no
 * byte past n and no library call: a key of 4 to 7 bytes as two words of
 * four that overlap, a shorter one byte by byte. */
static inline uint64_t hmap_head(const char *s, size_t n)
{
    uint64_t w = 0;
    if (n >= 8) {
        memcpy(&w, s, 8);
    } else if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        w = lo | (uint64_t)hi << (8 * (n - 4));
    } else {
        for (size_t i = 0; i < n; i++)
            w |= (uint64_t)(unsigned char)s[i] << (8 * i);
    }
    return w;
}

/* The mixing of hmap_hash once the key's words are in x. */
static inline uint32_t hmap_mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    return (uint32_t)(x ^ (x >> 33));
}

/* Inline, like hmap_str_find: the tracker hashes an id per CSV row and the
 * lexer a name per token.  Eight bytes at a time (the last eight again,
 * overlapping, for the tail; a key under 8 bytes as hmap_head reads it),
 * then murmur3's finalizer, so every byte reaches the low bits the table
 * uses. */
static inline uint32_t hmap_hash(const char *s, size_t n)
{
    uint64_t x = n * 0x9E3779B97F4A7C15ull, w;
    if (n < 8) {
        x ^= hmap_head(s, n);
    } else {
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&w, s + i, 8);
            x = (x ^ w) * 0xff51afd7ed558ccdull;
            x ^= x >> 32;
        }
        memcpy(&w, s + n - 8, 8);
        x ^= w;
    }
    return hmap_mix(x);
}

/* The signature of key s[0..n) whose hash is h: under 8 bytes, the bytes
 * (hmap_head) with the length in the top byte, which the bytes leave
 * zero; else the top bit set, the length and the hash.  Equal keys have
 * equal signatures; two short keys with equal signatures are equal. */
static inline uint64_t hmap_sig(const char *s, size_t n, uint32_t h)
{
    if (n < 8)
        return hmap_head(s, n) | (uint64_t)n << 56;
    return 1ull << 63 | (uint64_t)(n & 0x7fffffff) << 32 | h;
}

/* The hash of the key whose signature is sig (hmap_hash of its text). */
static inline uint32_t hmap_sig_hash(uint64_t sig)
{
    if (sig >> 63)
        return (uint32_t)sig;
    uint64_t n = sig >> 56;
    return hmap_mix(n * 0x9E3779B97F4A7C15ull ^ (sig & ~(0xffull << 56)));
}

/* memcmp(a, b, n) == 0 for short keys, inlined: the library call costs more
 * than comparing twenty bytes. */
static inline bool hmap_same(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    if (n >= 8) {
        for (size_t i = 0; i + 8 <= n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    return hmap_head(a, n) == hmap_head(b, n);
}

/* Whether `key`, whose signature is ksig, is s[0..n), whose signature is
 * sig: the text is compared only for a key of 8 bytes or more (a shorter
 * one's signature is its bytes and length). */
static inline bool hmap_sig_same(uint64_t ksig, const char *key, uint64_t sig, const char *s,
                                 size_t n)
{
    return ksig == sig && (n < 8 || hmap_same(key, s, n));
}

/* The slot of key s[0..n) whose hash is h (hmap_hash), or -1. */
static inline int32_t hmap_str_find(const HMap *m, const char *s, size_t n, uint32_t h)
{
    uint64_t sig = hmap_sig(s, n, h);
    for (uint32_t i = h & m->mask;; i = (i + 1) & m->mask) {
        const HMapStr *e = &m->str[i];
        if (!e->key)
            return -1;
        if (hmap_sig_same(e->sig, e->key, sig, s, n))
            return (int32_t)i;
    }
}

/* The value of key s[0..n), or -1 when it is absent. */
static inline int hmap_str_get(const HMap *m, const char *s, size_t n)
{
    int32_t i = hmap_str_find(m, s, n, hmap_hash(s, n));
    return i < 0 ? -1 : m->value[i];
}

/* The slot of key s[0..n) (hash h), inserted when absent (*added is then
 * true and the slot holds s itself, which the caller may replace by an
 * equal copy: the intern table keeps its own).  The key must outlive the
 * map. */
uint32_t hmap_str_insert(HMap *m, const char *s, size_t n, uint32_t h, bool *added);
/* Inserts key -> value when the key is absent. */
void hmap_str_put(HMap *m, const char *key, size_t n, int value);

/* ---- named keys ----------------------------------------------------------- */

/* The object in slot i (0 to mask), or NULL: for going through every
 * object, in no particular order. */
static inline void *hmap_named_at(const HMap *m, uint32_t i)
{
    return (void *)m->obj[i].obj;
}

/* The object named `name` (interned, as the keys are) with tag `tag`, or
 * NULL.  (The map never writes to its objects; they are the caller's,
 * returned as the caller may use them.) */
void *hmap_named_get(const HMap *m, int tag, const char *name);
/* Inserts obj; returns the object already there under its name and tag
 * (and inserts nothing), or NULL. */
void *hmap_named_put(HMap *m, const void *obj);
/* Puts obj in the place of the object of its name and tag and returns
 * that object; inserts obj and returns NULL when there is none. */
void *hmap_named_replace(HMap *m, const void *obj);

#endif
