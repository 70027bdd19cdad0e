/* compile.h - one compilation: load the root file, the files it uses and
 * the prelude, parse them and resolve them into a Model. */
#ifndef CHARTER_COMPILE_H
#define CHARTER_COMPILE_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "source.h"

/* A source file held in memory, as it was when it was compiled (a
 * tracker's bundle, see compile_memory). */
typedef struct MemFile {
    const char *real;       /* its real path then */
    const char *display;    /* as printed in messages */
    const char *text;
    size_t len;
    /* Optional: its syntax tree as ast_pack() wrote it (tree_len bytes),
     * read back instead of parsing the text, which is still what messages
     * quote.  A tracker carries one for each file (bundle.h). */
    const void *tree;
    size_t tree_len;
    /* text[len] and text[len + 1] are NUL bytes, and the text is writable
     * (the scanner marks a token's end in it, and restores it) and outlives
     * the compilation: the compilation reads it where it lies, no copy. */
    bool terminated;
} MemFile;

/* A name in the source and the declaration it names. */
typedef struct SrcRef {
    Span span;
    Decl *decl;
} SrcRef;

typedef struct Compilation {
    Arena *arena;
    SrcMgr sm;
    Diag diag;
    Model *model;           /* NULL when the root file could not be read */
    uint32_t root_file;
    bool syntax_errors;     /* some file did not parse */
    /* compile_memory: the files to read instead of the disk. */
    const MemFile *mem;
    int nmem;
    const char *mem_stdlib;
    bool mem_overlay;       /* compile_overlay: the disk below the files */
    /* An index of the sources for the language server (charterc lsp),
     * kept only when `index` is set before compiling: every declaration
     * made, of every file, and every name that resolve_ref() resolved,
     * each in the order met.  A declaration that lost to another of its
     * name (duplicate_name) is not in decls. */
    bool index;
    VEC(Decl *) decls;
    VEC(SrcRef) refs;
    /* The syntax tree of every file read (not the prelude's), in the order
     * read: texts.c finds there where each text of the model is written. */
    VEC(Ast *) trees;
} Compilation;

Compilation *compile_new(void);
void compile_free(Compilation *c);
/* Compiles `path` ("-" for standard input).  Returns 0 when the input was
 * read (findings, if any, are in c->diag), or 2 when it could not run: the
 * reason is printed on stderr. */
int compile_file(Compilation *c, const char *path);
/* Compiles text held in memory, as if read from `display`. */
int compile_text(Compilation *c, const char *display, const char *text, size_t len);
/* Compiles files held in memory: files[0] is the root; the prelude
 * (STDLIB/std/prelude.charter) and every `use` are found among the files
 * by the real path they had when they were compiled, and nothing is read
 * from disk.  The tracker rebuilds its agreement this way (bundle_compile). */
int compile_memory(Compilation *c, const char *stdlib, const MemFile *files, int n);
/* compile_memory() over the disk: files[0] is the root, and a file that
 * is not among `files` (by real path) is read from disk, the standard
 * library from compile_stdlib_dir().  The language server compiles an
 * editor's open buffers over its workspace this way. */
int compile_overlay(Compilation *c, const MemFile *files, int n);
/* Where the standard library is: $CHARTER_PATH, else beside the program. */
const char *compile_stdlib_dir(void);
/* The source file of the compilation that `path` names (the same file on
 * disk, however it is spelt: another path, a link), or NULL.  Every command
 * that writes a file asks first, so `-o` never overwrites the agreement or
 * a file it uses (docs/security.md). */
const SrcFile *compile_source_at(const Compilation *c, const char *path);
/* The statements a block accepts, for the language server's completion:
 * calls fn for each statement the block opened by the statement `head`
 * reads (`allow` included where the block reads allows), with whether it
 * may be repeated and whether it takes a { } block; head NULL: the
 * statements of a file's top level.  False when `head` opens no block whose
 * statements are read against a table (a dimension's values, say).  The
 * resolver's own tables answer, so completion offers what it accepts. */
typedef void (*CompileStmtFn)(void *ctx, const char *name, bool repeat, bool block);
bool compile_statements(const char *head, CompileStmtFn fn, void *ctx);
/* The number of language errors. */
int compile_errors(const Compilation *c);

#endif
