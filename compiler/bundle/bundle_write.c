/* bundle_write.c - writing a tracker (bundle_): the views of the files,
 * the payload and its trailer (bundle_append), and the tracker file, the
 * runtime program with the bundle appended (bundle_write_tracker).  The
 * format is described in bundle.h. */
#define _POSIX_C_SOURCE 200809L
#include "bundle.h"
#include "bundle_int.h"

#include <limits.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast_pack.h"
#include "lang.h"
#include "sha256.h"
#include "translation.h"
#include "version.h"

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

/* The backbone functions of a partner as a statement (" backbone a, b;"),
 * or "": a view keeps them, since they say who may close milestones (the
 * tracker's `done`). */
static const char *backbone_of(Arena *a, const Partner *p)
{
    if (p->backbone.n == 0)
        return "";
    Buf b;
    buf_init(&b);
    buf_puts(&b, " backbone ");
    for (int k = 0; k < p->backbone.n; k++)
        buf_printf(&b, "%s%s", k ? ", " : "", p->backbone.v[k]->d.id);
    buf_puts(&b, ";");
    const char *s = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return s;
}

/* What a view keeps of a partner's block without a membership: its
 * backbone functions, on the block's first line so that every line keeps
 * its number. */
static const char *kept_of(Arena *a, const Partner *p)
{
    return arena_printf(a, " {%s }", backbone_of(a, p));
}

/* The start of the statement whose first argument starts at `arg`: back
 * over blanks and the statement's word. */
static uint32_t stmt_start(const SrcFile *f, uint32_t arg)
{
    uint32_t i = arg;
    while (i > 0 && (f->text[i - 1] == ' ' || f->text[i - 1] == '\t'))
        i--;
    while (i > 0 && (isalnum((unsigned char)f->text[i - 1]) || f->text[i - 1] == '_'))
        i--;
    return i;
}

/* A partner with a membership (`joins`, `leaves`) keeps those statements,
 * which the tracker reads (who owes which report), and its backbone
 * functions (kept_of), and loses the rest of its block: the bytes between
 * its braces and the kept statements. */
static void cut_membership(Arena *a, CutVec *v, uint32_t file, const SrcFile *f, const Partner *p)
{
    uint32_t open = title_end(f, &p->d);
    while (open < p->d.span.hi && f->text[open] != '{')
        open++;
    uint32_t close = p->d.span.hi;
    while (close > open && f->text[close - 1] != '}')
        close--;
    if (close <= open + 1)
        return;
    Span keep[2];
    int n = 0;
    if (p->joins != DATE_NONE)
        keep[n++] = p->joins_span;
    if (p->leaves != DATE_NONE)
        keep[n++] = p->leaves_span;
    if (n == 2 && keep[1].lo < keep[0].lo) {
        Span x = keep[0];
        keep[0] = keep[1];
        keep[1] = x;
    }
    uint32_t pos = open + 1;
    for (int k = 0; k < n; k++) {
        uint32_t lo = stmt_start(f, keep[k].lo);
        cut(a, v, file, (Span){file, pos, lo}, k ? ";" : backbone_of(a, p));
        pos = keep[k].hi;
    }
    cut(a, v, file, (Span){file, pos, close - 1}, "");
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
        const Partner *p = m->partners.v[i];
        const Decl *d = &p->d;
        if (d->span.file != file || d->is_std)
            continue;
        if (p->joins == DATE_NONE && p->leaves == DATE_NONE) {
            Span body = {file, title_end(f, d), d->span.hi};
            cut(a, v, file, body, kept_of(a, p));
        } else {
            cut_membership(a, v, file, f, p);
        }
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

static void put_file(Buf *b, const SrcFile *f, const Buf *view, const Buf *tree)
{
    put_u32(b, f->is_std ? BUNDLE_FILE_STD : 0);
    put_str(b, f->real);
    put_str(b, f->display);
    put_u64(b, f->len);
    buf_put(b, f->text, f->len);
    put_u64(b, view->len);
    buf_put(b, view->data ? view->data : "", view->len);
    buf_put(b, "\0\0", 2);
    put_u64(b, tree->len);
    buf_put(b, tree->data ? tree->data : "", tree->len);
}

/* The translations of the agreement's text beside the root file, each
 * FILE.LANG.po of a language Charter ships but English that is a regular
 * file and can be read. */
static void put_translations(Buf *out, const Compilation *c)
{
    const SrcFile *root = c->sm.files.v[c->root_file];
    const Lang *langs = lang_all();
    Buf po[16];
    const char *code[16];
    uint32_t n = 0;
    for (int i = 0; i < lang_count() && n < 16; i++) {
        struct stat st;
        const char *path = tr_po_path(c->arena, root->real, langs[i].code);
        if (strcmp(langs[i].code, "en") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        buf_init(&po[n]);
        if (buf_read_file(&po[n], path) != 0) {
            buf_free(&po[n]);
            continue;
        }
        code[n++] = langs[i].code;
    }
    put_u32(out, n);
    for (uint32_t k = 0; k < n; k++) {
        put_str(out, code[k]);
        put_str(out, tr_po_path(c->arena, root->display, code[k]));
        put_u64(out, po[k].len);
        buf_put(out, po[k].data ? po[k].data : "", po[k].len);
        buf_free(&po[k]);
    }
}

/* The tree of each text (ast_pack.h), which the tracker reads back
 * instead of lexing and parsing the text at every start; an empty Buf
 * where a text cannot be carried so (it is then parsed). */
static void trees_of(const MemFile *bf, int n, Buf *t)
{
    Compilation *p = compile_new();
    /* A file before the texts: a span of no file ({0,0,0}, an expression's
     * unset name_span) is then told from a span of the text's own. */
    src_add(&p->sm, "", "", 0);
    for (int k = 0; k < n; k++) {
        uint32_t id = src_add(&p->sm, bf[k].display, bf[k].text, bf[k].len);
        buf_init(&t[k]);
        if (!ast_pack(ast_parse(p->arena, &p->diag, id), &t[k]))
            t[k].len = 0;
    }
    compile_free(p);
}

/* Whether the texts of bf, with their trees, compile without errors to a
 * model with the index `index`, as the tracker will compile them. */
static bool compiles_to(const char *stdlib, MemFile *bf, const Buf *trees, int n,
                        const char *index)
{
    for (int k = 0; k < n; k++) {
        bf[k].tree = trees && trees[k].len ? trees[k].data : NULL;
        bf[k].tree_len = bf[k].tree ? trees[k].len : 0;
    }
    Compilation *check = compile_new();
    bool ok = compile_memory(check, stdlib, bf, n) == 0 && check->model &&
              compile_errors(check) == 0 && bundle_index_matches(check->model, index);
    compile_free(check);
    return ok;
}

/* The views of the files in payload order, checked: they must compile
 * without errors to a model with the same index, with the trees written
 * into t (which must then give that index too).  When they do not (an
 * unusual layout, such as an activity and a milestone on one line), the
 * views are the sources themselves; when those do not with their trees,
 * no tree is carried. */
static Buf *views_of(const Compilation *c, const char *stdlib, const char *index, Buf **trees)
{
    int n = c->sm.files.n;
    Buf *v = calloc((size_t)n, sizeof *v);
    Buf *t = calloc((size_t)n, sizeof *t);
    MemFile *bf = calloc((size_t)n, sizeof *bf);
    if (!v || !t || !bf) {
        fputs("charterc: out of memory\n", stderr);
        exit(2);
    }
    for (int k = 0; k < n; k++) {
        const SrcFile *f = c->sm.files.v[nth_file(c, k)];
        buf_init(&v[k]);
        make_view(&v[k], c, nth_file(c, k));
        bf[k] = (MemFile){.real = f->real, .display = f->display,
                          .text = v[k].data ? v[k].data : "", .len = v[k].len};
    }
    trees_of(bf, n, t);
    bool ok = compiles_to(stdlib, bf, t, n, index);
    for (int k = 0; !ok && k < n; k++) {
        const SrcFile *f = c->sm.files.v[nth_file(c, k)];
        v[k].len = 0;
        buf_put(&v[k], f->text, f->len);
        bf[k].text = v[k].data ? v[k].data : "";
        bf[k].len = v[k].len;
        buf_free(&t[k]);
    }
    if (!ok) {
        trees_of(bf, n, t);
        if (!compiles_to(stdlib, bf, t, n, index))
            for (int k = 0; k < n; k++)
                t[k].len = 0;
    }
    free(bf);
    *trees = t;
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
    Buf *trees;
    Buf *views = views_of(c, stdlib, buf_cstr(&ix), &trees);

    size_t start = out->len;
    buf_put(out, BUNDLE_PAYLOAD_MAGIC, (sizeof BUNDLE_PAYLOAD_MAGIC - 1));
    put_u32(out, (uint32_t)c->sm.files.n);
    for (int k = 0; k < c->sm.files.n; k++) {
        put_file(out, c->sm.files.v[nth_file(c, k)], &views[k], &trees[k]);
        buf_free(&views[k]);
        buf_free(&trees[k]);
    }
    free(views);
    free(trees);
    put_str(out, stdlib);
    put_str(out, buf_cstr(&ix));
    buf_free(&ix);
    put_translations(out, c);
    size_t len = out->len - start;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, out->data + start, len);
    sha256_final(&ctx, digest);
    sha256_to_hex(digest, hex);

    buf_put(out, BUNDLE_TRAILER_MAGIC, (sizeof BUNDLE_TRAILER_MAGIC - 1));
    put_u64(out, start);
    put_u64(out, len);
    buf_put(out, digest, sizeof digest);
    char version[32] = {0};
    snprintf(version, sizeof version, "%s", CHARTER_VERSION);
    buf_put(out, version, sizeof version);
    char zero[32] = {0};
    buf_put(out, zero, sizeof zero);
}

/* ---- the tracker file ----------------------------------------------------- */

static bool readable(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode) && access(p, R_OK) == 0;
}

int bundle_find_runtime(char *out, size_t size, char *err, size_t errsize)
{
    const char *env = getenv("CHARTER_RUNTIME");
    if (env && *env) {
        if (!readable(env))
            return bundle_fail(err, errsize, "CHARTER_RUNTIME names %s, which cannot be read", env);
        snprintf(out, size, "%s", env);
        return 0;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        static const char *const rel[] = {"/charter-runtime", "/../lib/charter/charter-runtime"};
        for (int i = 0; i < 2; i++) {
            snprintf(out, size, "%s%s", exe, rel[i]);
            if (readable(out))
                return 0;
        }
    }
    return bundle_fail(err, errsize,
                "cannot find the tracker runtime 'charter-runtime' beside charterc or in "
                "../lib/charter/ (run 'make', or set CHARTER_RUNTIME)");
}

int bundle_write_tracker(const Compilation *c, const char *runtime, const char *path,
                         bool *changed, char hex[65], char *err, size_t errsize)
{
    Buf out;
    buf_init(&out);
    int e = buf_read_file(&out, runtime);
    if (e) {
        buf_free(&out);
        return bundle_fail(err, errsize, "cannot read the tracker runtime %s: %s", runtime, strerror(e));
    }
    bundle_append(&out, c, hex);
    /* Whole or not at all, executable; an identical file is left alone. */
    e = buf_write_file_mode(&out, path, 0755, changed);
    buf_free(&out);
    if (e)
        return bundle_fail(err, errsize, "cannot write %s: %s", path, strerror(e));
    return 0;
}
