/* resolve_int.h - internals shared by the files of the resolver:
 * compile.c (files, `use`, declarations), resolve.c (the statements of
 * declarations), resolve_partner.c (a partner's), resolve_blocks.c (the
 * other blocks), expr.c (expressions), resolve_args.c (reading statement
 * arguments) and resolve_sums.c (sums that must stay finite). */
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
    /* Every scope loaded for a `use ... as`, each once per compilation:
     * its first real path is the file it was loaded from. */
    VEC(Scope *) namespaced;
    const char *root_dir;   /* confinement of `use` */
    /* The items of the list being filled (listed_vec), once it is long:
     * see resolve_listed.  malloc'd; freed when resolution ends. */
    const void *listed_vec;
    HMap listed;
    /* Which entry of a StmtDef table a statement's head is, as found
     * before (resolve_walk_next): heads are interned, so the same word is
     * the same pointer, and a dense agreement's 400,000 statements use a
     * few dozen words.  Direct-mapped by the head's and table's
     * addresses; a miss looks the table through. */
    struct { const struct StmtDef *defs; const char *head; int k; } heads[64];
} Resolver;

/* A cursor over the arguments of one statement. */
typedef struct Cur {
    Resolver *r;
    Scope *s;
    const Stmt *st;
    const ArgList *args;
    int i;
    Decl *decl;             /* the declaration whose block holds st; NULL elsewhere */
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
/* One of the `words` of a closed vocabulary; returns its index or -1,
 * reported with the words listed (and `more`, another kind of value the
 * statement takes, such as "a partner"; NULL when none).  An entry may
 * carry a placeholder after its word ("every DURATION"): the word alone
 * matches, and the message lists the entry whole.  The table is the one
 * list of the values: the message is made from it. */
int cur_one_of(Cur *c, const char *const *words, int n, const char *more);
/* `yes` or `no` (reported otherwise). */
bool cur_yes_no(Cur *c, bool *out);
/* Every place of the language that names a declaration, the kinds it
 * accepts and how messages name it ("'x' is a need, but `partners`
 * expects a partner").  Each kind of declaration has its own names, so a
 * reference is looked up among the kinds its place accepts: this is the
 * one table of what each place expects (docs/language.md, "Names", shows
 * it for people).  A place that accepts several kinds ORs their bits, and
 * its reader tells them apart by Decl.kind.  A new place is one row:
 *     X(ID, "role", kinds)   gives REF_ID and its row of resolve_places[] */
#define RESOLVE_PLACES(X)                                                    \
    X(AGREEMENT_LEAD, "the agreement's `lead`", KIND_BIT(K_PARTNER))         \
    X(NESTED_IN, "`nested_in`", KIND_BIT(K_NAMESPACE))                       \
    X(SECTOR, "`sector`", KIND_BIT(K_SECTOR))                                \
    X(LEVEL, "`level`", KIND_BIT(K_LEVEL))                                   \
    X(BACKBONE, "`backbone`", KIND_BIT(K_BACKBONE_FN))                       \
    X(MEASURED_BY, "`measured_by`", KIND_BIT(K_INDICATOR))                   \
    X(UNIT, "`unit`", KIND_BIT(K_UNIT))                                      \
    X(QUANTITY, "a quantity", KIND_BIT(K_UNIT))                              \
    X(REPORTED_BY, "`reported_by`", KIND_BIT(K_PARTNER))                     \
    X(DISAGGREGATED_BY, "`disaggregated_by`", KIND_BIT(K_DIMENSION))         \
    X(TARGET_DIMENSION, "a target's `for`", KIND_BIT(K_DIMENSION))           \
    X(CONTRIBUTES_TO, "`contributes_to`", KIND_BIT(K_INDICATOR))             \
    X(DENOMINATOR, "`denominator`", KIND_BIT(K_INDICATOR))                   \
    X(ACTIVITY_LEAD, "an activity's `lead`", KIND_BIT(K_PARTNER))            \
    X(PARTNERS, "`partners`", KIND_BIT(K_PARTNER))                           \
    X(SUPPORTS, "`supports`", KIND_BIT(K_GOAL))                              \
    X(ADDRESSES, "`addresses`", KIND_BIT(K_NEED))                            \
    X(COORDINATES_WITH, "`coordinates_with`", KIND_BIT(K_ACTIVITY))          \
    X(BUDGET_FROM, "`budget ... from`", KIND_BIT(K_PARTNER))                 \
    X(OWNER, "`owner`", KIND_BIT(K_PARTNER))                                 \
    X(AFTER, "`after`", KIND_BIT(K_MILESTONE))                               \
    X(PHASE, "`phase`", KIND_BIT(K_PHASE))                                   \
    X(TENSION, "a tension", KIND_BIT(K_PARTNER))                             \
    X(COMMUNICATION, "a communication", KIND_BIT(K_PARTNER))                 \
    X(REPORT_BY, "a report's `by`", KIND_BIT(K_PARTNER))                     \
    X(DECISIONS, "`decisions`", KIND_BIT(K_PARTNER))                         \
    X(CALL, "a function call", KIND_BIT(K_EXTERN))                           \
    X(EXPR_NAME, "an expression", KIND_BIT(K_INDICATOR))                     \
    X(COVERS, "`covers`", KIND_BIT(K_TOPIC))

#define RESOLVE_PLACE_ENUM(id, role, kinds) REF_##id,
typedef enum RefPlace { RESOLVE_PLACES(RESOLVE_PLACE_ENUM) REF_COUNT } RefPlace;
#undef RESOLVE_PLACE_ENUM

typedef struct RefPlaceInfo {
    const char *role;       /* how messages name the place: "`partners`" */
    KindSet kinds;          /* what it accepts */
} RefPlaceInfo;
/* RESOLVE_PLACES, indexed by RefPlace (resolve_args.c). */
extern const RefPlaceInfo resolve_places[REF_COUNT];

/* A list NAME, NAME, ... of declarations named at place `place`, read one
 * name at a time:
 *     CurList l;
 *     cur_list_init(&l, c, REF_PARTNERS);
 *     while (cur_list_next(&l))
 *         RESOLVE_LIST_PUSH(&l, a->partners, Partner);
 *     if (l.ok)
 *         cur_end(c);
 * Inside the loop l.decl is of a kind the place accepts (resolve_ref
 * checked it), so converting it to its kind's struct is sound for a place
 * of one kind.  A name that does not resolve is reported and skipped, and
 * clears l.ok; so does a missing name, which ends the list. */
typedef struct CurList {
    Cur *c;
    RefPlace place;
    Decl *decl;         /* the declaration just read */
    Span span;          /* where it is named */
    bool ok;            /* every name so far was there and resolved */
    bool done;
} CurList;
void cur_list_init(CurList *l, Cur *c, RefPlace place);
bool cur_list_next(CurList *l);
/* Whether `x` is among the n items of the list `vec` (a VEC of
 * pointers, without duplicates).  A short list is scanned; a long one is
 * answered from a set of its items that the resolver keeps for the last
 * long list asked about, and `x` is added to that set, because the caller
 * appends it when it was not there.  So filling a list of n names costs
 * O(n), not O(n^2), even when its statement repeats (`partners a` then
 * `partners b`) or lists 200,000 names. */
bool resolve_listed(Resolver *r, const void *vec, const void *items, int n, const void *x);
/* Appends the declaration the CurList l just read to `vec`, a VEC(Type *),
 * unless it is there already: a name listed twice counts once, and the
 * repeat is recorded in the model (Model.repeats, for listed_twice). */
#define RESOLVE_LIST_PUSH(l, vec, Type)                                      \
    do {                                                                     \
        if (resolve_listed((l)->c->r, &(vec), (vec).v, (vec).n, (l)->decl))  \
            resolve_repeat(l);                                               \
        else                                                                 \
            VEC_PUSH_FIRST((l)->c->r->a, vec, (Type *)(l)->decl,             \
                           cur_list_left(l));                                \
    } while (0)
/* How many names the list l can still give, counting the one just read:
 * a list's first block holds them all (an activity's `partners p4` one
 * slot, not two: 0.7 MB of the dense benchmark agreement). */
int cur_list_left(const CurList *l);
/* Records that the name l just read was listed before in the same list. */
void resolve_repeat(const CurList *l);
/* The whole of a statement that lists declarations, `partners a, b`: each
 * declaration named at `place` (of one kind) is added once to `vec`, a
 * VEC(Type *), and nothing may follow the list. */
#define RESOLVE_LIST_STMT(c, place, vec, Type)                               \
    do {                                                                     \
        CurList l_;                                                          \
        cur_list_init(&l_, c, place);                                        \
        while (cur_list_next(&l_))                                           \
            RESOLVE_LIST_PUSH(&l_, vec, Type);                               \
        if (l_.ok)                                                           \
            cur_end(c);                                                      \
    } while (0)
/* A name at `place` (NULL when undefined or of another kind; reported). */
Decl *cur_ref(Cur *c, RefPlace place);
void cur_error(Cur *c, const char *what);

/* Looks a name up in the scope among the kinds `place` accepts; reports
 * undefined_name, or wrong_kind when only other kinds have the name. */
Decl *resolve_ref(Resolver *r, Scope *s, const char *name, Span span, RefPlace place);
/* Reads a unit's block (`signed yes`) into u. */
void resolve_unit(Resolver *r, Scope *s, const Stmt *st, Unit *u);

/* A statement a block knows, in the table of that kind of block.  Each
 * table is read by its block's own reader, which calls the member of
 * `read` the table fills: a declaration's block (resolve.c; `d` is of the
 * table's kind, since the reader picks the table by d->kind), a partner's
 * incentive or contact (resolve_partner.c), a tension, or the communication and governance
 * blocks, whose statements fill the model itself (resolve_blocks.c). */
typedef struct StmtDef {
    const char *name;
    union {
        void (*decl)(Cur *c, Decl *d);
        void (*incentive)(Cur *c, Incentive *in);
        void (*contact)(Cur *c, Contact *ct);
        void (*tension)(Cur *c, Tension *t);
        void (*model)(Cur *c, Model *m);
    } read;
    bool repeat;    /* may appear more than once */
    bool block;     /* takes a { } block */
} StmtDef;

#define NDEFS(t) ((int)(sizeof t / sizeof t[0]))

/* A walk over the statements of a block against its table, shared by the
 * readers of blocks:
 *     BlockWalk w;
 *     resolve_walk_init(&w, r, s, &st->block, defs, NDEFS(defs), allows, where);
 *     while ((k = resolve_walk_next(&w, &c)) >= 0)
 *         defs[k].read.tension(&c, t);
 * Statements the table does not know, a second one of a statement that
 * may be given once and a { } block where none belongs are reported and
 * skipped; `allow`s are read into `allows` (NULL: `allow` is not known in
 * the block).  `where` names the block in messages ("partner 'itu'");
 * resolve_walk_of names it instead by its kind and name, put together only
 * when a message needs it (a clean block, the usual case, formats nothing). */
typedef struct BlockWalk {
    Resolver *r;
    Scope *s;
    const StmtList *block;
    const StmtDef *defs;
    int n;
    AllowList *allows;
    const char *where;      /* NULL: of_kind, of_name in of_quote */
    const char *of_kind;
    const char *of_name;
    char of_quote;
    int next;               /* index in block of the next statement */
    const Stmt *seen[32];   /* by index in defs: the first of a statement given once */
} BlockWalk;
void resolve_walk_init(BlockWalk *w, Resolver *r, Scope *s, const StmtList *block,
                       const StmtDef *defs, int n, AllowList *allows, const char *where);
/* After resolve_walk_init with where NULL: the block is "KIND 'NAME'" (the
 * quote is ' or "). */
void resolve_walk_of(BlockWalk *w, const char *kind, const char *name, char quote);
/* The index in defs of the next statement to read, with `c` set on it;
 * -1 after the last. */
int resolve_walk_next(BlockWalk *w, Cur *c);

/* resolve_blocks.c: the blocks that are not named declarations. */
void resolve_agenda(Resolver *r, Scope *s, const Stmt *st);
void resolve_tension(Resolver *r, Scope *s, const Stmt *st);
/* The communication or governance block: the statements of `defs` fill the model. */
void resolve_model_block(Resolver *r, Scope *s, const Stmt *st, const StmtDef *defs, int n,
                         const char *where);
/* The statements of a partner's block (resolve_partner.c). */
extern const StmtDef resolve_partner_defs[];
extern const int resolve_npartner_defs;
extern const StmtDef resolve_comm_defs[];
extern const int resolve_ncomm_defs;
extern const StmtDef resolve_governance_defs[];
extern const int resolve_ngovernance_defs;
extern const StmtDef resolve_contact_defs[];
extern const int resolve_ncontact_defs;
extern const StmtDef resolve_incentive_defs[];
extern const int resolve_nincentive_defs;
extern const StmtDef resolve_tension_defs[];
extern const int resolve_ntension_defs;
/* The statements of the agenda, which resolve_agenda() reads itself. */
extern const char *const resolve_agenda_heads[4];
/* The statements the block opened by `head` accepts, for
 * compile_statements() (compile.h); false when the resolver reads no
 * such block statement by statement. */
bool resolve_block_statements(const char *head, CompileStmtFn fn, void *ctx);

/* compile.c */
void load_declare(Resolver *r, Scope *s, Ast *ast);
/* resolve.c */
void resolve_scope(Resolver *r, Scope *s);
/* expr.c */
void resolve_expr(Resolver *r, Scope *s, Expr *e, bool want_bool, Indicator *owner);
/* resolve_sums.c: the sums of commitments and budgets per unit, and the
 * spread of each indicator's plan, are finite (invalid_number otherwise). */
void resolve_sums(Resolver *r, Model *m);

/* resolve_reporting.c: the indicator statements about reporting periods
 * and targets for a cell. */
void resolve_in_season(Cur *c, Decl *d);
void resolve_in_totals(Cur *c, Decl *d);
void resolve_in_report_within(Cur *c, Decl *d);
void resolve_in_denominator(Cur *c, Decl *d);
/* Once every indicator is read: each `denominator` names a count broken
 * down as its rate is. */
void resolve_denominators(Resolver *r, Model *m);
/* The `for DIMENSION VALUE` after a target, if any, into t->dim, t->cell. */
bool resolve_target_cell(Cur *c, Target *t);
/* Reports each target for a cell of a dimension ind is not disaggregated by. */
void resolve_target_cells(Resolver *r, Indicator *ind);

#endif
