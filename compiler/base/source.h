/* source.h - the source files of a compilation and their locations.
 *
 * A location is a byte span in one file (Span); line and column are only
 * computed when a message is printed. */
#ifndef CHARTER_SOURCE_H
#define CHARTER_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct Span {
    uint32_t file;      /* index in SrcMgr.files; NO_FILE for none */
    uint32_t lo, hi;    /* byte offsets, hi exclusive */
} Span;

#define NO_FILE UINT32_MAX
#define SPAN_NONE ((Span){NO_FILE, 0, 0})

typedef struct SrcFile {
    const char *path;       /* as opened */
    const char *display;    /* as printed in messages */
    const char *real;       /* realpath, for cycle and confinement checks */
    /* Followed by two NUL bytes, so that the scanner reads it in place
     * (flex's yy_scan_buffer) instead of copying it; while it scans, it
     * writes a NUL after each token and puts the byte back. */
    const char *text;
    size_t len;
    uint32_t *lines;        /* byte offset of each line start; NULL until */
    int nlines;             /* src_linecol or src_line first needs them */
    bool is_std;            /* part of the standard library */
    bool is_stdin;          /* read from standard input ("-") */
    uint32_t u16_at;        /* src_linecol_utf16's last offset and its */
    int u16_col;            /* column (0: none yet), where the next starts */
} SrcFile;

typedef struct SrcMgr {
    Arena *arena;
    VEC(SrcFile *) files;
} SrcMgr;

/* Largest source file accepted (see docs/security.md). */
#define SRC_MAX_SIZE (64u * 1024 * 1024)

/* Loads a file.  Returns 0 and the file's index in *id, or an errno value
 * (EISDIR for a directory, EFBIG above SRC_MAX_SIZE). */
int src_load(SrcMgr *sm, const char *path, const char *display, uint32_t *id);
/* src_load() for a file named inside the agreement (`use`): only a
 * regular file is read.  Anything else (a FIFO, whose open would wait
 * forever for a writer; a device; a socket) gives SRC_NOT_REGULAR, without
 * blocking: the file is opened non-blocking. */
int src_load_regular(SrcMgr *sm, const char *path, const char *display, uint32_t *id);
#define SRC_NOT_REGULAR (-1)
/* Adds text held in memory (standard input, tests). */
uint32_t src_add(SrcMgr *sm, const char *display, const char *text, size_t len);
/* src_add() of a text that is followed by two NUL bytes and outlives the
 * manager: it is used where it lies, not copied. */
uint32_t src_add_terminated(SrcMgr *sm, const char *display, const char *text, size_t len);
void src_linecol(const SrcMgr *sm, Span s, int *line, int *col);
/* src_linecol() with the column counted in UTF-16 code units, as SARIF's
 * "utf16CodeUnits" and GitHub's annotations count it: every character of
 * the Basic Multilingual Plane is one, any other (an emoji, U+1D11E) two.
 * (src_linecol() counts bytes.)  Linear over the findings of a file taken
 * in order: it goes on from the previous column when it is on the same
 * line and before this one. */
void src_linecol_utf16(const SrcMgr *sm, Span s, int *line, int *col);
/* The inverse, as the Language Server Protocol counts positions: the byte
 * offset of 0-based `line` and 0-based UTF-16 column `col`, clamped to the
 * end of the line (its newline excluded) and of the file, and never inside
 * a character. */
uint32_t src_utf16_offset(const SrcMgr *sm, uint32_t file, int line, int col);
/* The text of line `line` (1-based), without its newline. */
const char *src_line(const SrcMgr *sm, uint32_t file, int line, size_t *len);
/* Offset of the first byte that is not valid UTF-8 (or a NUL), or -1. */
long src_invalid_utf8(const SrcFile *f);

#endif
