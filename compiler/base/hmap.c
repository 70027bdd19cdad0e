/* hmap.c - the hash table; see hmap.h. */
#include "hmap.h"

/* Zeroed memory for n items of `size` bytes, from the map's arena or mem_zeroed. */
static void *alloc(Arena *a, uint32_t n, size_t size)
{
    return a ? arena_alloc(a, n * size) : mem_zeroed(n * size);
}

static void init(HMap *m, HMapKind kind, Arena *a, int expected, bool values)
{
    /* Room for `expected` keys below the load limit (full()). */
    uint32_t cap = 16, want = (uint32_t)(expected > 0 ? expected : 0);
    want = kind != HMAP_PTR ? want + want / 3 + 2 : want * 2 + 2;
    while (cap < want)
        cap *= 2;
    memset(m, 0, sizeof *m);
    m->kind = kind;
    m->arena = a;
    m->mask = cap - 1;
    if (kind == HMAP_STR)
        m->str = alloc(a, cap, sizeof *m->str);
    else if (kind == HMAP_NAMED)
        m->obj = alloc(a, cap, sizeof *m->obj);
    else
        m->key = alloc(a, cap, sizeof *m->key);
    if (values)
        m->value = alloc(a, cap, sizeof *m->value);
}

void hmap_init_ptr(HMap *m, Arena *a, int expected)
{
    init(m, HMAP_PTR, a, expected, true);
}

void hmap_init_str(HMap *m, Arena *a, int expected, bool values)
{
    init(m, HMAP_STR, a, expected, values);
}

void hmap_init_named(HMap *m, Arena *a, int expected, const char *(*name)(const void *key),
                     int (*tag)(const void *key))
{
    init(m, HMAP_NAMED, a, expected, false);
    m->name = name;
    m->tag = tag;
}

void hmap_free(HMap *m)
{
    if (!m->arena) {
        size_t cap = (size_t)m->mask + 1;
        mem_release(m->key, cap * sizeof *m->key);
        mem_release(m->str, cap * sizeof *m->str);
        mem_release(m->obj, cap * sizeof *m->obj);
        mem_release(m->value, cap * sizeof *m->value);
    }
    memset(m, 0, sizeof *m);
}

/* The finalizer of MurmurHash3: pointers differ mostly in their middle bits. */
static uint32_t hash_ptr(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

/* An interned name's hash, from its address, moved by its tag (the golden
 * ratio spreads small tags over the low bits the table uses): the name's
 * text is not read. */
static uint32_t hash_tagged(const char *name, int tag)
{
    return hash_ptr(name) ^ (uint32_t)tag * 0x9E3779B9u;
}

static int tag_of(const HMap *m, const void *key)
{
    return m->tag ? m->tag(key) : 0;
}

/* ---- growth --------------------------------------------------------------- */

/* Whether one more key would pass the load limit: three quarters for
 * strings, whose probes compare a stored signature before the key, and
 * for named objects, whose probes compare a name's address and a tag; a
 * half for pointers, whose probes compare every key they pass.  (Three quarters for pointers too halved the
 * checks' tables of partners and indicators, but raised the peak of the
 * dense agreement by 1.2 MiB: the smaller blocks, malloc'd, fell under
 * glibc's mmap threshold, which rises as big blocks are freed, and came
 * from a heap that keeps what is freed; with the threshold fixed, both
 * peaks are equal.) */
static bool full(const HMap *m)
{
    uint32_t cap = m->mask + 1;
    return m->kind != HMAP_PTR ? (m->n + 1) * 4 > cap * 3 : (m->n + 1) * 2 > cap;
}

/* The first empty slot from hash h on. */
static uint32_t free_slot(const HMap *m, uint32_t h)
{
    uint32_t i = h & m->mask;
    if (m->kind == HMAP_STR)
        while (m->str[i].key)
            i = (i + 1) & m->mask;
    else if (m->kind == HMAP_NAMED)
        while (m->obj[i].obj)
            i = (i + 1) & m->mask;
    else
        while (m->key[i])
            i = (i + 1) & m->mask;
    return i;
}

/* Moves every key to a new table made for `expected` keys. */
static void rehash(HMap *m, int expected)
{
    HMap old = *m;
    init(m, old.kind, old.arena, expected, old.value != NULL);
    m->name = old.name;
    m->tag = old.tag;
    m->n = old.n;
    for (uint32_t k = 0; k <= old.mask; k++) {
        uint32_t i;
        if (old.kind == HMAP_STR) {
            if (!old.str[k].key)
                continue;
            i = free_slot(m, hmap_sig_hash(old.str[k].sig));
            m->str[i] = old.str[k];
        } else if (old.kind == HMAP_NAMED) {
            if (!old.obj[k].obj)
                continue;
            i = free_slot(m, hash_tagged(old.obj[k].name, old.obj[k].tag));
            m->obj[i] = old.obj[k];
        } else {
            if (!old.key[k])
                continue;
            i = free_slot(m, hash_ptr(old.key[k]));
            m->key[i] = old.key[k];
        }
        if (old.value)
            m->value[i] = old.value[k];
    }
    hmap_free(&old);
}

/* Doubles the capacity. */
static void grow(HMap *m)
{
    rehash(m, (int)m->mask);     /* 2 * mask + 2 slots */
}

void hmap_reserve(HMap *m, int more)
{
    HMap probe = *m;
    probe.n += (uint32_t)more;
    if (full(&probe))
        rehash(m, (int)m->n + more);
}

/* ---- pointer keys --------------------------------------------------------- */

int *hmap_ptr_get(const HMap *m, const void *p)
{
    if (!p)
        return NULL;
    for (uint32_t i = hash_ptr(p) & m->mask;; i = (i + 1) & m->mask) {
        if (!m->key[i])
            return NULL;
        if (m->key[i] == p)
            return &m->value[i];
    }
}

int *hmap_ptr_put(HMap *m, const void *p, int init_value)
{
    int *v = hmap_ptr_get(m, p);
    if (v)
        return v;
    if (full(m))
        grow(m);
    uint32_t i = free_slot(m, hash_ptr(p));
    m->key[i] = p;
    m->value[i] = init_value;
    m->n++;
    return &m->value[i];
}

int hmap_ptr_index(const HMap *m, const void *p)
{
    const int *v = hmap_ptr_get(m, p);
    return v ? *v : -1;
}

void hmap_ptr_add(HMap *m, const void *p)
{
    if (p)
        hmap_ptr_put(m, p, 0);
}

bool hmap_ptr_has(const HMap *m, const void *p)
{
    return hmap_ptr_get(m, p) != NULL;
}

/* ---- string keys ---------------------------------------------------------- */

uint32_t hmap_str_insert(HMap *m, const char *s, size_t n, uint32_t h, bool *added)
{
    int32_t at = hmap_str_find(m, s, n, h);
    *added = at < 0;
    if (at >= 0)
        return (uint32_t)at;
    if (full(m))
        grow(m);
    uint32_t i = free_slot(m, h);
    m->str[i] = (HMapStr){s, hmap_sig(s, n, h)};
    m->n++;
    return i;
}

void hmap_str_put(HMap *m, const char *key, size_t n, int value)
{
    bool added;
    uint32_t i = hmap_str_insert(m, key, n, hmap_hash(key, n), &added);
    if (added)
        m->value[i] = value;
}

/* ---- named keys ----------------------------------------------------------- */

/* The slot of the key (name, tag), or the empty slot where it would go;
 * h is the key's hash (hash_tagged).  A probe reads the slots only: not
 * the objects behind them, not the names' text. */
static uint32_t named_slot(const HMap *m, int tag, const char *name, uint32_t h)
{
    for (uint32_t i = h & m->mask;; i = (i + 1) & m->mask) {
        const HMapObj *e = &m->obj[i];
        if (!e->obj || (e->name == name && e->tag == tag))
            return i;
    }
}

void *hmap_named_get(const HMap *m, int tag, const char *name)
{
    return (void *)m->obj[named_slot(m, tag, name, hash_tagged(name, tag))].obj;
}

void *hmap_named_replace(HMap *m, const void *obj)
{
    int tag = tag_of(m, obj);
    const char *name = m->name(obj);
    uint32_t i = named_slot(m, tag, name, hash_tagged(name, tag));
    void *old = (void *)m->obj[i].obj;
    if (!old)
        return hmap_named_put(m, obj);
    m->obj[i].obj = obj;
    m->obj[i].name = name;
    return old;
}

void *hmap_named_put(HMap *m, const void *obj)
{
    int tag = tag_of(m, obj);
    const char *name = m->name(obj);
    uint32_t h = hash_tagged(name, tag);
    uint32_t i = named_slot(m, tag, name, h);
    if (m->obj[i].obj)
        return (void *)m->obj[i].obj;
    if (full(m)) {
        grow(m);
        i = free_slot(m, h);
    }
    m->obj[i] = (HMapObj){obj, name, tag};
    m->n++;
    return NULL;
}
