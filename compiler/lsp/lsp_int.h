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
    Compilation *comp;  /* its last compilation (lsp_compile), or NULL */
    unsigned long comp_gen;     /* the session's gen when it was made */
} LspDoc;

/* A crash the testing aid makes (lsp_guard.c). */
#define LSP_MAX_CRASH 8
typedef struct LspCrash {
    char method[64];
    int sig;            /* the signal it ends in */
    bool fired;         /* each entry crashes once */
} LspCrash;

typedef struct Lsp {
    RpcIn in;
    FILE *out;
    const LspOptions *opt;
    char *checks_url;   /* base of codeDescription's links; NULL: none */
    LspDoc **docs;
    int ndocs, capdocs;
    unsigned long gen;  /* counts the changes to the open documents */
    bool initialized, shutdown;
    /* What the client said it handles, at initialize. */
    bool snippets;          /* snippets in completion items */
    bool snippet_edits;     /* SnippetTextEdit in a workspace edit (3.18) */
    LspCrash crash[LSP_MAX_CRASH];  /* LspOptions.crash, parsed */
    int ncrash;
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
/* A Position object's line and character, both integers from 0 to INT_MAX. */
bool lsp_json_pos(json_t *pos, int *line, int *col);

/* lsp_guard.c: a crash in one message's handling keeps the session. */
/* Installs the signal handlers (when o->recover, and not under
 * AddressSanitizer) and reads o->crash; lsp_guard_stop() removes them. */
void lsp_guard_start(Lsp *s, const LspOptions *o);
void lsp_guard_stop(void);
/* Reads the testing aid's list of crashes (METHOD[:KIND],...). */
void lsp_guard_hooks(Lsp *s, const char *spec);
/* Runs fn(s, arg), the handling of a message of `method`; returns 0, or
 * the signal that stopped it, after which every kept compilation has
 * been dropped (s->docs[i]->comp is NULL). */
int lsp_guard(Lsp *s, const char *method, void (*fn)(Lsp *s, void *arg), void *arg);
/* "SIGSEGV" and the like. */
const char *lsp_guard_signame(int sig);

/* lsp_uri.c: file URIs (RFC 8089) and paths. */
char *lsp_uri_to_path(const char *uri);     /* malloc'd; NULL: not a file URI */
char *lsp_path_to_uri(const char *path);    /* malloc'd */
/* A JSON string of `s`, with any byte that is not valid UTF-8 replaced by
 * U+FFFD (jansson refuses invalid UTF-8). */
json_t *lsp_str(const char *s);

/* lsp_diag.c: compiling and diagnostics. */
/* Compiles `d` over the other open documents and the disk, with the
 * checks when the language is clean.  Never NULL.  The compilation
 * belongs to the document and is reused until a document changes: the
 * caller reads it and never frees it.  The root is c->root_file. */
Compilation *lsp_compile(const Lsp *s, LspDoc *d);
/* Publishes the diagnostics of `d` (its findings, allowed ones left out). */
void lsp_publish(Lsp *s, LspDoc *d);
/* Publishes, for a document whose compilation crashed, one diagnostic
 * saying so. */
void lsp_publish_crash(Lsp *s, LspDoc *d, const char *signame);
/* Publishes an empty list for a closed document. */
void lsp_clear(Lsp *s, const char *uri);
/* A Range and a Location of a span of the compilation (sm NULL: the
 * start of the file). */
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
json_t *lsp_highlight(Lsp *s, json_t *params, LspErr *e);
json_t *lsp_formatting(Lsp *s, json_t *params, LspErr *e);

/* lsp_symbols.c: the outline, workspace symbols, folding. */
json_t *lsp_symbols(Lsp *s, json_t *params, LspErr *e);
json_t *lsp_workspace_symbols(Lsp *s, json_t *params, LspErr *e);
json_t *lsp_folding(Lsp *s, json_t *params, LspErr *e);

/* lsp_text.c: the block structure of a text, read without parsing it. */
typedef struct LspBlock {
    char head[64];      /* the statement that opens the block; "" at the top level */
    uint32_t open;      /* the offset of its `{`; UINT32_MAX at the top level */
    char **given;       /* the statements in it (the first word of each line) */
    int ngiven;
} LspBlock;
/* The block `off` is in, with the statements in it other than the one on
 * the line of `off`; false inside a string or a comment, or in a block
 * whose opening line starts with no word.  Free with lsp_block_free(). */
bool lsp_text_block(const char *t, size_t n, uint32_t off, LspBlock *b);
void lsp_block_free(LspBlock *b);
/* Where a line goes to be the last statement of the block that ends the
 * declaration at `decl` (the start of the line of its `}`), and the
 * indentation of the block's statements; false when the declaration has
 * no block, or its `}` shares a line with other text. */
bool lsp_text_append_point(const char *t, size_t n, Span decl, uint32_t *at, int *indent);
/* The start of the first line that is neither blank nor a comment: where
 * a statement goes to be at the top of the file, below its heading. */
uint32_t lsp_text_top(const char *t, size_t n);

/* lsp_complete.c: completion by context. */
json_t *lsp_completion(Lsp *s, json_t *params, LspErr *e);

/* lsp_edit.c: rename. */
json_t *lsp_prepare_rename(Lsp *s, json_t *params, LspErr *e);
json_t *lsp_rename(Lsp *s, json_t *params, LspErr *e);

/* lsp_action.c: code actions. */
json_t *lsp_code_action(Lsp *s, json_t *params, LspErr *e);

/* lsp_tokens.c: semantic tokens. */
/* The legend initialize advertises: the token types and modifiers whose
 * indexes the tokens carry. */
json_t *lsp_tokens_legend(void);
json_t *lsp_semantic_tokens(Lsp *s, json_t *params, LspErr *e);

#endif
