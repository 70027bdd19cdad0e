/* lsp.c - the session: the message loop, the lifecycle (initialize,
 * shutdown, exit), the open documents (full text sync) and the dispatch of
 * requests to lsp_diag.c and lsp_nav.c.
 *
 * One thread, one message at a time.  Diagnostics are published when the
 * input is idle: a change marks its document (and every open document,
 * which may `use` it) dirty, and the loop publishes the dirty ones only
 * once no further message is waiting, so a burst of keystrokes is
 * compiled once (the debounce).  Each message is handled under a guard
 * (lsp_guard.c): a crash in one answers it with an error, and the
 * session goes on. */
#define _DEFAULT_SOURCE /* realpath */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp_int.h"
#include "version.h"

LspDoc *lsp_doc(const Lsp *s, const char *uri)
{
    for (int i = 0; uri && i < s->ndocs; i++)
        if (strcmp(s->docs[i]->uri, uri) == 0)
            return s->docs[i];
    return NULL;
}

LspDoc *lsp_doc_at_path(const Lsp *s, const char *path)
{
    for (int i = 0; path && i < s->ndocs; i++)
        if (strcmp(s->docs[i]->path, path) == 0)
            return s->docs[i];
    return NULL;
}

LspDoc *lsp_param_doc(const Lsp *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    return lsp_doc(s, json_string_value(json_object_get(td, "uri")));
}

bool lsp_json_pos(json_t *p, int *line, int *col)
{
    json_t *l = json_object_get(p, "line"), *c = json_object_get(p, "character");
    if (!json_is_integer(l) || !json_is_integer(c) || json_integer_value(l) < 0 ||
        json_integer_value(c) < 0 || json_integer_value(l) > INT_MAX ||
        json_integer_value(c) > INT_MAX)
        return false;
    *line = (int)json_integer_value(l);
    *col = (int)json_integer_value(c);
    return true;
}

bool lsp_param_pos(json_t *params, int *line, int *col)
{
    return lsp_json_pos(json_object_get(params, "position"), line, col);
}

static void doc_free(LspDoc *d)
{
    compile_free(d->comp);
    free(d->uri);
    free(d->path);
    free(d->text);
    free(d);
}

/* A document changed: every open document's diagnostics and compilation
 * are out of date, since any of them may `use` it. */
static void mark_all_dirty(Lsp *s)
{
    s->gen++;
    for (int i = 0; i < s->ndocs; i++)
        s->docs[i]->dirty = true;
}

static void set_text(LspDoc *d, const char *text, size_t len)
{
    char *t = malloc(len + 1);
    if (!t)
        return;
    memcpy(t, text, len);
    t[len] = '\0';
    free(d->text);
    d->text = t;
    d->len = len;
}

/* A document's path: its file's real path (as compile.c compares the
 * paths of `use`), or for a URI of another scheme (untitled:) a name in
 * the working directory, so that it still compiles (and its `use`s are
 * relative to that directory). */
static char *doc_path(const char *uri, int n)
{
    char *p = lsp_uri_to_path(uri), real[PATH_MAX];
    if (p && realpath(p, real)) {
        free(p);
        return strdup(real);
    }
    if (p)
        return p;
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        strcpy(cwd, "/");
    size_t len = strlen(cwd) + 40;
    p = malloc(len);
    if (p)
        snprintf(p, len, "%s/untitled-%d.charter", strcmp(cwd, "/") ? cwd : "", n);
    return p;
}

static void did_open(Lsp *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    json_t *text = json_object_get(td, "text");
    if (!uri || !json_is_string(text))
        return;
    LspDoc *d = lsp_doc(s, uri);
    if (!d) {
        if (s->ndocs == s->capdocs) {
            int nc = s->capdocs ? s->capdocs * 2 : 8;
            LspDoc **nd = realloc(s->docs, sizeof *nd * (size_t)nc);
            if (!nd)
                return;
            s->docs = nd;
            s->capdocs = nc;
        }
        d = calloc(1, sizeof *d);
        if (!d)
            return;
        d->uri = strdup(uri);
        d->path = doc_path(uri, s->ndocs);
        if (!d->uri || !d->path) {
            doc_free(d);
            return;
        }
        s->docs[s->ndocs++] = d;
    }
    set_text(d, json_string_value(text), json_string_length(text));
    d->version = (long)json_integer_value(json_object_get(td, "version"));
    mark_all_dirty(s);
}

static void did_change(Lsp *s, json_t *params)
{
    LspDoc *d = lsp_param_doc(s, params);
    json_t *changes = json_object_get(params, "contentChanges");
    if (!d || !json_is_array(changes))
        return;
    /* Full sync: each change is the whole text; the last one counts. */
    size_t n = json_array_size(changes);
    for (size_t i = n; i-- > 0;) {
        json_t *ch = json_array_get(changes, i);
        json_t *text = json_object_get(ch, "text");
        if (json_is_string(text) && !json_object_get(ch, "range")) {
            set_text(d, json_string_value(text), json_string_length(text));
            break;
        }
    }
    json_t *v = json_object_get(json_object_get(params, "textDocument"), "version");
    if (json_is_integer(v))
        d->version = (long)json_integer_value(v);
    mark_all_dirty(s);
}

static void did_close(Lsp *s, json_t *params)
{
    LspDoc *d = lsp_param_doc(s, params);
    if (!d)
        return;
    lsp_clear(s, d->uri);
    for (int i = 0; i < s->ndocs; i++)
        if (s->docs[i] == d) {
            memmove(s->docs + i, s->docs + i + 1, sizeof *s->docs * (size_t)(s->ndocs - i - 1));
            s->ndocs--;
            break;
        }
    doc_free(d);
    mark_all_dirty(s);  /* the others now read the file from disk */
}

/* What the server does, and nothing more: clients enable features from
 * this list. */
static json_t *initialize(Lsp *s, json_t *params, LspErr *e)
{
    (void)e;
    s->initialized = true;
    json_t *caps = json_object_get(params, "capabilities");
    json_t *item = json_object_get(json_object_get(json_object_get(json_object_get(
                                       caps, "textDocument"), "completion"), "completionItem"),
                                   "snippetSupport");
    s->snippets = json_is_true(item);
    s->snippet_edits = json_is_true(json_object_get(
        json_object_get(json_object_get(caps, "workspace"), "workspaceEdit"), "snippetEditSupport"));
    json_t *c = json_object();
    json_object_set_new(c, "positionEncoding", json_string("utf-16"));
    json_object_set_new(c, "textDocumentSync",
                        json_pack("{s:b,s:i,s:{s:b}}", "openClose", 1, "change", 1, "save",
                                  "includeText", 0));
    static const char *const plain[] = {
        "hoverProvider", "definitionProvider", "referencesProvider",
        "documentHighlightProvider", "documentSymbolProvider", "documentFormattingProvider",
        "foldingRangeProvider", "workspaceSymbolProvider",
    };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        json_object_set_new(c, plain[i], json_true());
    json_object_set_new(c, "renameProvider", json_pack("{s:b}", "prepareProvider", 1));
    json_object_set_new(c, "codeActionProvider",
                        json_pack("{s:[s]}", "codeActionKinds", "quickfix"));
    json_object_set_new(c, "completionProvider", json_pack("{s:[s,s]}", "triggerCharacters",
                                                           " ", ","));
    json_object_set_new(c, "semanticTokensProvider",
                        json_pack("{s:o,s:b}", "legend", lsp_tokens_legend(), "full", 1));
    return json_pack("{s:o,s:{s:s,s:s}}", "capabilities", c, "serverInfo", "name", "charterc",
                     "version", CHARTER_VERSION);
}

static json_t *shutdown_req(Lsp *s, json_t *params, LspErr *e)
{
    (void)params;
    (void)e;
    s->shutdown = true;
    return json_null();
}

/* What a request's params must hold, checked before its handler runs, so
 * that every handler reads params of the right types (a wrong one is
 * answered -32602 and changes nothing). */
enum {
    P_DOC = 1,      /* textDocument.uri, a string */
    P_POS = 2,      /* position: line and character, integers >= 0 */
    P_RANGE = 4,    /* range: start and end, positions */
    P_NAME = 8,     /* newName, a string */
    P_QUERY = 16,   /* query, a string */
};

typedef struct Request {
    const char *method;
    json_t *(*fn)(Lsp *s, json_t *params, LspErr *e);
    int needs;
} Request;

static const Request requests[] = {
    {"initialize", initialize, 0},
    {"shutdown", shutdown_req, 0},
    {"textDocument/hover", lsp_hover, P_DOC | P_POS},
    {"textDocument/definition", lsp_definition, P_DOC | P_POS},
    {"textDocument/references", lsp_references, P_DOC | P_POS},
    {"textDocument/documentHighlight", lsp_highlight, P_DOC | P_POS},
    {"textDocument/documentSymbol", lsp_symbols, P_DOC},
    {"textDocument/formatting", lsp_formatting, P_DOC},
    {"textDocument/prepareRename", lsp_prepare_rename, P_DOC | P_POS},
    {"textDocument/rename", lsp_rename, P_DOC | P_POS | P_NAME},
    {"textDocument/codeAction", lsp_code_action, P_DOC | P_RANGE},
    {"textDocument/foldingRange", lsp_folding, P_DOC},
    {"workspace/symbol", lsp_workspace_symbols, P_QUERY},
    {"textDocument/completion", lsp_completion, P_DOC | P_POS},
    {"textDocument/semanticTokens/full", lsp_semantic_tokens, P_DOC},
};

/* The first thing wrong with params for r, or NULL. */
static const char *bad_params(const Request *r, json_t *params)
{
    int l, c;
    if (!r->needs)
        return NULL;
    if (!json_is_object(params))
        return "params must be an object";
    if ((r->needs & P_DOC) &&
        !json_is_string(json_object_get(json_object_get(params, "textDocument"), "uri")))
        return "textDocument.uri must be a string";
    if ((r->needs & P_POS) && !lsp_param_pos(params, &l, &c))
        return "position must have a line and a character, integers from 0";
    json_t *range = json_object_get(params, "range");
    if ((r->needs & P_RANGE) && (!lsp_json_pos(json_object_get(range, "start"), &l, &c) ||
                                 !lsp_json_pos(json_object_get(range, "end"), &l, &c)))
        return "range must have a start and an end, positions";
    if ((r->needs & P_NAME) && !json_is_string(json_object_get(params, "newName")))
        return "newName must be a string";
    if ((r->needs & P_QUERY) && !json_is_string(json_object_get(params, "query")))
        return "query must be a string";
    return NULL;
}

/* A request's handling, as lsp_guard runs it. */
typedef struct Call {
    const Request *r;
    json_t *params;
    json_t *result;
    LspErr e;
} Call;

static void run_request(Lsp *s, void *arg)
{
    Call *c = arg;
    c->result = c->r->fn(s, c->params, &c->e);
}

static void request(Lsp *s, const char *method, json_t *id, json_t *params)
{
    const Request *r = NULL;
    for (size_t i = 0; i < sizeof requests / sizeof requests[0]; i++)
        if (strcmp(requests[i].method, method) == 0)
            r = &requests[i];
    json_incref(id);
    if (!s->initialized && (!r || r->fn != initialize)) {
        rpc_error(s->out, id, RPC_SERVER_NOT_INITIALIZED, "the server is not initialized");
        return;
    }
    if (s->initialized && r && r->fn == initialize) {
        rpc_error(s->out, id, RPC_INVALID_REQUEST, "the server is already initialized");
        return;
    }
    if (s->shutdown) {
        rpc_error(s->out, id, RPC_INVALID_REQUEST, "the server is shutting down");
        return;
    }
    if (!r) {
        rpc_error(s->out, id, RPC_METHOD_NOT_FOUND, "unknown method '%s'", method);
        return;
    }
    const char *bad = bad_params(r, params);
    if (bad) {
        rpc_error(s->out, id, RPC_INVALID_PARAMS, "%s: %s", method, bad);
        return;
    }
    Call call = {r, params, NULL, {0, ""}};
    int sig = lsp_guard(s, method, run_request, &call);
    if (sig)    /* what the handler built is abandoned (lsp_guard.c) */
        rpc_error(s->out, id, RPC_INTERNAL_ERROR,
                  "%s: the server crashed (%s) while answering; the session goes on", method,
                  lsp_guard_signame(sig));
    else if (call.e.code) {
        json_decref(call.result);
        rpc_error(s->out, id, call.e.code, "%s", call.e.msg);
    } else
        rpc_respond(s->out, id, call.result);
}

/* A notification, as lsp_guard runs it. */
typedef struct Note {
    const char *method;
    json_t *params;
} Note;

static void run_notification(Lsp *s, void *arg)
{
    const Note *n = arg;
    if (strcmp(n->method, "textDocument/didOpen") == 0)
        did_open(s, n->params);
    else if (strcmp(n->method, "textDocument/didChange") == 0)
        did_change(s, n->params);
    else if (strcmp(n->method, "textDocument/didClose") == 0)
        did_close(s, n->params);
    else if (strcmp(n->method, "textDocument/didSave") == 0)
        mark_all_dirty(s);  /* a saved file is what the closed ones read */
}

/* A notification: nothing is answered, whatever is wrong with it (a
 * crash included, which the server only logs). */
static void notification(Lsp *s, const char *method, json_t *params)
{
    if (!s->initialized || s->shutdown)
        return;
    Note n = {method, params};
    int sig = lsp_guard(s, method, run_notification, &n);
    if (sig)
        fprintf(stderr, "charterc lsp: crashed (%s) on %s; the session goes on\n",
                lsp_guard_signame(sig), method);
}

/* Handles one message; returns the exit status after `exit`, else -1. */
static int handle(Lsp *s, json_t *msg)
{
    if (!json_is_object(msg)) {
        rpc_error(s->out, NULL, RPC_INVALID_REQUEST, "a message must be a JSON object");
        return -1;
    }
    json_t *id = json_object_get(msg, "id");
    json_t *m = json_object_get(msg, "method");
    json_t *params = json_object_get(msg, "params");
    if (json_is_null(params))
        params = NULL;  /* some clients send `"params": null` for none */
    if (id && !json_is_string(id) && !json_is_integer(id)) {
        rpc_error(s->out, NULL, RPC_INVALID_REQUEST, "an id must be a number or a string");
        return -1;
    }
    if (!m) {
        if (!id)
            rpc_error(s->out, NULL, RPC_INVALID_REQUEST, "a message without a method");
        return -1;   /* a response: the server sends no requests */
    }
    if (!json_is_string(m) || (params && !json_is_object(params) && !json_is_array(params))) {
        json_incref(id);
        rpc_error(s->out, id, RPC_INVALID_REQUEST, "a request needs a method name and structured params");
        return -1;
    }
    const char *method = json_string_value(m);
    if (strcmp(method, "exit") == 0)
        return s->shutdown ? 0 : 1;
    if (id)
        request(s, method, id, params);
    else
        notification(s, method, params);
    return -1;
}

static void run_publish(Lsp *s, void *arg)
{
    lsp_publish(s, arg);
}

/* Publishes the diagnostics of every changed document.  A crash while
 * one is compiled or checked shows as its one diagnostic, since its
 * findings are unknown; the next change compiles it again. */
static void publish_dirty(Lsp *s)
{
    for (int i = 0; i < s->ndocs; i++)
        if (s->docs[i]->dirty) {
            LspDoc *d = s->docs[i];
            d->dirty = false;
            int sig = lsp_guard(s, "textDocument/publishDiagnostics", run_publish, d);
            if (sig)
                lsp_publish_crash(s, d, lsp_guard_signame(sig));
        }
}

/* The link to docs/checks.md: the option's, or the source tree's copy
 * beside the standard library (STDLIB/../docs/checks.md). */
static char *checks_url(const LspOptions *o)
{
    if (o && o->checks_url)
        return strdup(o->checks_url);
    char p[PATH_MAX + 32], real[PATH_MAX];
    snprintf(p, sizeof p, "%s/../docs/checks.md", compile_stdlib_dir());
    return realpath(p, real) ? lsp_path_to_uri(real) : NULL;
}

int lsp_run(int in, FILE *out, const LspOptions *o)
{
    Lsp s = {0};
    rpc_in_init(&s.in, in);
    s.out = out;
    s.opt = o;
    s.checks_url = checks_url(o);
    lsp_guard_start(&s, o);
    int status = -1;
    while (status < 0) {
        if (!rpc_pending(&s.in))
            publish_dirty(&s);
        char *body = NULL, why[160];
        size_t len = 0;
        RpcStatus st = rpc_read(&s.in, &body, &len, why, sizeof why);
        if (st == RPC_EOF) {
            status = s.shutdown ? 0 : 1;
        } else if (st == RPC_BAD_HEADER) {
            rpc_error(out, NULL, RPC_PARSE_ERROR, "bad header: %s", why);
        } else if (st == RPC_TOO_LARGE) {
            rpc_error(out, NULL, RPC_INVALID_REQUEST, "%s", why);
        } else {
            json_error_t err;
            json_t *msg = json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
            free(body);
            if (!msg) {
                rpc_error(out, NULL, RPC_PARSE_ERROR, "not JSON: %s (line %d, column %d)",
                          err.text, err.line, err.column);
                continue;
            }
            status = handle(&s, msg);
            json_decref(msg);
        }
    }
    lsp_guard_stop();
    for (int i = 0; i < s.ndocs; i++)
        doc_free(s.docs[i]);
    free(s.docs);
    free(s.checks_url);
    rpc_in_free(&s.in);
    return status;
}
