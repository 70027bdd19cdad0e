/* lsp_int.h - what the files of the language server share: the session
 * (its open documents), compiling a document over the others, positions
 * and locations in the protocol's terms.  Private to compiler/lsp/. */
#ifndef CHARTER_LSP_INT_H
#define CHARTER_LSP_INT_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

#include "compile.h"
#include "lsp.h"
#include "rpc.h"

/* An open document: the editor's text, which wins over the disk's. */
typedef struct LspDoc {
    char *uri;          /* as the client spelt it */
    char *path;         /* absolute, normalised; for `use` and messages */
    char *text;
    size_t len;
    long version;
    bool dirty;         /* changed since its diagnostics were published */
} LspDoc;

typedef struct Lsp {
    RpcIn in;
    FILE *out;
    const LspOptions *opt;
    char *checks_url;   /* base of codeDescription's links; NULL: none */
    LspDoc **docs;
    int ndocs, capdocs;
    bool initialized, shutdown;
} Lsp;

/* An error a request answers with. */
typedef struct LspErr {
    int code;
    char msg[256];
} LspErr;

/* lsp.c: the documents. */
LspDoc *lsp_doc(const Lsp *s, const char *uri);
LspDoc *lsp_doc_at_path(const Lsp *s, const char *path);
/* The document a request's params name (textDocument.uri), or NULL:
 * every request about an unknown document gets an empty result. */
LspDoc *lsp_param_doc(const Lsp *s, json_t *params);
/* The position a request's params give (position.line, .character); false
 * when they are missing. */
bool lsp_param_pos(json_t *params, int *line, int *col);

/* lsp_uri.c: file URIs (RFC 8089) and paths. */
char *lsp_uri_to_path(const char *uri);     /* malloc'd; NULL: not a file URI */
char *lsp_path_to_uri(const char *path);    /* malloc'd */
/* A JSON string of `s`, with any byte that is not valid UTF-8 replaced by
 * U+FFFD (jansson refuses invalid UTF-8). */
json_t *lsp_str(const char *s);

/* lsp_diag.c: compiling and diagnostics. */
/* Compiles `d` over the other open documents and the disk, with the
 * checks when the language is clean.  Never NULL; free with
 * compile_free().  The root is c->root_file. */
Compilation *lsp_compile(const Lsp *s, const LspDoc *d);
/* Publishes the diagnostics of `d` (its findings, allowed ones left out). */
void lsp_publish(Lsp *s, LspDoc *d);
/* Publishes an empty list for a closed document. */
void lsp_clear(Lsp *s, const char *uri);
/* A Range and a Location of a span of the compilation. */
json_t *lsp_range(const SrcMgr *sm, Span sp);
json_t *lsp_location(const Lsp *s, const Compilation *c, Span sp);
/* The URI of file `file` of the compilation (an open document's own). */
char *lsp_file_uri(const Lsp *s, const Compilation *c, uint32_t file);

/* lsp_nav.c: names at a position, and the requests about them. */
/* Whether `off` of `file` is inside (or just after) the span. */
bool lsp_covers(Span sp, uint32_t file, uint32_t off);
/* The declaration named or declared at `off` of the root file (and in
 * *at, when not NULL, the span of the name there), or NULL. */
Decl *lsp_decl_at(const Compilation *c, uint32_t off, Span *at);
/* A declaration's identity across compilations: the same place of the
 * same file. */
typedef struct LspDeclKey {
    const char *real;
    uint32_t lo;
    DeclKind kind;
} LspDeclKey;
LspDeclKey lsp_key_of(const Compilation *c, const Decl *d);
bool lsp_same_decl(const Compilation *c, const Decl *d, const LspDeclKey *k);
/* The compilation of a request's document and the byte offset of its
 * position; NULL for a document the server does not know (or, with *e
 * set, a request without a position). */
Compilation *lsp_at_position(Lsp *s, json_t *params, uint32_t *off, LspErr *e);

json_t *lsp_hover(Lsp *s, json_t *params, LspErr *e);
json_t *lsp_definition(Lsp *s, json_t *params, LspErr *e);
json_t *lsp_references(Lsp *s, json_t *params, LspErr *e);
json_t *lsp_formatting(Lsp *s, json_t *params, LspErr *e);

/* lsp_symbols.c: the outline, workspace symbols, folding. */
json_t *lsp_symbols(Lsp *s, json_t *params, LspErr *e);
json_t *lsp_workspace_symbols(Lsp *s, json_t *params, LspErr *e);
json_t *lsp_folding(Lsp *s, json_t *params, LspErr *e);

/* lsp_complete.c: completion by context. */
json_t *lsp_completion(Lsp *s, json_t *params, LspErr *e);

/* lsp_edit.c: rename and code actions. */
json_t *lsp_prepare_rename(Lsp *s, json_t *params, LspErr *e);
json_t *lsp_rename(Lsp *s, json_t *params, LspErr *e);
json_t *lsp_code_action(Lsp *s, json_t *params, LspErr *e);

#endif
