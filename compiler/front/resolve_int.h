/* resolve_int.h - internals shared by the files of the resolver:
 * compile.c (files, `use`, declarations), resolve.c and resolve_blocks.c
 * (statements), expr.c (expressions) and resolve_args.c (reading
 * statement arguments). */
#ifndef CHARTER_RESOLVE_INT_H
#define CHARTER_RESOLVE_INT_H

#include "compile.h"

/* A namespace being built: the root (or a `use ... as` file), its plain
 * `use`s and the prelude. */
typedef struct Scope {
    Model *m;
    VEC(Ast *) asts;        /* prelude first, then source order */
    VEC(const char *) reals;/* real paths loaded, to load each file once */
} Scope;

typedef struct Resolver {
    Compilation *c;
    Arena *a;
    Diag *d;
    const char *stdlib;
    Ast *prelude;           /* parsed once, declared in every scope */
    VEC(const char *) stack;/* real paths being loaded, for cycles */
    const char *root_dir;   /* confinement of `use` */
} Resolver;

/* A cursor over the arguments of one statement. */
typedef struct Cur {
    Resolver *r;
    Scope *s;
    const Stmt *st;
    const ArgList *args;
    int i;
} Cur;

void cur_init(Cur *c, Resolver *r, Scope *s, const Stmt *st);
const Arg *cur_peek(const Cur *c);
bool cur_at_end(const Cur *c);
/* Each reader reports a syntax error naming what it expected and returns
 * false when the next argument is not what it wants. */
bool cur_ident(Cur *c, const char **out, Span *span, const char *what);
bool cur_string(Cur *c, const char **out, const char *what);
bool cur_number(Cur *c, double *out, Span *span, const char *what);
bool cur_date(Cur *c, int32_t *out, Span *span, const char *what);
bool cur_word(Cur *c, const char *word);
bool cur_is_word(const Cur *c, const char *word);
bool cur_end(Cur *c);
/* `90 days`, `6 months`, or a bare unit word when `bare` (every month). */
bool cur_duration(Cur *c, Duration *out, bool bare);
/* NUMBER UNIT, or a percentage */
bool cur_quantity(Cur *c, Quantity *q, const char *what);
/* One of `words`; returns its index or -1 (reported). */
int cur_choice(Cur *c, const char *const *words, int n, const char *what);
/* NAME, NAME, ... of declarations of kind `k` pushed through `push`. */
typedef void (*PushFn)(Resolver *r, void *vec, Decl *d, Span span);
bool cur_refs(Cur *c, DeclKind k, const char *role, void *vec, PushFn push);
/* A name of kind `k` (NULL when undefined or of another kind; reported). */
Decl *cur_ref(Cur *c, DeclKind k, const char *role);
void cur_error(Cur *c, const char *what);

/* Looks a name up in the scope; reports undefined_name or wrong_kind. */
Decl *resolve_ref(Resolver *r, Scope *s, const char *name, Span span, DeclKind k,
                  const char *role);
const char *subject_of(Arena *a, const Decl *d);

/* The statements a declaration or block knows (resolve.c). */
typedef void (*StmtFn)(Cur *c, Decl *d);

typedef struct StmtDef {
    const char *name;
    StmtFn fn;
    bool repeat;    /* may appear more than once */
    bool block;     /* takes a { } block */
} StmtDef;

#define NDEFS(t) ((int)(sizeof t / sizeof t[0]))

/* Pushes a declaration once onto a VEC(Decl *). */
void resolve_push_ptr(Resolver *r, void *vec, Decl *d, Span span);
/* Runs the statements of a block against a table; `allows` (may be NULL)
 * receives the block's `allow`s. */
void resolve_block(Resolver *r, Scope *s, Decl *d, const StmtList *block, const StmtDef *defs,
                   int n, AllowList *allows, const char *where);

/* resolve_blocks.c: the blocks that are not named declarations. */
void resolve_agenda(Resolver *r, Scope *s, const Stmt *st);
void resolve_tension(Resolver *r, Scope *s, const Stmt *st);
extern const StmtDef resolve_comm_defs[];
extern const int resolve_ncomm_defs;
extern const StmtDef resolve_governance_defs[];
extern const int resolve_ngovernance_defs;

/* load.c */
void load_declare(Resolver *r, Scope *s, Ast *ast);
/* resolve.c */
void resolve_scope(Resolver *r, Scope *s);
/* expr.c */
void resolve_expr(Resolver *r, Scope *s, Expr *e, bool want_bool, Indicator *owner);

#endif
