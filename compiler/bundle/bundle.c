/* bundle.c - writing and reading a tracker's payload.  See bundle.h. */
#define _POSIX_C_SOURCE 200809L
#include "bundle.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hmap.h"
#include "sha256.h"
#include "version.h"

static const char PAYLOAD_MAGIC[8] = {'C', 'H', 'B', 'U', 'N', 'D', 'L', '1'};
static const char TRAILER_MAGIC[16] = "CHARTER-TRACKER1";

static void put_u32(Buf *b, uint32_t v)
{
    unsigned char x[4];
    for (int i = 0; i < 4; i++)
        x[i] = (unsigned char)(v >> (8 * i));
    buf_put(b, x, 4);
}

static void put_u64(Buf *b, uint64_t v)
{
    unsigned char x[8];
    for (int i = 0; i < 8; i++)
        x[i] = (unsigned char)(v >> (8 * i));
    buf_put(b, x, 8);
}

static void put_str(Buf *b, const char *s)
{
    size_t n = strlen(s);
    put_u32(b, (uint32_t)n);
    buf_put(b, s, n);
}

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* ---- the tracker's view of a file ------------------------------------------ */

typedef struct Cut {
    uint32_t lo, hi;            /* the bytes left out */
    const char *instead;        /* written in their place */
} Cut;

typedef VEC(Cut) CutVec;

/* The end of the title string that follows a declaration's id, or the
 * end of the id when there is none. */
static uint32_t title_end(const SrcFile *f, const Decl *d)
{
    uint32_t i = d->id_span.hi;
    while (i < f->len && (f->text[i] == ' ' || f->text[i] == '\t'))
        i++;
    if (i >= f->len || f->text[i] != '"')
        return d->id_span.hi;
    if (i + 2 < f->len && f->text[i + 1] == '"' && f->text[i + 2] == '"') {
        const char *e = strstr(f->text + i + 3, "\"\"\"");
        return e ? (uint32_t)(e - f->text) + 3 : d->id_span.hi;
    }
    for (i++; i < f->len && f->text[i] != '"' && f->text[i] != '\n'; i++)
        if (f->text[i] == '\\')
            i++;
    return i < f->len && f->text[i] == '"' ? i + 1 : d->id_span.hi;
}

static void cut(Arena *a, CutVec *v, uint32_t file, Span sp, const char *instead)
{
    if (sp.file != file || sp.hi <= sp.lo)
        return;
    Cut c = {sp.lo, sp.hi, instead};
    VEC_PUSH(a, *v, c);
}

static void cuts_of(Arena *a, const Model *m, uint32_t file, const SrcFile *f, CutVec *v, int depth)
{
    if (!m || depth > 16)
        return;
    for (int i = 0; i < m->activities.n; i++)
        cut(a, v, file, m->activities.v[i]->d.span, "");
    for (int i = 0; i < m->tensions.n; i++)
        cut(a, v, file, m->tensions.v[i]->span, "");
    for (int i = 0; i < m->partners.n; i++) {
        const Decl *d = &m->partners.v[i]->d;
        if (d->file != file || d->is_std)
            continue;
        Span body = {file, title_end(f, d), d->span.hi};
        cut(a, v, file, body, " {}");
    }
    for (int i = 0; i < m->namespaces.n; i++)
        cuts_of(a, m->namespaces.v[i]->model, file, f, v, depth + 1);
}

static int cut_cmp(const void *x, const void *y)
{
    const Cut *a = x, *b = y;
    return (a->lo > b->lo) - (a->lo < b->lo);
}

/* What the tracker compiles of a file: the file without the declarations
 * it never reads (activities, tensions, partners' blocks), each replaced
 * by its line breaks, so every line keeps its number and the tracker's
 * messages point at the lines of the original.  The runtime compiles the
 * views, a third of the text less for a typical agreement, and checks
 * that the model gives the same index as the whole one did. */
static void make_view(Buf *t, const Compilation *c, uint32_t file)
{
    const SrcFile *f = c->sm.files.v[file];
    CutVec v = {0};
    cuts_of(c->arena, c->model, file, f, &v, 0);
    if (v.n > 1)
        qsort(v.v, (size_t)v.n, sizeof *v.v, cut_cmp);
    uint32_t pos = 0;
    for (int k = 0; k < v.n; k++) {
        const Cut *ct = &v.v[k];
        if (ct->lo < pos)
            continue;   /* nested in a cut already made */
        buf_put(t, f->text + pos, ct->lo - pos);
        buf_puts(t, ct->instead);
        for (uint32_t i = ct->lo; i < ct->hi; i++)
            if (f->text[i] == '\n')
                buf_putc(t, '\n');
        pos = ct->hi;
    }
    buf_put(t, f->text + pos, f->len - pos);
}

/* The files in payload order: the root first, then the others. */
static uint32_t nth_file(const Compilation *c, int k)
{
    if (k == 0)
        return c->root_file;
    return (uint32_t)k <= c->root_file ? (uint32_t)k - 1 : (uint32_t)k;
}

static void put_file(Buf *b, const SrcFile *f, const Buf *view)
{
    put_u32(b, f->is_std ? BUNDLE_FILE_STD : 0);
    put_str(b, f->real);
    put_str(b, f->display);
    put_u64(b, f->len);
    buf_put(b, f->text, f->len);
    put_u64(b, view->len);
    buf_put(b, view->data ? view->data : "", view->len);
}

/* ---- the scan index --------------------------------------------------------- */

typedef struct IxInd {
    bool history;
    int ndue, capdue;
    int32_t *due;
} IxInd;

typedef struct Ix {
    const Model *m;
    IxInd *ind;
    HMap pos;             /* indicator -> its position */
} Ix;

static void ix_history(Ix *ix, int i, int depth)
{
    if (depth > 64 || ix->ind[i].history)
        return;
    ix->ind[i].history = true;
    const Indicator *ind = ix->m->indicators.v[i];
    for (int k = 0; k < ind->inputs.n; k++) {
        int j = hmap_ptr_index(&ix->pos, ind->inputs.v[k]);
        if (j >= 0)
            ix_history(ix, j, depth + 1);
    }
}

static void ix_due(IxInd *x, int32_t d)
{
    for (int k = 0; k < x->ndue; k++)
        if (x->due[k] == d)
            return;
    if (x->ndue == x->capdue) {
        x->capdue = x->capdue ? x->capdue * 2 : 4;
        int32_t *nd = realloc(x->due, sizeof *nd * (size_t)x->capdue);
        if (!nd) {
            fputs("charterc: out of memory\n", stderr);
            exit(2);
        }
        x->due = nd;
    }
    x->due[x->ndue++] = d;
}

/* The indicators an expression reads at `d` (DATE_NONE: the as-of date),
 * through the formulas of derived ones; series arguments need history. */
static void ix_walk(Ix *ix, const Expr *x, int32_t d, int depth)
{
    if (!x || depth > 64)
        return;
    if (x->kind == EX_NAME) {
        int i = hmap_ptr_index(&ix->pos, x->indicator);
        if (i < 0)
            return;
        if (d != DATE_NONE)
            ix_due(&ix->ind[i], d);
        ix_walk(ix, ix->m->indicators.v[i]->formula, d, depth + 1);
        return;
    }
    if (x->kind == EX_CALL) {
        const Extern *ex = x->callee;
        for (int k = 0; k < x->args.n; k++) {
            const Expr *a = x->args.v[k];
            if (ex && k < ex->params.n && ex->params.v[k] == XT_SERIES) {
                int i = a->kind == EX_NAME ? hmap_ptr_index(&ix->pos, a->indicator) : -1;
                if (i >= 0)
                    ix_history(ix, i, depth + 1);
            } else {
                ix_walk(ix, a, d, depth + 1);
            }
        }
        return;
    }
    ix_walk(ix, x->l, d, depth + 1);
    ix_walk(ix, x->r, d, depth + 1);
}

static void put_date(Buf *b, int32_t d)
{
    if (d == DATE_NONE)
        buf_puts(b, " -");
    else
        buf_printf(b, " %ld", (long)d);
}

void bundle_index(const Model *m, Buf *out)
{
    int n = m->indicators.n;
    Ix ix = {m, calloc((size_t)n + 1, sizeof *ix.ind), {0}};
    if (!ix.ind) {
        fputs("charterc: out of memory\n", stderr);
        exit(2);
    }
    Arena *a = arena_new();
    HMAP_POSITIONS(&ix.pos, a, m->indicators);
    /* A milestone without a due date is read at the as-of date. */
    for (int k = 0; k < m->milestones.n; k++) {
        const Milestone *ms = m->milestones.v[k];
        if (ms->requires)
            ix_walk(&ix, ms->requires, ms->due == DATE_NONE ? INT32_MAX : ms->due, 0);
    }
    for (int i = 0; i < n; i++)
        ix_walk(&ix, m->indicators.v[i]->formula, DATE_NONE, 0);

    buf_printf(out, "A %s\n", m->agreement ? m->agreement->d.id : "-");
    for (int k = 0; k < m->dimensions.n; k++) {
        const Dimension *d = m->dimensions.v[k];
        buf_printf(out, "D %s", d->d.id);
        for (int j = 0; j < d->values.n; j++)
            buf_printf(out, " %s", d->values.v[j]);
        buf_putc(out, '\n');
    }
    for (int i = 0; i < n; i++) {
        const Indicator *ind = m->indicators.v[i];
        int32_t anchor = ind->has_baseline ? ind->baseline_date
                         : m->agreement    ? m->agreement->term_start
                                           : DATE_NONE;
        buf_printf(out, "I %s %d", ind->d.id, ind->formula != NULL);
        put_date(out, anchor);
        buf_printf(out, " %d %d %d R", ind->frequency.n, (int)ind->frequency.unit,
                   ix.ind[i].history);
        for (int r = 0; r < ind->reporters.n; r++)
            buf_printf(out, " %s", ind->reporters.v[r]->d.id);
        buf_puts(out, " M");
        for (int k = 0; k < ind->dims.n; k++)
            for (int j = 0; j < m->dimensions.n; j++)
                if (m->dimensions.v[j] == ind->dims.v[k])
                    buf_printf(out, " %d", j);
        buf_puts(out, " E");
        for (int k = 0; k < ix.ind[i].ndue; k++)
            put_date(out, ix.ind[i].due[k] == INT32_MAX ? DATE_NONE : ix.ind[i].due[k]);
        buf_putc(out, '\n');
        free(ix.ind[i].due);
    }
    free(ix.ind);
    arena_free(a);
}

/* The views of the files in payload order, checked: they must compile
 * without errors to a model with the same index.  When they do not (an
 * unusual layout, such as an activity and a milestone on one line), the
 * views are the sources themselves. */
static Buf *views_of(const Compilation *c, const char *stdlib, const char *index)
{
    int n = c->sm.files.n;
    Buf *v = calloc((size_t)n, sizeof *v);
    MemFile *bf = calloc((size_t)n, sizeof *bf);
    if (!v || !bf) {
        fputs("charterc: out of memory\n", stderr);
        exit(2);
    }
    for (int k = 0; k < n; k++) {
        const SrcFile *f = c->sm.files.v[nth_file(c, k)];
        buf_init(&v[k]);
        make_view(&v[k], c, nth_file(c, k));
        bf[k] = (MemFile){f->real, f->display, v[k].data ? v[k].data : "", v[k].len};
    }
    Compilation *check = compile_new();
    bool ok = compile_memory(check, stdlib, bf, n) == 0 && check->model &&
              compile_errors(check) == 0;
    if (ok) {
        Buf ix;
        buf_init(&ix);
        bundle_index(check->model, &ix);
        ok = strcmp(buf_cstr(&ix), index) == 0;
        buf_free(&ix);
    }
    compile_free(check);
    free(bf);
    for (int k = 0; !ok && k < n; k++) {
        const SrcFile *f = c->sm.files.v[nth_file(c, k)];
        v[k].len = 0;
        buf_put(&v[k], f->text, f->len);
    }
    return v;
}

void bundle_append(Buf *out, const Compilation *c, char hex[65])
{
    /* The prelude tells where the standard library was. */
    const char *stdlib = "";
    for (int i = 0; i < c->sm.files.n; i++) {
        const SrcFile *f = c->sm.files.v[i];
        const char *tail = "/std/prelude.charter";
        size_t n = strlen(f->real), t = strlen(tail);
        if (f->is_std && strcmp(f->display, "std/prelude.charter") == 0 && n > t &&
            strcmp(f->real + n - t, tail) == 0)
            stdlib = arena_strndup(c->arena, f->real, n - t);
    }
    Buf ix;
    buf_init(&ix);
    bundle_index(c->model, &ix);
    Buf *views = views_of(c, stdlib, buf_cstr(&ix));

    size_t start = out->len;
    buf_put(out, PAYLOAD_MAGIC, sizeof PAYLOAD_MAGIC);
    put_u32(out, (uint32_t)c->sm.files.n);
    for (int k = 0; k < c->sm.files.n; k++) {
        put_file(out, c->sm.files.v[nth_file(c, k)], &views[k]);
        buf_free(&views[k]);
    }
    free(views);
    put_str(out, stdlib);
    put_str(out, buf_cstr(&ix));
    buf_free(&ix);
    size_t len = out->len - start;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, out->data + start, len);
    sha256_final(&ctx, digest);
    sha256_to_hex(digest, hex);

    buf_put(out, TRAILER_MAGIC, sizeof TRAILER_MAGIC);
    put_u64(out, start);
    put_u64(out, len);
    buf_put(out, digest, sizeof digest);
    char version[32] = {0};
    snprintf(version, sizeof version, "%s", CHARTER_VERSION);
    buf_put(out, version, sizeof version);
    char zero[32] = {0};
    buf_put(out, zero, sizeof zero);
}

static int fail(char *err, size_t size, const char *fmt, const char *path)
{
    snprintf(err, size, fmt, path);
    return -1;
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
        return fail(err, errsize, "cannot open %s to read its agreement", name);
    struct stat st;
    unsigned char t[BUNDLE_TRAILER_SIZE];
    if (fstat(fd, &st) != 0 || st.st_size < BUNDLE_TRAILER_SIZE ||
        !pread_all(fd, t, sizeof t, (uint64_t)st.st_size - sizeof t) ||
        memcmp(t, TRAILER_MAGIC, sizeof TRAILER_MAGIC) != 0) {
        close(fd);
        return fail(err, errsize,
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
        return fail(err, errsize, "the agreement carried by %s is damaged (bad trailer)", name);
    }
    b->payload = malloc(b->length);
    if (!b->payload || !pread_all(fd, b->payload, b->length, b->offset)) {
        close(fd);
        bundle_free(b);
        return fail(err, errsize, "cannot read the agreement carried by %s", name);
    }
    close(fd);
    Rd r = {(unsigned char *)b->payload, (unsigned char *)b->payload + b->length, false};
    if (memcmp(r.p, PAYLOAD_MAGIC, sizeof PAYLOAD_MAGIC) != 0) {
        bundle_free(b);
        return fail(err, errsize, "the agreement carried by %s is damaged (bad payload)", name);
    }
    r.p += sizeof PAYLOAD_MAGIC;
    uint64_t n = rd_int(&r, 4);
    if (n == 0 || n > b->length / 28) {
        bundle_free(b);
        return fail(err, errsize, "the agreement carried by %s is damaged (bad file count)", name);
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
        return fail(err, errsize, "out of memory reading the agreement of %s", name);
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
    }
    b->stdlib = rd_str(&r, &names);
    b->index = rd_str(&r, &names);
    if (r.bad || r.p != r.end) {
        bundle_free(b);
        return fail(err, errsize, "the agreement carried by %s is damaged (bad payload)", name);
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

void bundle_free(Bundle *b)
{
    free(b->files);
    free(b->views);
    free(b->flags);
    free(b->payload);
    free(b->names);
    memset(b, 0, sizeof *b);
}
