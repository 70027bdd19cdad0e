/* compile.c - the compilation driver: reading files, following `use`,
 * declaring every top-level name before any statement is resolved (so a
 * name may be used before it is declared). */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast_pack.h"
#include "checktab.h"
#include "resolve_int.h"
#include "suggest.h"

Compilation *compile_new(void)
{
    Arena *a = arena_new();
    Compilation *c = arena_alloc(a, sizeof *c);
    c->arena = a;
    c->sm.arena = a;
    diag_init(&c->diag, a, &c->sm);
    return c;
}

void compile_free(Compilation *c)
{
    if (c)
        arena_free(c->arena);
}

int compile_errors(const Compilation *c)
{
    int n = 0;
    for (int i = 0; i < c->diag.items.n; i++) {
        const Diagnostic *g = c->diag.items.v[i];
        if (g->sev == SEV_ERROR && check_table[g->id].family == CF_LANGUAGE)
            n++;
    }
    return n;
}

const char *compile_stdlib_dir(void)
{
    static char dir[PATH_MAX + 64];
    const char *env = getenv("CHARTER_PATH");
    if (env && *env)
        return env;
    if (dir[0])
        return dir;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return "stdlib";
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    /* Installed: PREFIX/bin/charterc -> PREFIX/share/charter/stdlib.
     * Build tree: build[/VARIANT]/bin/charterc -> the stdlib folder of the
     * nearest parent that has one. */
    char p[PATH_MAX + 64], real[PATH_MAX];
    snprintf(p, sizeof p, "%s/../share/charter/stdlib/std/prelude.charter", exe);
    if (realpath(p, real)) {
        snprintf(dir, sizeof dir, "%s/../share/charter/stdlib", exe);
        if (realpath(dir, real))
            snprintf(dir, sizeof dir, "%s", real);
        return dir;
    }
    for (int up = 1; up <= 4; up++) {
        char *s = strrchr(exe, '/');
        if (!s)
            break;
        *s = '\0';
        snprintf(p, sizeof p, "%s/stdlib/std/prelude.charter", exe);
        if (access(p, R_OK) == 0) {
            snprintf(dir, sizeof dir, "%s/stdlib", exe);
            return dir;
        }
    }
    return "stdlib";
}

/* ---- declarations ------------------------------------------------- */

static const struct {
    const char *head;
    DeclKind kind;
    size_t size;
    const char *id_what;    /* what the id's syntax error expects */
} decl_heads[] = {
    {"agreement", K_AGREEMENT, sizeof(Agreement), "the agreement's id"},
    {"partner", K_PARTNER, sizeof(Partner), "the partner's id"},
    {"goal", K_GOAL, sizeof(Goal), "the goal's id"},
    {"indicator", K_INDICATOR, sizeof(Indicator), "the indicator's id"},
    {"activity", K_ACTIVITY, sizeof(Activity), "the activity's id"},
    {"milestone", K_MILESTONE, sizeof(Milestone), "the milestone's id"},
    {"dimension", K_DIMENSION, sizeof(Dimension), "the dimension's id"},
    {"unit", K_UNIT, sizeof(Unit), "the unit's id"},
    {"sector", K_SECTOR, sizeof(Sector), "the sector's id"},
    {"level", K_LEVEL, sizeof(Level), "the level's id"},
    {"backbone_function", K_BACKBONE_FN, sizeof(BackboneFn), "the backbone_function's id"},
    {"phase", K_PHASE, sizeof(Phase), "the phase's id"},
    {"topic", K_TOPIC, sizeof(Topic), "the topic's id"},
    {"clause", K_CLAUSE, sizeof(Clause), "the clause's id"},
};

/* Top-level statements that are not named declarations. */
static const char *const other_heads[] = {
    "use", "agenda", "tension", "communication", "governance", "extern", "allow",
};

static const char *top_suggestion(const char *word)
{
    Suggest s;
    suggest_init(&s, word);
    for (size_t i = 0; i < sizeof decl_heads / sizeof decl_heads[0]; i++)
        suggest_offer(&s, decl_heads[i].head);
    for (size_t i = 0; i < sizeof other_heads / sizeof other_heads[0]; i++)
        suggest_offer(&s, other_heads[i]);
    return suggest_best(&s);
}

/* Puts d in the list of its kind: at the end, or in the place of `old`,
 * the prelude declaration it replaces (so levels, backbone functions and
 * phases keep the prelude's order). */
#define LIST_PUT(a, vec, x, old)                                             \
    do {                                                                     \
        int i_ = 0;                                                          \
        while ((old) && i_ < (vec).n && &(vec).v[i_]->d != (old))           \
            i_++;                                                            \
        if ((old) && i_ < (vec).n)                                           \
            (vec).v[i_] = (void *)(x);                                       \
        else                                                                 \
            VEC_PUSH(a, vec, (void *)(x));                                   \
    } while (0)

/* The position of a level, function or phase: the one it replaces, or the
 * next. */
#define ORDER_OF(T, x, old, n) (((T *)(x))->order = (old) ? ((T *)(old))->order : (n))

static void push_decl(Model *m, Arena *a, Decl *d, const Decl *old)
{
    switch (d->kind) {
    case K_AGREEMENT: break;
    case K_PARTNER: LIST_PUT(a, m->partners, d, old); break;
    case K_GOAL: LIST_PUT(a, m->goals, d, old); break;
    case K_INDICATOR: LIST_PUT(a, m->indicators, d, old); break;
    case K_ACTIVITY: LIST_PUT(a, m->activities, d, old); break;
    case K_MILESTONE: LIST_PUT(a, m->milestones, d, old); break;
    case K_NEED: LIST_PUT(a, m->needs, d, old); break;
    case K_DIMENSION: LIST_PUT(a, m->dimensions, d, old); break;
    case K_UNIT: LIST_PUT(a, m->units, d, old); break;
    case K_SECTOR: LIST_PUT(a, m->sectors, d, old); break;
    case K_LEVEL:
        ORDER_OF(Level, d, old, m->levels.n);
        LIST_PUT(a, m->levels, d, old);
        break;
    case K_BACKBONE_FN:
        ORDER_OF(BackboneFn, d, old, m->backbone_fns.n);
        LIST_PUT(a, m->backbone_fns, d, old);
        break;
    case K_PHASE:
        ORDER_OF(Phase, d, old, m->phases.n);
        LIST_PUT(a, m->phases, d, old);
        break;
    case K_EXTERN: LIST_PUT(a, m->externs, d, old); break;
    case K_TOPIC: LIST_PUT(a, m->topics, d, old); break;
    case K_CLAUSE: LIST_PUT(a, m->clauses, d, old); break;
    case K_NAMESPACE: LIST_PUT(a, m->namespaces, d, old); break;
    case K_COUNT: break;
    }
}

/* Declares `d` in the scope.  Each kind has its own names.  A declaration
 * of the agreement replaces the prelude's of its kind and name (a unit
 * `schools` of the agreement's own); two of the agreement, or two of the
 * standard library, are a duplicate_name.  Returns false when d is not
 * declared (the first declaration wins). */
static bool declare(Resolver *r, Scope *s, Decl *d)
{
    /* The id is interned (every id is a name the scanner read), so the
     * symbol table finds it by its address; a dotted one, which only
     * model_lookup may find, must be known to model_find. */
    if (strchr(d->id, '.'))
        s->m->dotted_ids = true;
    Decl *old = hmap_named_put(&s->m->syms, d);
    if (old && old->is_std && !d->is_std) {
        hmap_named_replace(&s->m->syms, d);
        push_decl(s->m, r->a, d, old);
        if (r->c->index)
            VEC_PUSH(r->a, r->c->decls, d);
        return true;
    }
    if (old && !old->is_std && d->is_std)
        return false;   /* the agreement's own stays */
    if (old) {
        Diagnostic *g = diag_report(r->d, CHECK_DUPLICATE_NAME, d->id_span, "file",
                                    "%s '%s' is already declared",
                                    decl_kind_name(d->kind), d->id);
        diag_related(r->d, g, old->id_span, "'%s' is first declared here", d->id);
        return false;
    }
    push_decl(s->m, r->a, d, NULL);
    if (r->c->index)
        VEC_PUSH(r->a, r->c->decls, d);
    return true;
}

static Decl *new_decl(Resolver *r, DeclKind k, size_t size, const char *id, Span id_span,
                      const Stmt *st, bool is_std)
{
    Decl *d = arena_alloc(r->a, size);
    d->kind = k;
    d->id = id;
    d->id_span = id_span;
    d->span = st->span;
    d->is_std = is_std;
    return d;
}

/* `need ID "TEXT"` inside the agenda declares a name like a top-level declaration. */
static void declare_need(Resolver *r, Scope *s, const Stmt *st, bool is_std)
{
    Cur c;
    cur_init(&c, r, s, st);
    const char *id, *text;
    Span sp;
    if (!cur_ident(&c, &id, &sp, "the need's id") || !cur_string(&c, &text, "the need's description"))
        return;
    cur_end(&c);
    Decl *d = new_decl(r, K_NEED, sizeof(Need), id, sp, st, is_std);
    d->title = text;
    declare(r, s, d);
}

static void declare_extern(Resolver *r, Scope *s, Stmt *st, bool is_std);

void load_declare(Resolver *r, Scope *s, Ast *ast)
{
    bool is_std = r->c->sm.files.v[ast->file]->is_std;
    /* About one declaration per top-level statement. */
    hmap_reserve(&s->m->syms, ast->top.n);
    for (int i = 0; i < ast->top.n; i++) {
        Stmt *st = ast->top.v[i];
        if (st->kind != ST_GENERIC) {
            diag_report(r->d, CHECK_UNKNOWN_STATEMENT, ast_head_span(st), "file",
                        "`%s` belongs in a milestone or an indicator, not at the top level",
                        st->head);
            continue;
        }
        size_t k = 0, nk = sizeof decl_heads / sizeof decl_heads[0];
        while (k < nk && !ast_word_is(st->head, decl_heads[k].head))
            k++;
        if (k < nk) {
            Cur c;
            cur_init(&c, r, s, st);
            const char *id;
            Span sp;
            if (!cur_ident(&c, &id, &sp, decl_heads[k].id_what))
                continue;
            Decl *d = new_decl(r, decl_heads[k].kind, decl_heads[k].size, id, sp, st, is_std);
            const Arg *t = cur_peek(&c);
            if (t && t->kind == ARG_STRING)
                d->title = t->text;
            if (decl_heads[k].kind == K_AGREEMENT && s->m->agreement) {
                Diagnostic *g = diag_report(r->d, CHECK_DUPLICATE_NAME, sp, "file",
                                            "a second agreement; a compiled file has exactly one");
                diag_related(r->d, g, s->m->agreement->d.id_span, "the agreement is declared here");
                continue;
            }
            if (!declare(r, s, d))
                continue;
            if (d->kind == K_AGREEMENT)
                s->m->agreement = (Agreement *)d;
            /* resolve_scope() never reads the prelude's statements (see
             * below), but a unit's block (`signed yes`) names nothing, so
             * the prelude's units read theirs now, in every scope. */
            if (is_std && d->kind == K_UNIT)
                resolve_unit(r, s, st, (Unit *)d);
            /* For resolve_scope(), which reads the block into d.  The
             * prelude's tree is declared again in every scope, so there
             * this is the last scope's declaration; resolve_scope() skips
             * the prelude's statements and never reads it. */
            st->decl = d;
            continue;
        }
        if (strcmp(st->head, "agenda") == 0) {
            const StmtList *b = ast_block(st);
            for (int j = 0; j < b->n; j++)
                if (b->v[j]->kind == ST_GENERIC && strcmp(b->v[j]->head, "need") == 0)
                    declare_need(r, s, b->v[j], is_std);
            continue;
        }
        if (strcmp(st->head, "extern") == 0) {
            declare_extern(r, s, st, is_std);
            continue;
        }
        bool known = false;
        for (size_t j = 0; j < sizeof other_heads / sizeof other_heads[0]; j++)
            known |= strcmp(other_heads[j], st->head) == 0;
        if (!known) {
            Diagnostic *g = diag_report(r->d, CHECK_UNKNOWN_STATEMENT, ast_head_span(st), "file",
                                        "unknown declaration `%s`", st->head);
            const char *sg = top_suggestion(st->head);
            if (sg)
                diag_suggest(r->d, g, sg);
        }
    }
}

bool compile_statements(const char *head, CompileStmtFn fn, void *ctx)
{
    if (head)
        return resolve_block_statements(head, fn, ctx);
    for (size_t i = 0; i < sizeof decl_heads / sizeof decl_heads[0]; i++)
        fn(ctx, decl_heads[i].head, decl_heads[i].kind != K_AGREEMENT, true);
    for (size_t i = 0; i < sizeof other_heads / sizeof other_heads[0]; i++)
        fn(ctx, other_heads[i], true, strcmp(other_heads[i], "use") != 0 &&
                                          strcmp(other_heads[i], "allow") != 0 &&
                                          strcmp(other_heads[i], "extern") != 0);
    return true;
}

static bool extern_type(const char *w, ExternType *out)
{
    static const char *names[] = {"number", "integer", "date", "series"};
    for (int i = 0; i < 4; i++)
        if (strcmp(w, names[i]) == 0) {
            *out = (ExternType)i;
            return true;
        }
    return false;
}

/* extern function NAME(TYPE, ...) -> TYPE from "LIBRARY" */
static void declare_extern(Resolver *r, Scope *s, Stmt *st, bool is_std)
{
    Cur c;
    cur_init(&c, r, s, st);
    const char *name, *lib;
    Span sp;
    if (!cur_word(&c, "function") || !cur_ident(&c, &name, &sp, "the function's name"))
        return;
    Extern *x = (Extern *)new_decl(r, K_EXTERN, sizeof(Extern), name, sp, st, is_std);
    const Arg *g = cur_peek(&c);
    if (!g || g->kind != ARG_GROUP) {
        cur_error(&c, "the parameter types in parentheses, such as `(number, series)`");
        return;
    }
    c.i++;
    bool want_type = true, ok = true;
    for (int i = 0; i < g->group->n; i++) {
        const Arg *a = &g->group->v[i];
        ExternType t;
        if (want_type && a->kind == ARG_IDENT && extern_type(a->text, &t)) {
            VEC_PUSH(r->a, x->params, t);
            want_type = false;
        } else if (!want_type && a->kind == ARG_COMMA) {
            want_type = true;
        } else {
            diag_report(r->d, CHECK_EXTERN_SIGNATURE, a->span, "file",
                        "parameter types are number, integer, date or series; found %s",
                        a->kind == ARG_IDENT ? arena_printf(r->a, "'%s'", a->text)
                                             : ast_arg_kind_name(a->kind));
            ok = false;
            break;
        }
    }
    if (ok && want_type && g->group->n > 0) {
        diag_report(r->d, CHECK_EXTERN_SIGNATURE, g->span, "file",
                    "a parameter type is missing after the last ','");
        ok = false;
    }
    const Arg *arrow = cur_peek(&c);
    if (!arrow || arrow->kind != ARG_ARROW) {
        cur_error(&c, "'->' and the return type");
        return;
    }
    c.i++;
    const char *rt;
    Span rts;
    if (!cur_ident(&c, &rt, &rts, "the return type"))
        return;
    if (!extern_type(rt, &x->ret) || x->ret == XT_SERIES) {
        diag_report(r->d, CHECK_EXTERN_SIGNATURE, rts, "file",
                    "the return type is number, integer or date; found '%s'", rt);
        ok = false;
    }
    if (!cur_word(&c, "from") || !cur_string(&c, &lib, "the library, such as \"libmine.so\""))
        return;
    cur_end(&c);
    x->library = lib;
    x->std_library = strcmp(lib, "charterstd") == 0;
    x->symbol = x->std_library ? arena_printf(r->a, "charter_%s", name) : name;
    const char *path = r->c->sm.files.v[st->span.file]->real;
    const char *slash = strrchr(path, '/');
    x->library_dir = slash ? arena_strndup(r->a, path, (size_t)(slash - path)) : ".";
    if (ok)
        declare(r, s, &x->d);
}

/* ---- files and `use` ---------------------------------------------- */

/* ---- files held in memory ------------------------------------------ */

/* Normalises an absolute path lexically ("//", "." and ".."), which is what
 * realpath gives for a tree without symbolic links: the real paths of
 * files held in memory had their links resolved already when they were
 * read (a tracker's bundle, bundle.h). */
static bool mem_normalise(const char *path, char *out, size_t size)
{
    if (path[0] != '/' || strlen(path) >= size)
        return false;
    size_t n = 0;
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        size_t len = (size_t)(e - p);
        if (len == 0 || (len == 1 && p[0] == '.')) {
            /* nothing */
        } else if (len == 2 && p[0] == '.' && p[1] == '.') {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--;
        } else {
            out[n++] = '/';
            memcpy(out + n, p, len);
            n += len;
        }
        p = e;
    }
    if (n == 0)
        out[n++] = '/';
    out[n] = '\0';
    return true;
}

static const MemFile *mem_find(const Compilation *c, const char *path)
{
    char norm[PATH_MAX * 2];
    if (!mem_normalise(path, norm, sizeof norm))
        return NULL;
    for (int i = 0; i < c->nmem; i++)
        if (strcmp(c->mem[i].real, norm) == 0)
            return &c->mem[i];
    return NULL;
}

/* realpath(), or the path the file held in memory had. */
static bool find_real(const Compilation *c, const char *path, char *real)
{
    if (!c->mem)
        return realpath(path, real) != NULL;
    const MemFile *f = mem_find(c, path);
    if (!f && c->mem_overlay)
        return realpath(path, real) != NULL;
    if (!f || strlen(f->real) >= PATH_MAX)
        return false;
    strcpy(real, f->real);
    return true;
}

/* src_load(), or the copy held in memory (with its own display). */
static int load_source(Compilation *c, const char *path, const char *display, uint32_t *id)
{
    if (!c->mem)
        return src_load_regular(&c->sm, path, display, id);
    const MemFile *f = mem_find(c, path);
    if (!f && c->mem_overlay)
        return src_load_regular(&c->sm, path, display, id);
    if (!f)
        return ENOENT;
    *id = f->terminated ? src_add_terminated(&c->sm, f->display, f->text, f->len)
                        : src_add(&c->sm, f->display, f->text, f->len);
    SrcFile *sf = c->sm.files.v[*id];
    sf->path = sf->real = arena_strdup(c->arena, f->real);
    return 0;
}

static Scope *new_scope(Resolver *r)
{
    Scope *s = arena_alloc(r->a, sizeof *s);
    s->m = arena_alloc(r->a, sizeof *s->m);
    hmap_init_named(&s->m->syms, r->a, 31, model_decl_id, model_decl_kind);
    return s;
}

static void load_tree(Resolver *r, Scope *s, uint32_t file);
static Scope *scope_with_prelude(Resolver *r);

/* Resolves the path of a `use`, or reports why it cannot be used. */
static const char *use_path(Resolver *r, const Stmt *st, const char *path, Span at)
{
    char buf[PATH_MAX * 2];
    if (strncmp(path, "std/", 4) == 0) {
        snprintf(buf, sizeof buf, "%s/%s%s", r->stdlib, path,
                 strstr(path, ".charter") ? "" : ".charter");
    } else {
        const char *from = r->c->sm.files.v[st->span.file]->real;
        const char *slash = strrchr(from, '/');
        if (path[0] == '/')
            snprintf(buf, sizeof buf, "%s", path);
        else if (slash)
            snprintf(buf, sizeof buf, "%.*s/%s", (int)(slash - from), from, path);
        else
            snprintf(buf, sizeof buf, "%s", path);
    }
    char real[PATH_MAX];
    if (!find_real(r->c, buf, real)) {
        Diagnostic *g = diag_report(r->d, CHECK_IMPORT_NOT_FOUND, at, "file",
                                    "cannot find '%s'", path);
        if (strncmp(path, "std/", 4) == 0)
            diag_hint(r->d, g, "the standard library has no module '%s'", path + 4);
        else
            diag_hint(r->d, g, "paths are relative to the file that uses them; write the "
                               "file name with its extension");
        return NULL;
    }
    if (strncmp(path, "std/", 4) != 0) {
        size_t n = strlen(r->root_dir);
        if (strncmp(real, r->root_dir, n) != 0 || real[n] != '/') {
            Diagnostic *g = diag_report(r->d, CHECK_IMPORT_OUTSIDE_ROOT, at, "file",
                                        "'%s' is outside the directory of the root file",
                                        path);
            diag_hint(r->d, g, "an agreement may only use files in its own directory tree");
            return NULL;
        }
    }
    return arena_strdup(r->a, real);
}

static bool in_stack(Resolver *r, const char *real, int *at)
{
    for (int i = 0; i < r->stack.n; i++)
        if (strcmp(r->stack.v[i], real) == 0) {
            *at = i;
            return true;
        }
    return false;
}

/* Declares `as` in `s`, naming the model of a file used under it. */
static void declare_namespace(Resolver *r, Scope *s, const Stmt *st, const char *as,
                              Span as_span, Model *m)
{
    Namespace *ns = arena_alloc(r->a, sizeof *ns);
    ns->d.kind = K_NAMESPACE;
    ns->d.id = as;
    ns->d.id_span = as_span;
    ns->d.span = st->span;
    ns->model = m;
    declare(r, s, &ns->d);
}

/* Deepest chain of `use` (documented in docs/security.md). */
#define LOAD_MAX_USE_DEPTH 64

static void load_use(Resolver *r, Scope *s, Stmt *st)
{
    Cur c;
    cur_init(&c, r, s, st);
    const char *path, *as = NULL;
    Span as_span = SPAN_NONE;
    const Arg *pa = cur_peek(&c);
    if (!cur_string(&c, &path, "the path of the file, as a string"))
        return;
    if (cur_is_word(&c, "as")) {
        c.i++;
        if (!cur_ident(&c, &as, &as_span, "the namespace name"))
            return;
    }
    cur_end(&c);
    /* Each level of `use` costs stack; a chain deeper than any real
     * agreement needs is refused rather than allowed to overflow it. */
    if (r->stack.n >= LOAD_MAX_USE_DEPTH) {
        diag_report(r->d, CHECK_LIMIT, pa->span, "file",
                    "files `use` each other more than %d levels deep", LOAD_MAX_USE_DEPTH);
        return;
    }
    const char *real = use_path(r, st, path, pa->span);
    if (!real)
        return;
    int at;
    if (in_stack(r, real, &at)) {
        Diagnostic *g = diag_report(r->d, CHECK_IMPORT_CYCLE, pa->span, "file",
                                    "'%s' is already being loaded: the files use each other "
                                    "in a cycle", path);
        Buf b;
        buf_init(&b);
        for (int i = at; i < r->stack.n; i++) {
            const char *p = r->stack.v[i], *sl = strrchr(p, '/');
            buf_printf(&b, "%s -> ", sl ? sl + 1 : p);
        }
        const char *sl = strrchr(real, '/');
        buf_puts(&b, sl ? sl + 1 : real);
        diag_hint(r->d, g, "the cycle: %s", buf_cstr(&b));
        buf_free(&b);
        return;
    }
    if (!as) {
        for (int i = 0; i < s->reals.n; i++)
            if (strcmp(s->reals.v[i], real) == 0)
                return;     /* already part of this scope */
    } else {
        /* A file's namespace depends on the file alone, so it is loaded
         * once and shared by every `use ... as` of it: loading it again
         * for each would cost 2^n for n files each using the next twice. */
        for (int i = 0; i < r->namespaced.n; i++)
            if (strcmp(r->namespaced.v[i]->reals.v[0], real) == 0) {
                declare_namespace(r, s, st, as, as_span, r->namespaced.v[i]->m);
                return;
            }
    }
    uint32_t id;
    const char *display = arena_printf(r->a, "%s", real);
    /* Show paths relative to the working directory when they are below it. */
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd)) {
        size_t n = strlen(cwd);
        if (strncmp(real, cwd, n) == 0 && real[n] == '/')
            display = real + n + 1;
    }
    int e = load_source(r->c, real, display, &id);
    if (e == SRC_NOT_REGULAR) {
        diag_report(r->d, CHECK_IMPORT_NOT_FOUND, pa->span, "file",
                    "cannot read '%s': not a regular file (a FIFO, a device or a socket); "
                    "`use` reads only files", path);
        return;
    }
    if (e) {
        diag_report(r->d, CHECK_IMPORT_NOT_FOUND, pa->span, "file",
                    "cannot read '%s': %s", path, strerror(e));
        return;
    }
    r->c->sm.files.v[id]->is_std = strncmp(path, "std/", 4) == 0;
    if (!as) {
        load_tree(r, s, id);
        return;
    }
    Scope *sub = scope_with_prelude(r);
    load_tree(r, sub, id);
    resolve_scope(r, sub);
    VEC_PUSH(r->a, r->namespaced, sub);
    declare_namespace(r, s, st, as, as_span, sub->m);
}

/* The syntax tree of `file`: read back from the bytes its MemFile carries
 * (a tracker's, ast_pack.h), else parsed from its text.  Bytes that do not
 * read back are parsed instead: the tree is only a shortcut. */
static Ast *tree_of(Resolver *r, uint32_t file)
{
    const MemFile *m = r->c->mem ? mem_find(r->c, r->c->sm.files.v[file]->real) : NULL;
    Ast *ast = m && m->tree ? ast_unpack(r->a, file, m->tree, m->tree_len) : NULL;
    return ast ? ast : ast_parse(r->a, r->d, file);
}

/* Parses `file` and the files it uses (depth first), adding their trees
 * to the scope in source order. */
static void load_tree(Resolver *r, Scope *s, uint32_t file)
{
    SrcFile *f = r->c->sm.files.v[file];
    VEC_PUSH(r->a, s->reals, f->real);
    Ast *ast = tree_of(r, file);
    if (ast->syntax_errors)
        r->c->syntax_errors = true;
    VEC_PUSH(r->a, s->asts, ast);
    VEC_PUSH(r->a, r->c->trees, ast);
    VEC_PUSH(r->a, r->stack, f->real);
    for (int i = 0; i < ast->top.n; i++) {
        Stmt *st = ast->top.v[i];
        if (st->kind == ST_GENERIC && ast_word_is(st->head, "use"))
            load_use(r, s, st);
    }
    r->stack.n--;
}

static void load_prelude(Resolver *r)
{
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/std/prelude.charter", r->stdlib);
    uint32_t id;
    int e = load_source(r->c, path, "std/prelude.charter", &id);
    if (e) {
        fprintf(stderr, "charterc: error: cannot read the prelude %s: %s (set CHARTER_PATH to "
                        "the standard library folder)\n", path, strerror(e));
        return;
    }
    r->c->sm.files.v[id]->is_std = true;
    r->prelude = tree_of(r, id);
}

static Scope *scope_with_prelude(Resolver *r)
{
    Scope *s = new_scope(r);
    if (r->prelude)
        VEC_PUSH(r->a, s->asts, r->prelude);
    return s;
}

/* The declaration whose statement holds `g`, or NULL: the last top-level
 * statement starting at or before it (the statements are in source
 * order) if it reaches over it and declares something. */
static const Decl *decl_around(const Ast *ast, Span at)
{
    int lo = 0, hi = ast->top.n - 1, found = -1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (ast->top.v[mid]->span.lo <= at.lo) {
            found = mid;
            lo = mid + 1;
        } else
            hi = mid - 1;
    }
    if (found < 0)
        return NULL;
    const Stmt *st = ast->top.v[found];
    if (st->kind != ST_GENERIC || at.lo >= st->span.hi)
        return NULL;
    return st->decl;
}

static void index_asts(const Ast **by_file, int nfiles, const Scope *s)
{
    for (int i = 0; i < s->asts.n; i++)
        if ((int)s->asts.v[i]->file < nfiles)
            by_file[s->asts.v[i]->file] = s->asts.v[i];
}

/* A language error inside a declaration is about that declaration: its
 * subject becomes "KIND ID" instead of "file", whichever stage found it
 * (the scanner, the parser or the resolver, none of which needs to know
 * the declaration around it).  Done once at the end, a binary search per
 * error. */
static void subjects_of_errors(Resolver *r, const Scope *root)
{
    int nfiles = r->c->sm.files.n;
    const Ast **by_file = arena_alloc(r->a, sizeof *by_file * (size_t)(nfiles ? nfiles : 1));
    index_asts(by_file, nfiles, root);
    for (int i = 0; i < r->namespaced.n; i++)
        index_asts(by_file, nfiles, r->namespaced.v[i]);
    for (int i = 0; i < r->d->items.n; i++) {
        Diagnostic *g = r->d->items.v[i];
        if (check_table[g->id].family != CF_LANGUAGE || strcmp(g->subject, "file") != 0 ||
            g->span.file == NO_FILE || (int)g->span.file >= nfiles || !by_file[g->span.file])
            continue;
        const Decl *d = decl_around(by_file[g->span.file], g->span);
        if (d)
            g->subject = model_decl_subject(r->a, d);
    }
}

static int compile_root(Compilation *c, uint32_t id)
{
    Resolver r = {0};
    r.c = c;
    r.a = c->arena;
    r.d = &c->diag;
    r.stdlib = c->mem ? c->mem_stdlib : compile_stdlib_dir();
    c->root_file = id;
    const char *real = c->sm.files.v[id]->real;
    const char *slash = strrchr(real, '/');
    if (slash && real[0] == '/')
        r.root_dir = arena_strndup(r.a, real, (size_t)(slash - real));
    else {
        char cwd[PATH_MAX];
        r.root_dir = arena_strdup(r.a, getcwd(cwd, sizeof cwd) ? cwd : ".");
    }
    load_prelude(&r);
    if (!r.prelude)
        return 2;
    Scope *s = scope_with_prelude(&r);
    load_tree(&r, s, id);
    resolve_scope(&r, s);
    hmap_free(&r.listed);
    subjects_of_errors(&r, s);
    s->m->root_file = id;
    c->model = s->m;
    if (!s->m->agreement && !c->syntax_errors) {
        Span at = {id, 0, 0};
        Diagnostic *g = diag_report(r.d, CHECK_MISSING_AGREEMENT, at, "file",
                                    "this file declares no agreement");
        diag_hint(r.d, g, "add `agreement ID \"Title\" { ... }`");
    }
    return 0;
}

int compile_file(Compilation *c, const char *path)
{
    uint32_t id;
    int e = src_load(&c->sm, path, strcmp(path, "-") == 0 ? "<stdin>" : path, &id);
    if (e) {
        if (e == EFBIG)
            fprintf(stderr, "charterc: error: %s: larger than the limit of %u bytes\n", path,
                    SRC_MAX_SIZE);
        else if (e == EISDIR)
            fprintf(stderr, "charterc: error: %s: is a directory, not an agreement file\n", path);
        else
            fprintf(stderr, "charterc: error: cannot read %s: %s\n", path, strerror(e));
        return 2;
    }
    return compile_root(c, id);
}

const SrcFile *compile_source_at(const Compilation *c, const char *path)
{
    struct stat out, in;
    if (!path || strcmp(path, "-") == 0 || stat(path, &out) != 0)
        return NULL;    /* standard output, or a file that does not exist yet */
    for (int i = 0; i < c->sm.files.n; i++) {
        const SrcFile *f = c->sm.files.v[i];
        if (strcmp(f->path, "-") != 0 && stat(f->real, &in) == 0 && in.st_dev == out.st_dev &&
            in.st_ino == out.st_ino)
            return f;
    }
    return NULL;
}

int compile_text(Compilation *c, const char *display, const char *text, size_t len)
{
    return compile_root(c, src_add(&c->sm, display, text, len));
}

int compile_overlay(Compilation *c, const MemFile *files, int n)
{
    c->mem_overlay = true;
    int st = compile_memory(c, compile_stdlib_dir(), files, n);
    c->mem_overlay = false;
    return st;
}

int compile_memory(Compilation *c, const char *stdlib, const MemFile *files, int n)
{
    if (n < 1)
        return 2;
    /* A compilation takes about five times its text (docs/performance.md):
     * a big one's memory is on huge pages from the start, since the files
     * are not read into the arena for it to tell (about 4 % off a
     * tracker's `status` on a large agreement). */
    size_t text = 0;
    for (int k = 0; k < n; k++)
        text += files[k].len;
    arena_expect(c->arena, 5 * text);
    c->mem = files;
    c->nmem = n;
    c->mem_stdlib = arena_strdup(c->arena, stdlib);
    uint32_t id;
    int st = load_source(c, files[0].real, files[0].display, &id);
    if (st == 0)
        st = compile_root(c, id);
    /* The files belong to the caller: forget them. */
    c->mem = NULL;
    c->nmem = 0;
    return st == 0 ? 0 : 2;
}
