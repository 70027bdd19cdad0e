/* lsp_action.c - code actions (textDocument/codeAction): the quick fixes
 * of the findings in the requested range.
 *
 * Three kinds, each a `quickfix`:
 *  - a finding that carries a fix (diag_suggest's "did you mean",
 *    diag_replace's corrections) replaces its span with it;
 *  - a finding whose hint is to add one statement to the declaration it is
 *    about (`add` below: `signatory` to a partner, `owner` to a
 *    milestone, ...) adds that statement as the declaration's last line,
 *    its values as placeholders;
 *  - every finding that can be allowed gets "allow this finding": `allow
 *    CHECK "reason"` as the last line of the declaration it is about, when
 *    that declaration's block reads `allow`s, otherwise at the top of the
 *    file (below its heading comments), which allows it in the whole
 *    file; the reason is a placeholder.
 * Placeholders are a snippet (selected in the editor, Tab to the next)
 * when the client takes snippet edits in a workspace edit (LSP 3.18's
 * SnippetTextEdit, `workspace.workspaceEdit.snippetEditSupport`);
 * otherwise the edit is plain text with the placeholders' default text. */
#include <stdlib.h>
#include <string.h>

#include "checktab.h"
#include "lsp_int.h"

/* The statement a check's hint says to add to the declaration it is
 * about, in snippet syntax; the checks whose fix is that mechanical. */
static const struct {
    CheckId check;
    const char *stmt;
} add[] = {
    {CHECK_SIGNATORY_MISSING, "signatory \"${1:Name}\" title \"${2:Title}\""},
    {CHECK_LEAD_MISSING, "lead ${1:partner}"},
    {CHECK_SCOPE_MISSING, "scope \"${1:What the partners do together}\""},
    {CHECK_TERM_MISSING, "term ${1:2026-01-01} to ${2:2027-12-31}"},
    {CHECK_BINDING_UNSTATED, "binding ${1:no}"},
    {CHECK_MILESTONE_UNOWNED, "owner ${1:partner}"},
    {CHECK_MILESTONE_UNDATED, "due ${1:2026-12-31}"},
};

/* A snippet's text with each placeholder `${N:text}` replaced by its text
 * (and `$0`, `$N` by nothing): the plain edit for a client without
 * snippet edits. */
static char *unsnippet(const char *snip)
{
    char *out = malloc(strlen(snip) + 1), *o = out;
    if (!out)
        return NULL;
    for (const char *p = snip; *p;) {
        if (p[0] == '$' && p[1] == '{') {
            const char *colon = strchr(p, ':'), *close = strchr(p, '}');
            if (colon && close && colon < close) {
                memcpy(o, colon + 1, (size_t)(close - colon - 1));
                o += close - colon - 1;
                p = close + 1;
                continue;
            }
        }
        if (p[0] == '$' && p[1] >= '0' && p[1] <= '9') {
            for (p++; *p >= '0' && *p <= '9'; p++)
                ;
            continue;
        }
        *o++ = *p++;
    }
    *o = '\0';
    return out;
}

/* The WorkspaceEdit inserting `snip` at `at` of the document. */
static json_t *insert_edit(const Lsp *s, const LspDoc *doc, const Compilation *c, uint32_t at,
                           const char *snip)
{
    json_t *range = lsp_range(&c->sm, (Span){c->root_file, at, at});
    /* An empty span is a one-character range for findings; an insertion is
     * empty: the end is the start. */
    json_object_set(range, "end", json_object_get(range, "start"));
    if (s->snippet_edits)
        return json_pack("{s:[{s:{s:s,s:I},s:[{s:o,s:{s:s,s:s}}]}]}", "documentChanges",
                         "textDocument", "uri", doc->uri, "version", (json_int_t)doc->version,
                         "edits", "range", range, "snippet", "kind", "snippet", "value", snip);
    char *plain = unsnippet(snip);
    json_t *changes = json_object();
    json_object_set_new(changes, doc->uri,
                        json_pack("[{s:o,s:o}]", "range", range, "newText",
                                  lsp_str(plain ? plain : "")));
    free(plain);
    return json_pack("{s:o}", "changes", changes);
}

static void accepts_allow(void *ctx, const char *name, bool repeat, bool block)
{
    (void)repeat;
    (void)block;
    if (strcmp(name, "allow") == 0)
        *(bool *)ctx = true;
}

/* The declaration a finding is about, when the document declares it. */
static const Decl *subject_of_finding(const Compilation *c, const Diagnostic *g)
{
    for (int i = 0; g->subject && i < c->decls.n; i++)
        if (model_decl_has_subject(c->decls.v[i], g->subject))
            return c->decls.v[i]->id_span.file == c->root_file ? c->decls.v[i] : NULL;
    return NULL;
}

/* Where a statement about finding g goes: the last line of the block of
 * the declaration it is about (true), or, with `top`, the top of the file
 * (false).  *at < 0 when neither fits: a declaration of another file. */
static bool place_for(const Compilation *c, const Diagnostic *g, bool top, long *at, int *indent)
{
    const SrcFile *f = c->sm.files.v[c->root_file];
    const Decl *d = subject_of_finding(c, g);
    bool allows = false;
    uint32_t p;
    if (d && compile_statements(decl_kind_name(d->kind), accepts_allow, &allows) &&
        (allows || !top) && lsp_text_append_point(f->text, f->len, d->span, &p, indent)) {
        *at = p;
        return true;
    }
    *at = -1;
    if (top && (strcmp(g->subject ? g->subject : "file", "file") == 0 || d)) {
        *at = lsp_text_top(f->text, f->len);
        *indent = 0;
    }
    return false;
}

static json_t *action(const char *title, json_t *edit, bool preferred)
{
    return json_pack("{s:o,s:s,s:b,s:o}", "title", lsp_str(title), "kind", "quickfix",
                     "isPreferred", preferred, "edit", edit);
}

/* The line `stmt` at `at`, indented, as a snippet. */
static char *line_snippet(const char *stmt, int indent)
{
    size_t n = strlen(stmt) + (size_t)indent + 2;
    char *t = malloc(n);
    if (t)
        snprintf(t, n, "%*s%s\n", indent, "", stmt);
    return t;
}

/* The fixes of one finding, appended to `out`. */
static void finding_actions(const Lsp *s, const LspDoc *doc, const Compilation *c,
                            const Diagnostic *g, json_t *out)
{
    char title[200];
    if (g->fix) {
        snprintf(title, sizeof title, "Change to '%.120s'", g->fix);
        json_t *changes = json_object();
        json_object_set_new(changes, doc->uri,
                            json_pack("[{s:o,s:o}]", "range", lsp_range(&c->sm, g->span),
                                      "newText", lsp_str(g->fix)));
        json_array_append_new(out, action(title, json_pack("{s:o}", "changes", changes), true));
    }
    long at;
    int indent;
    for (size_t i = 0; i < sizeof add / sizeof add[0]; i++)
        if (add[i].check == g->id && place_for(c, g, false, &at, &indent)) {
            char *snip = line_snippet(add[i].stmt, indent);
            const char *sp = strchr(add[i].stmt, ' ');
            snprintf(title, sizeof title, "Add `%.*s` to %s", (int)(sp - add[i].stmt),
                     add[i].stmt, g->subject);
            if (snip)
                json_array_append_new(out, action(title, insert_edit(s, doc, c, (uint32_t)at,
                                                                     snip), !g->fix));
            free(snip);
        }
    if (check_table[g->id].family == CF_LANGUAGE)
        return;
    bool in_block = place_for(c, g, true, &at, &indent);
    if (at < 0)
        return;
    char stmt[160];
    snprintf(stmt, sizeof stmt, "allow %s \"${1:why this is accepted}\"", g->check);
    char *snip = line_snippet(stmt, indent);
    if (in_block)
        snprintf(title, sizeof title, "Allow %s in %s (with a reason)", g->check, g->subject);
    else
        snprintf(title, sizeof title, "Allow %s in this file (with a reason)", g->check);
    if (snip)
        json_array_append_new(out, action(title, insert_edit(s, doc, c, (uint32_t)at, snip),
                                          false));
    free(snip);
}

json_t *lsp_code_action(Lsp *s, json_t *params, LspErr *e)
{
    (void)e;
    LspDoc *doc = lsp_param_doc(s, params);
    json_t *out = json_array();
    json_t *range = json_object_get(params, "range");
    int l0, c0, l1, c1;
    if (!doc || !lsp_json_pos(json_object_get(range, "start"), &l0, &c0) ||
        !lsp_json_pos(json_object_get(range, "end"), &l1, &c1))
        return out;
    Compilation *c = lsp_compile(s, doc);
    uint32_t lo = src_utf16_offset(&c->sm, c->root_file, l0, c0);
    uint32_t hi = src_utf16_offset(&c->sm, c->root_file, l1, c1);
    for (int i = 0; i < c->diag.items.n; i++) {
        const Diagnostic *g = c->diag.items.v[i];
        if (!g->allowed && g->span.file == c->root_file && g->span.hi >= lo && g->span.lo <= hi)
            finding_actions(s, doc, c, g, out);
    }
    return out;
}
