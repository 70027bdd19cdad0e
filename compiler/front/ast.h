/* ast.h - the syntax tree.
 *
 * The grammar is uniform: every statement is a head word followed by
 * arguments and an optional block (`partner itu "ITU" { ... }`), except
 * `requires` and `formula`, which take an expression.  What a statement
 * means is decided later, by the resolver (resolve.c), so a misspelled
 * statement still parses and is reported with a suggestion. */
#ifndef CHARTER_AST_H
#define CHARTER_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "source.h"

typedef enum ArgKind {
    ARG_IDENT,      /* name, possibly dotted: ns.x */
    ARG_STRING,     /* decoded text */
    ARG_NUMBER,
    ARG_PERCENT,    /* 40% : num = 40 */
    ARG_DATE,       /* date = days since 1970-01-01; bad when not on the calendar */
    ARG_COMMA,
    ARG_ARROW,      /* -> */
    ARG_GROUP,      /* ( args ) */
    ARG_TIME        /* 10:00 : num = minutes after midnight; bad when not a time of day */
} ArgKind;

typedef struct Arg Arg;
/* A statement's or a group's arguments, held by value in one array the
 * parser made at its exact size (no capacity: nothing grows it), 12
 * bytes: with a statement's other fields it makes a Stmt of one 64-byte
 * line.  By value, an argument costs its 24 bytes and no pointer, and a
 * statement's arguments share cache lines (docs/performance.md). */
typedef struct __attribute__((packed, aligned(4))) ArgList {
    Arg *v;
    int n;
} ArgList;

/* 24 bytes: a large agreement has about one argument per twenty source
 * bytes (600,000 in 12 MB), and the compiler's memory is bounded by a
 * multiple of the source size (docs/performance.md).  An argument holds
 * the one value of its kind, so the values share storage; read only the
 * member its kind names.  A group's list is behind a pointer: groups are
 * rare, and inline it would make every argument 32 bytes. */
struct Arg {
    uint8_t kind;       /* an ArgKind */
    bool bad;           /* an invalid date or number, already reported */
    Span span;
    union {
        const char *text;   /* IDENT, STRING */
        double num;         /* NUMBER, PERCENT, TIME */
        int32_t date;       /* DATE */
        ArgList *group;     /* GROUP, never NULL */
    };
};

typedef enum ExprKind {
    EX_NUMBER,      /* num, unit_name NULL */
    EX_QUANTITY,    /* num with unit_name */
    EX_PERCENT,     /* num, unit percent */
    EX_NAME,        /* name */
    EX_CALL,        /* name(args) */
    EX_BINARY,      /* l op r */
    EX_NOT,         /* not l */
    EX_NEG          /* -l */
} ExprKind;

typedef enum ExprOp {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV,
    OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE,
    OP_AND, OP_OR
} ExprOp;

/* The type of an expression's value, found by the resolver (expr.c). */
typedef enum ExprType {
    TY_ERROR,       /* not resolved yet, or resolution failed (reported) */
    TY_NUMBER,
    TY_BOOL,        /* a comparison, `and`, `or`, `not` */
    TY_SERIES,      /* an indicator passed to a `series` parameter */
    TY_DATE
} ExprType;

/* Declarations of the model (model.h) that the resolver links the tree to. */
struct Decl;
struct Indicator;
struct Extern;
struct Unit;

typedef struct Expr Expr;
typedef VEC(Expr *) ExprList;

struct Expr {
    ExprKind kind;
    ExprOp op;
    Span span;
    bool paren;             /* written in parentheses; here, it fills what would be padding */
    double num;
    const char *lit;        /* NUMBER, QUANTITY, PERCENT: num as written, "1_500_000" */
    const char *name;       /* NAME, CALL: the name; QUANTITY: the unit */
    Span name_span;
    ExprType type;          /* by the resolver; here, it fills what would be padding */
    Expr *l, *r;
    ExprList args;
    /* Filled by the resolver (expr.c); NULL where a name did not resolve. */
    struct Indicator *indicator;    /* NAME: the indicator it reads */
    const struct Extern *callee;    /* CALL: the extern function it calls */
    const struct Unit *unit;        /* the unit of the value; NULL for a plain number */
};

typedef enum StmtKind { ST_GENERIC, ST_REQUIRES, ST_FORMULA } StmtKind;

typedef struct Stmt Stmt;
typedef struct __attribute__((packed, aligned(4))) StmtList {
    Stmt **v;
    int n;
} StmtList;

struct Stmt {
    uint8_t kind;       /* a StmtKind */
    bool has_block;
    /* The head word's length: the statement starts with it
     * (ast_head_span). */
    uint32_t head_len;
    Span span;          /* the whole statement, block included */
    ArgList args;
    const char *head;   /* GENERIC: the statement name; otherwise "requires"/"formula" */
    /* Which of the two a statement carries follows from its kind.  They
     * share storage: a large agreement has hundreds of thousands of
     * statements, and the compiler's memory is bounded by a multiple of
     * the source size (docs/performance.md). */
    union {
        Expr *expr;         /* REQUIRES, FORMULA */
        struct Decl *decl;  /* GENERIC at the top level: the declaration it
                             * makes, set when the resolver declares it
                             * (compile.c); NULL otherwise and for a
                             * duplicate */
    };
    /* The fields from here on exist only in a statement with a block:
     * one without is made AST_LEAF_SIZE bytes long, 48 instead of 64 (four
     * statements in five have no block: 5 MB of a 12 MB agreement's peak).
     * So they are read through ast_block and ast_block_span only, which
     * look at has_block first. */
    StmtList block_list;
    /* Where the block's `{` is; the block ends where the statement does. */
    uint32_t block_lo;
};

/* The bytes of a statement without a block (see Stmt). */
#define AST_LEAF_SIZE offsetof(Stmt, block_list)

_Static_assert(sizeof(Stmt) == 64, "a statement is one cache line");
_Static_assert(AST_LEAF_SIZE == 48, "a statement without a block is 48 bytes");
_Static_assert(sizeof(Arg) == 24, "an argument is 24 bytes");

/* Whether the head word w is `word`: the first letters are compared
 * first, where most of a table's words differ, and strcmp only then
 * (the resolver compares every statement's head with its tables). */
static inline bool ast_word_is(const char *w, const char *word)
{
    return w[0] == word[0] && strcmp(w, word) == 0;
}

/* A statement's head word: `partner` in `partner itu "ITU" { ... }`. */
static inline Span ast_head_span(const Stmt *st)
{
    return (Span){st->span.file, st->span.lo, st->span.lo + st->head_len};
}

/* A statement's block, from `{` to `}`; only for one that has a block. */
static inline Span ast_block_span(const Stmt *st)
{
    return (Span){st->span.file, st->has_block ? st->block_lo : st->span.hi, st->span.hi};
}

/* A statement's block: the statements in it, none when it has no block. */
static inline const StmtList *ast_block(const Stmt *st)
{
    static const StmtList none;
    return st->has_block ? &st->block_list : &none;
}

typedef struct Comment {
    Span span;          /* from # to the end of the line */
} Comment;

typedef struct Ast {
    uint32_t file;
    StmtList top;
    VEC(Comment) comments;
    bool syntax_errors;     /* any syntax error: back ends must not run */
} Ast;

struct Diag;
/* Parses file `file` of the diagnostics' source manager.  Errors go to
 * `diag`; the tree returned holds every statement that could be read. */
Ast *ast_parse(Arena *a, struct Diag *diag, uint32_t file);

const char *ast_arg_kind_name(ArgKind k);

#endif
