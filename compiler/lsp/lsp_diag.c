/* lsp_diag.c - compiling an open document and publishing its findings
 * (textDocument/publishDiagnostics), and the positions, ranges and
 * locations every answer is made of.
 *
 * A document is compiled as `charterc check` compiles a file: the root,
 * what it `use`s and the prelude, then every check when the language is
 * clean, but with the text of every open document instead of the disk's
 * (compile_overlay).  Positions are in UTF-16 code units
 * (src_linecol_utf16), as the protocol requires. */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "checktab.h"
#include "lsp_int.h"

static Compilation *compile_fresh(const Lsp *s, const LspDoc *d);

/* The document's compilation: the last one, while no document has
 * changed since it was made (s->gen counts the changes: `use` makes every
 * open document depend on the others), else a new one, which the
 * document keeps.  Requests come in bursts between changes (a hover, the
 * highlights and the code actions at each cursor move), so most are
 * answered without compiling. */
Compilation *lsp_compile(const Lsp *s, LspDoc *d)
{
    if (d->comp && d->comp_gen == s->gen)
        return d->comp;
    compile_free(d->comp);
    d->comp = NULL;     /* none kept while one is built (lsp_guard.c) */
    d->comp = compile_fresh(s, d);
    d->comp_gen = s->gen;
    return d->comp;
}

static Compilation *compile_fresh(const Lsp *s, const LspDoc *d)
{
    MemFile *files = calloc((size_t)s->ndocs + 1, sizeof *files);
    int n = 0;
    if (files) {
        files[n++] = (MemFile){d->path, d->path, d->text, d->len};
        for (int i = 0; i < s->ndocs; i++)
            if (s->docs[i] != d)
                files[n++] = (MemFile){s->docs[i]->path, s->docs[i]->path, s->docs[i]->text,
                                       s->docs[i]->len};
    }
    Compilation *c = compile_new();
    c->index = true;
    if (files && compile_overlay(c, files, n) == 0 && c->model && compile_errors(c) == 0) {
        CheckOptions co;
        checks_default_options(&co);
        checks_run(c, c->model, &co);
    }
    free(files);
    diag_sort(&c->diag);
    return c;
}

static json_t *position(int line, int col)
{
    return json_pack("{s:i,s:i}", "line", line, "character", col);
}

json_t *lsp_range(const SrcMgr *sm, Span sp)
{
    if (!sm || sp.file == NO_FILE || sp.file >= (uint32_t)sm->files.n)
        return json_pack("{s:o,s:o}", "start", position(0, 0), "end", position(0, 0));
    /* src_linecol_utf16() counts from 1, the protocol from 0. */
    int l0, c0, l1, c1;
    src_linecol_utf16(sm, sp, &l0, &c0);
    if (sp.hi > sp.lo)
        src_linecol_utf16(sm, (Span){sp.file, sp.hi, sp.hi}, &l1, &c1);
    else {
        l1 = l0;    /* an empty span marks the character at lo */
        c1 = c0 + 1;
    }
    return json_pack("{s:o,s:o}", "start", position(l0 - 1, c0 - 1), "end",
                     position(l1 - 1, c1 - 1));
}

char *lsp_file_uri(const Lsp *s, const Compilation *c, uint32_t file)
{
    if (file >= (uint32_t)c->sm.files.n)
        return NULL;
    const SrcFile *f = c->sm.files.v[file];
    const LspDoc *d = lsp_doc_at_path(s, f->real);
    return d ? strdup(d->uri) : lsp_path_to_uri(f->real);
}

json_t *lsp_location(const Lsp *s, const Compilation *c, Span sp)
{
    char *uri = lsp_file_uri(s, c, sp.file);
    if (!uri)
        return NULL;
    json_t *loc = json_pack("{s:o,s:o}", "uri", lsp_str(uri), "range", lsp_range(&c->sm, sp));
    free(uri);
    return loc;
}

static int severity(Severity sev)
{
    return sev == SEV_ERROR ? 1 : sev == SEV_WARNING ? 2 : 3;
}

/* The message with the hint as its second line: the protocol has no
 * place of its own for a hint, and every client shows a multi-line
 * message. */
static json_t *message(const Diagnostic *g)
{
    if (!g->hint)
        return lsp_str(g->message);
    size_t n = strlen(g->message) + strlen(g->hint) + 2;
    char *m = malloc(n);
    if (!m)
        return lsp_str(g->message);
    snprintf(m, n, "%s\n%s", g->message, g->hint);
    json_t *j = lsp_str(m);
    free(m);
    return j;
}

/* The protocol's Diagnostic for finding g, shown at `at`: its own span,
 * or (for a finding in a used file) the place in the root it relates to,
 * with `from` the related location that leads back to it. */
static json_t *diagnostic(const Lsp *s, const Compilation *c, const Diagnostic *g, Span at,
                          json_t *from)
{
    json_t *j = json_object();
    json_object_set_new(j, "range", lsp_range(&c->sm, at));
    json_object_set_new(j, "severity", json_integer(severity(g->sev)));
    json_object_set_new(j, "code", lsp_str(g->check));
    if (s->checks_url) {
        size_t n = strlen(s->checks_url) + strlen(g->check) + 2;
        char *href = malloc(n);
        if (href) {
            snprintf(href, n, "%s#%s", s->checks_url, g->check);
            json_object_set_new(j, "codeDescription", json_pack("{s:o}", "href", lsp_str(href)));
            free(href);
        }
    }
    json_object_set_new(j, "source", json_string("charter"));
    /* Unnecessary (1): the findings about something nothing uses, which
     * editors fade.  No statement form is deprecated, so no finding is
     * tagged Deprecated (2). */
    if (g->id == CHECK_INDICATOR_ORPHAN || g->id == CHECK_PARTNER_IDLE ||
        g->id == CHECK_LISTED_TWICE)
        json_object_set_new(j, "tags", json_pack("[i]", 1));
    json_object_set_new(j, "message", message(g));
    json_t *rel = json_array();
    if (from)
        json_array_append_new(rel, from);
    for (int i = 0; i < g->related.n; i++) {
        if (from && g->related.v[i].span.file == at.file && g->related.v[i].span.lo == at.lo)
            continue;
        json_t *loc = lsp_location(s, c, g->related.v[i].span);
        if (loc)
            json_array_append_new(rel, json_pack("{s:o,s:o}", "location", loc, "message",
                                                 lsp_str(g->related.v[i].message)));
    }
    if (json_array_size(rel))
        json_object_set_new(j, "relatedInformation", rel);
    else
        json_decref(rel);
    return j;
}

/* Whether a finding belongs to the root file's list: it is located there,
 * or it concerns the whole file (no span), which only the root can be. */
static bool in_root(const Compilation *c, const Diagnostic *g)
{
    return g->span.file == c->root_file || g->span.file == NO_FILE;
}

void lsp_publish(Lsp *s, LspDoc *d)
{
    Compilation *c = lsp_compile(s, d);
    json_t *list = json_array();
    for (int i = 0; i < c->diag.items.n; i++) {
        const Diagnostic *g = c->diag.items.v[i];
        if (g->allowed)
            continue;
        if (in_root(c, g)) {
            json_array_append_new(list, diagnostic(s, c, g, g->span, NULL));
            continue;
        }
        /* A finding in a used file that points into this one (the first
         * declaration of a duplicate) is shown here too, where it points,
         * with a way back to where it is. */
        for (int k = 0; k < g->related.n; k++)
            if (g->related.v[k].span.file == c->root_file) {
                json_t *loc = lsp_location(s, c, g->span);
                json_t *from = loc ? json_pack("{s:o,s:s}", "location", loc, "message",
                                               "the finding is here") : NULL;
                json_array_append_new(list, diagnostic(s, c, g, g->related.v[k].span, from));
                break;
            }
    }
    rpc_notify(s->out, "textDocument/publishDiagnostics",
               json_pack("{s:s,s:I,s:o}", "uri", d->uri, "version", (json_int_t)d->version,
                         "diagnostics", list));
}

void lsp_clear(Lsp *s, const char *uri)
{
    rpc_notify(s->out, "textDocument/publishDiagnostics",
               json_pack("{s:s,s:[]}", "uri", uri, "diagnostics"));
}

void lsp_publish_crash(Lsp *s, LspDoc *d, const char *signame)
{
    char m[256];
    snprintf(m, sizeof m,
             "charterc lsp crashed (%s) while checking this file: its findings are not shown "
             "until the next change",
             signame);
    json_t *g = json_pack("{s:o,s:i,s:s,s:s}", "range", lsp_range(NULL, (Span){NO_FILE, 0, 0}),
                          "severity", 1, "source", "charter", "message", m);
    rpc_notify(s->out, "textDocument/publishDiagnostics",
               json_pack("{s:s,s:I,s:[o]}", "uri", d->uri, "version", (json_int_t)d->version,
                         "diagnostics", g));
}
