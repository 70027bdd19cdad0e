/* bundle_read.c - reading the bundle a tracker carries (bundle_): its
 * trailer and payload, every read bounds-checked, and compiling it again.
 * The format is described in bundle.h. */
#define _POSIX_C_SOURCE 200809L
#include "bundle.h"
#include "bundle_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sha256.h"

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static bool pread_all(int fd, void *p, size_t n, uint64_t off)
{
    char *q = p;
    while (n > 0) {
        ssize_t r = pread(fd, q, n, (off_t)off);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        q += r;
        n -= (size_t)r;
        off += (uint64_t)r;
    }
    return true;
}

/* A cursor over the payload; every read is bounds-checked. */
typedef struct Rd {
    const unsigned char *p, *end;
    bool bad;
} Rd;

static uint64_t rd_int(Rd *r, int size)
{
    if (r->bad || r->end - r->p < size) {
        r->bad = true;
        return 0;
    }
    uint64_t v = 0;
    for (int i = size - 1; i >= 0; i--)
        v = v << 8 | r->p[i];
    r->p += size;
    return v;
}

/* The next `n` bytes, left in place. */
static const char *rd_raw(Rd *r, uint64_t n)
{
    if (r->bad || (uint64_t)(r->end - r->p) < n) {
        r->bad = true;
        return "";
    }
    const char *s = (const char *)r->p;
    r->p += n;
    return s;
}

/* The next `n` bytes as a C string, copied to *names (the payload stays
 * as it was hashed). */
static const char *rd_str(Rd *r, char **names)
{
    uint64_t n = rd_int(r, 4);
    const char *s = rd_raw(r, n);
    if (r->bad)
        return "";
    char *d = *names;
    memcpy(d, s, n);
    d[n] = '\0';
    *names += n + 1;
    return d;
}

int bundle_read(const char *path, const char *name, Bundle *b, char *err, size_t errsize)
{
    memset(b, 0, sizeof *b);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return bundle_fail(err, errsize, "cannot open %s to read its agreement", name);
    struct stat st;
    unsigned char t[BUNDLE_TRAILER_SIZE];
    if (fstat(fd, &st) != 0 || st.st_size < BUNDLE_TRAILER_SIZE ||
        !pread_all(fd, t, sizeof t, (uint64_t)st.st_size - sizeof t) ||
        memcmp(t, BUNDLE_TRAILER_MAGIC, (sizeof BUNDLE_TRAILER_MAGIC - 1)) != 0) {
        close(fd);
        return bundle_fail(err, errsize,
                    "%s carries no agreement: make a tracker with `charterc tracker FILE -o NAME`",
                    name);
    }
    b->offset = get_u64(t + 16);
    b->length = get_u64(t + 24);
    memcpy(b->sha256, t + 32, 32);
    memcpy(b->version, t + 64, 32);
    b->version[32] = '\0';
    if (b->offset > (uint64_t)st.st_size || b->length > (uint64_t)st.st_size - b->offset ||
        b->offset + b->length + BUNDLE_TRAILER_SIZE != (uint64_t)st.st_size || b->length < 12) {
        close(fd);
        return bundle_fail(err, errsize, "the agreement carried by %s is damaged (bad trailer)", name);
    }
    /* Mapped rather than read: the payload (the sources twice, as written
     * and as the tracker compiles them) is only hashed and copied from,
     * and reading it was a copy and a fresh page for every 4 KiB of it,
     * on every command.  Where the file cannot be mapped, it is read.
     * Private and writable, as a copy would be: a change stays in this
     * process (the tests damage a byte to see bundle_verify refuse it). */
    long page = sysconf(_SC_PAGESIZE);
    uint64_t from = page > 0 ? b->offset / (uint64_t)page * (uint64_t)page : b->offset;
    size_t maplen = (size_t)(b->offset - from + b->length);
    void *map = mmap(NULL, maplen, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, (off_t)from);
    if (map != MAP_FAILED) {
        b->map = map;
        b->map_len = maplen;
        b->payload = (char *)map + (b->offset - from);
    } else {
        b->payload = b->copy = malloc(b->length);
        if (!b->copy || !pread_all(fd, b->copy, b->length, b->offset)) {
            close(fd);
            bundle_free(b);
            return bundle_fail(err, errsize, "cannot read the agreement carried by %s", name);
        }
    }
    close(fd);
    Rd r = {(const unsigned char *)b->payload, (const unsigned char *)b->payload + b->length, false};
    if (memcmp(r.p, BUNDLE_PAYLOAD_MAGIC, (sizeof BUNDLE_PAYLOAD_MAGIC - 1)) != 0) {
        bundle_free(b);
        return bundle_fail(err, errsize, "the agreement carried by %s is damaged (bad payload)", name);
    }
    r.p += (sizeof BUNDLE_PAYLOAD_MAGIC - 1);
    uint64_t n = rd_int(&r, 4);
    if (n == 0 || n > b->length / 36) {
        bundle_free(b);
        return bundle_fail(err, errsize, "the agreement carried by %s is damaged (bad file count)", name);
    }
    b->nfiles = (int)n;
    b->files = calloc(n, sizeof *b->files);
    b->views = calloc(n, sizeof *b->views);
    b->flags = calloc(n, sizeof *b->flags);
    /* Names are at most the payload's bytes plus a NUL each. */
    b->names = malloc(b->length + 2 * n + 2);
    char *names = b->names;
    if (!b->files || !b->views || !b->flags || !b->names) {
        bundle_free(b);
        return bundle_fail(err, errsize, "out of memory reading the agreement of %s", name);
    }
    for (int i = 0; i < b->nfiles && !r.bad; i++) {
        b->flags[i] = (uint32_t)rd_int(&r, 4);
        b->files[i].real = rd_str(&r, &names);
        b->files[i].display = rd_str(&r, &names);
        uint64_t len = rd_int(&r, 8);
        b->files[i].text = rd_raw(&r, len);
        b->files[i].len = (size_t)len;
        len = rd_int(&r, 8);
        b->views[i].real = b->files[i].real;
        b->views[i].display = b->files[i].display;
        b->views[i].text = rd_raw(&r, len);
        b->views[i].len = (size_t)len;
        const char *nul = rd_raw(&r, 2);
        b->views[i].terminated = !r.bad && nul[0] == '\0' && nul[1] == '\0';
        r.bad |= !b->views[i].terminated;
        len = rd_int(&r, 8);
        b->views[i].tree = len ? rd_raw(&r, len) : NULL;
        b->views[i].tree_len = (size_t)len;
    }
    b->stdlib = rd_str(&r, &names);
    b->index = rd_str(&r, &names);
    uint64_t npo = rd_int(&r, 4);
    /* At most one per language; each takes at least 16 bytes. */
    if (!r.bad && npo > 0 && npo <= (uint64_t)(r.end - r.p) / 16) {
        b->po = calloc(npo, sizeof *b->po);
        if (!b->po) {
            bundle_free(b);
            return bundle_fail(err, errsize, "out of memory reading the agreement of %s", name);
        }
        b->npo = (int)npo;
    } else if (npo > 0)
        r.bad = true;
    for (int i = 0; i < b->npo && !r.bad; i++) {
        b->po[i].lang = rd_str(&r, &names);
        b->po[i].display = rd_str(&r, &names);
        uint64_t len = rd_int(&r, 8);
        b->po[i].text = rd_raw(&r, len);
        b->po[i].len = (size_t)len;
    }
    if (r.bad || r.p != r.end) {
        bundle_free(b);
        return bundle_fail(err, errsize, "the agreement carried by %s is damaged (bad payload)", name);
    }
    return 0;
}

int bundle_compile(const Bundle *b, Compilation *c)
{
    return compile_memory(c, b->stdlib, b->views, b->nfiles);
}

bool bundle_verify(const Bundle *b)
{
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, b->payload, b->length);
    sha256_final(&ctx, digest);
    return memcmp(digest, b->sha256, sizeof digest) == 0;
}

const BundlePo *bundle_po(const Bundle *b, const char *lang)
{
    for (int i = 0; i < b->npo; i++)
        if (strcmp(b->po[i].lang, lang) == 0)
            return &b->po[i];
    return NULL;
}

void bundle_free(Bundle *b)
{
    free(b->po);
    free(b->files);
    free(b->views);
    free(b->flags);
    if (b->map)
        munmap(b->map, b->map_len);
    free(b->copy);
    free(b->names);
    memset(b, 0, sizeof *b);
}
