/* lsp_edit.c - rename (with prepareRename): the request that changes a
 * name everywhere.
 *
 * A rename changes the declaration's id and every name that resolves to
 * it, in every open document and the files they use, found as references
 * are (lsp_same_decl).  It refuses a name that is not an identifier, a
 * reserved word, and a name another declaration of the same kind already
 * has: each kind has its own names, so only that kind can collide. */
#include <stdlib.h>
#include <string.h>

#include "lsp_int.h"

/* The span of the id itself in a name that refers to it: the last part
 * of a dotted name (`ns.partner`), which is what a rename replaces. */
static Span id_part(Span at, const Decl *d)
{
    size_t n = strlen(d->id);
    if (at.hi - at.lo > n)
        at.lo = at.hi - (uint32_t)n;
    return at;
}

json_t *lsp_prepare_rename(Lsp *s, json_t *params, LspErr *e)
{
    uint32_t off;
    Compilation *c = lsp_at_position(s, params, &off, e);
    if (!c)
        return json_null();
    Span at;
    Decl *d = lsp_decl_at(c, off, &at);
    json_t *r = json_null();
    if (d && !d->is_std)
        r = json_pack("{s:o,s:o}", "range", lsp_range(&c->sm, id_part(at, d)), "placeholder",
                      lsp_str(d->id));
    else if (d) {
        e->code = RPC_REQUEST_FAILED;
        snprintf(e->msg, sizeof e->msg, "'%s' is declared by the standard library", d->id);
    }
    return r;
}

static bool is_identifier(const char *w)
{
    static const char *const reserved[] = {"requires", "formula", "and", "or", "not"};
    if (!((*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z') || *w == '_'))
        return false;
    for (const char *p = w; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_'))
            return false;
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strcmp(w, reserved[i]) == 0)
            return false;
    return strlen(w) <= 128;
}

/* Adds an edit to the WorkspaceEdit's changes of its file, once. */
static void add_edit(const Lsp *s, const Compilation *c, json_t *changes, Span sp,
                     const char *text)
{
    char *uri = lsp_file_uri(s, c, sp.file);
    if (!uri)
        return;
    json_t *list = json_object_get(changes, uri);
    if (!list) {
        list = json_array();
        json_object_set_new(changes, uri, list);
    }
    json_t *edit = json_pack("{s:o,s:o}", "range", lsp_range(&c->sm, sp), "newText", lsp_str(text));
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) {
        if (json_equal(v, edit)) {
            json_decref(edit);
            free(uri);
            return;
        }
    }
    json_array_append_new(list, edit);
    free(uri);
}

/* Whether a declaration of the same kind is named `name` where `key`'s
 * declaration is visible: in any open document's compilation. */
static const Decl *collision(Lsp *s, const LspDeclKey *key, const char *name, Compilation **in)
{
    for (int i = 0; i < s->ndocs; i++) {
        Compilation *o = lsp_compile(s, s->docs[i]);
        for (int k = 0; k < o->decls.n; k++)
            if (o->decls.v[k]->kind == key->kind && strcmp(o->decls.v[k]->id, name) == 0) {
                *in = o;
                return o->decls.v[k];
            }
    }
    return NULL;
}

json_t *lsp_rename(Lsp *s, json_t *params, LspErr *e)
{
    const char *name = json_string_value(json_object_get(params, "newName"));
    uint32_t off;
    Compilation *c = lsp_at_position(s, params, &off, e);
    if (!c)
        return json_null();
    Span at;
    Decl *d = lsp_decl_at(c, off, &at);
    if (!d || d->is_std || !name || !is_identifier(name)) {
        e->code = d && name ? RPC_REQUEST_FAILED : RPC_INVALID_PARAMS;
        snprintf(e->msg, sizeof e->msg, !d ? "no declared name here"
                                        : d->is_std ? "'%s' is declared by the standard library"
                                        : !name ? "rename needs newName"
                                                : "'%s' is not a name Charter accepts",
                 !d ? "" : d->is_std ? d->id : name ? name : "");
        return json_null();
    }
    LspDeclKey key = lsp_key_of(c, d);
    char *real = strdup(key.real);
    key.real = real ? real : "";
    Compilation *other;
    const Decl *taken = collision(s, &key, name, &other);
    if (taken) {
        e->code = RPC_REQUEST_FAILED;
        snprintf(e->msg, sizeof e->msg, "%s '%s' is already declared", decl_kind_name(taken->kind),
                 name);
        free(real);
        return json_null();
    }
    json_t *changes = json_object();
    for (int i = 0; i < s->ndocs; i++) {
        Compilation *o = lsp_compile(s, s->docs[i]);
        for (int k = 0; k < o->decls.n; k++)
            if (lsp_same_decl(o, o->decls.v[k], &key))
                add_edit(s, o, changes, o->decls.v[k]->id_span, name);
        for (int k = 0; k < o->refs.n; k++)
            if (lsp_same_decl(o, o->refs.v[k].decl, &key))
                add_edit(s, o, changes, id_part(o->refs.v[k].span, o->refs.v[k].decl), name);
    }
    free(real);
    return json_pack("{s:o}", "changes", changes);
}
