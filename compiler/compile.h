/* compile.h - one compilation: load the root file, the files it uses and
 * the prelude, parse them and resolve them into a Model. */
#ifndef CHARTER_COMPILE_H
#define CHARTER_COMPILE_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "source.h"

typedef struct Compilation {
    Arena *arena;
    SrcMgr sm;
    Diag diag;
    Model *model;           /* NULL when the root file could not be read */
    uint32_t root_file;
    bool syntax_errors;     /* some file did not parse */
} Compilation;

Compilation *compile_new(void);
void compile_free(Compilation *c);
/* Compiles `path` ("-" for standard input).  Returns 0 when the input was
 * read (findings, if any, are in c->diag), or 2 when it could not run: the
 * reason is printed on stderr. */
int compile_file(Compilation *c, const char *path);
/* Compiles text held in memory, as if read from `display`. */
int compile_text(Compilation *c, const char *display, const char *text, size_t len);
/* Where the standard library is: $CHARTER_PATH, else beside the program. */
const char *compile_stdlib_dir(void);
/* The number of language errors. */
int compile_errors(const Compilation *c);

#endif
