/* ast_pack.h - a syntax tree written as bytes and read back (ast_pack_).
 *
 * A tracker carries the tree of each file it compiles (compiler/bundle),
 * so that it does not lex and parse the files again at every start: the
 * compilation reads the tree back into its arena instead (compile.c,
 * MemFile.tree).  What is written is exactly what the parser builds:
 * statements, arguments, expressions, comments and spans; what the
 * resolver fills in later (a statement's declaration, an expression's
 * type and links) is not.  Names and strings are written once each and
 * interned when read back (the scanner interns names, and the resolver
 * compares names by their pointers; a string costs no more).  The bytes
 * are deterministic: the same tree gives the same bytes. */
#ifndef CHARTER_AST_PACK_H
#define CHARTER_AST_PACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "buf.h"

/* Appends the bytes of `ast` to out; false (out as it was) when the tree
 * cannot be carried: it has syntax errors, or a span of another file. */
bool ast_pack(const Ast *ast, Buf *out);
/* The tree written by ast_pack(), read into `a` as a tree of file `file`;
 * NULL when the bytes are damaged (every read is bounds-checked). */
Ast *ast_unpack(Arena *a, uint32_t file, const void *bytes, size_t n);

#endif
