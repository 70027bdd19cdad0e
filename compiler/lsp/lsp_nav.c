/* lsp_nav.c - the requests about a position or a whole document: hover,
 * go to definition, find references, document highlight and formatting.
 *
 * Names are found through the compilation's index (Compilation.decls and
 * .refs, filled by the front end): a position is on a declaration's id or
 * on a name that resolve_ref() resolved.  A declaration is the same one
 * in two compilations when it is at the same place in the same file
 * (DeclKey), so references are gathered from every open document's
 * compilation, each of which sees the files it `use`s. */
#include <stdlib.h>
#include <string.h>

#include "checktab.h"
#include "date.h"
#include "fmt.h"
#include "lsp_int.h"
#include "numtext.h"

/* The byte offset a request's position names in the root file, or false. */
static bool param_offset(const Compilation *c, json_t *params, uint32_t *off)
{
    int line, col;
    if (!lsp_param_pos(params, &line, &col) || c->root_file >= (uint32_t)c->sm.files.n)
        return false;
    *off = src_utf16_offset(&c->sm, c->root_file, line, col);
    return true;
}

bool lsp_covers(Span sp, uint32_t file, uint32_t off)
{
    return sp.file == file && sp.lo <= off && off <= sp.hi && sp.hi > sp.lo;
}

Decl *lsp_decl_at(const Compilation *c, uint32_t off, Span *at)
{
    for (int i = 0; i < c->refs.n; i++)
        if (lsp_covers(c->refs.v[i].span, c->root_file, off)) {
            if (at)
                *at = c->refs.v[i].span;
            return c->refs.v[i].decl;
        }
    for (int i = 0; i < c->decls.n; i++)
        if (lsp_covers(c->decls.v[i]->id_span, c->root_file, off)) {
            if (at)
                *at = c->decls.v[i]->id_span;
            return c->decls.v[i];
        }
    return NULL;
}

LspDeclKey lsp_key_of(const Compilation *c, const Decl *d)
{
    const char *real = d->id_span.file < (uint32_t)c->sm.files.n
                           ? c->sm.files.v[d->id_span.file]->real : "";
    return (LspDeclKey){real, d->id_span.lo, d->kind};
}

bool lsp_same_decl(const Compilation *c, const Decl *d, const LspDeclKey *k)
{
    LspDeclKey o = lsp_key_of(c, d);
    return o.kind == k->kind && o.lo == k->lo && strcmp(o.real, k->real) == 0;
}

Compilation *lsp_at_position(Lsp *s, json_t *params, uint32_t *off, LspErr *e)
{
    LspDoc *d = lsp_param_doc(s, params);
    if (!d)
        return NULL;
    Compilation *c = lsp_compile(s, d);
    if (!param_offset(c, params, off)) {
        e->code = RPC_INVALID_PARAMS;
        snprintf(e->msg, sizeof e->msg, "the request needs a position");
        return NULL;
    }
    return c;
}

json_t *lsp_definition(Lsp *s, json_t *params, LspErr *e)
{
    uint32_t off;
    Compilation *c = lsp_at_position(s, params, &off, e);
    if (!c)
        return json_null();
    Decl *d = lsp_decl_at(c, off, NULL);
    json_t *loc = d ? lsp_location(s, c, d->id_span) : NULL;
    return loc ? loc : json_null();
}

/* Adds a location unless the list has one at the same place. */
static void add_unique(json_t *list, json_t *loc)
{
    if (!loc)
        return;
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) {
        if (json_equal(v, loc)) {
            json_decref(loc);
            return;
        }
    }
    json_array_append_new(list, loc);
}

json_t *lsp_references(Lsp *s, json_t *params, LspErr *e)
{
    uint32_t off;
    Compilation *c = lsp_at_position(s, params, &off, e);
    if (!c)
        return json_array();
    Decl *d = lsp_decl_at(c, off, NULL);
    json_t *list = json_array();
    if (!d)
        return list;
    LspDeclKey key = lsp_key_of(c, d);
    char *real = strdup(key.real);
    key.real = real ? real : "";
    if (json_is_true(json_object_get(json_object_get(params, "context"), "includeDeclaration")))
        add_unique(list, lsp_location(s, c, d->id_span));
    for (int i = 0; i < s->ndocs; i++) {
        Compilation *o = lsp_compile(s, s->docs[i]);
        for (int k = 0; k < o->refs.n; k++)
            if (lsp_same_decl(o, o->refs.v[k].decl, &key))
                add_unique(list, lsp_location(s, o, o->refs.v[k].span));
    }
    free(real);
    return list;
}

/* Every place in the document that names the declaration under the
 * cursor: its declaration (kind Write, 3) and each name that refers to it
 * (Read, 2).  Only the document's own places: the protocol highlights in
 * the editor's current buffer. */
json_t *lsp_highlight(Lsp *s, json_t *params, LspErr *e)
{
    uint32_t off;
    Compilation *c = lsp_at_position(s, params, &off, e);
    json_t *list = json_array();
    if (!c)
        return list;
    Decl *d = lsp_decl_at(c, off, NULL);
    if (!d)
        return list;
    LspDeclKey key = lsp_key_of(c, d);
    if (d->id_span.file == c->root_file)
        json_array_append_new(list, json_pack("{s:o,s:i}", "range",
                                              lsp_range(&c->sm, d->id_span), "kind", 3));
    for (int k = 0; k < c->refs.n; k++)
        if (c->refs.v[k].span.file == c->root_file && lsp_same_decl(c, c->refs.v[k].decl, &key))
            json_array_append_new(list, json_pack("{s:o,s:i}", "range",
                                                  lsp_range(&c->sm, c->refs.v[k].span), "kind", 2));
    return list;
}

/* ---- hover ---------------------------------------------------------- */

static void put_partners(Buf *b, const char *label, const PartnerList *l)
{
    if (!l->n)
        return;
    buf_printf(b, "\n- %s: ", label);
    for (int i = 0; i < l->n; i++)
        buf_printf(b, "%s`%s`", i ? ", " : "", l->v[i]->d.id);
}

static void partner_facts(Buf *b, const Partner *p)
{
    if (p->sector)
        buf_printf(b, "\n- sector: `%s`", p->sector->d.id);
    if (p->level)
        buf_printf(b, "\n- level: `%s`", p->level->d.id);
    for (int i = 0; i < p->signatories.n; i++)
        buf_printf(b, "\n- signatory: %s%s%s%s", p->signatories.v[i].name,
                   p->signatories.v[i].title ? " (" : "",
                   p->signatories.v[i].title ? p->signatories.v[i].title : "",
                   p->signatories.v[i].title ? ")" : "");
}

static void indicator_facts(Buf *b, const Indicator *ind)
{
    char n[NUM_TEXT_MAX], dt[16];
    if (ind->unit)
        buf_printf(b, "\n- unit: `%s`", ind->unit->d.id);
    if (ind->direction)
        buf_printf(b, "\n- direction: %s", ind->direction > 0 ? "up" : "down");
    if (ind->has_baseline) {
        buf_printf(b, "\n- baseline: %s", num_text(ind->baseline, NUM_SOURCE, n));
        if (ind->baseline_date != DATE_NONE)
            buf_printf(b, " on %s", date_iso(ind->baseline_date, dt));
    }
    for (int i = 0; i < ind->targets.n; i++)
        buf_printf(b, "\n- target: %s by %s", num_text(ind->targets.v[i].value, NUM_SOURCE, n),
                   date_iso(ind->targets.v[i].date, dt));
    if (ind->frequency.n) {
        char f[64];
        buf_printf(b, "\n- frequency: %s", duration_frequency(ind->frequency, f, sizeof f));
    }
    put_partners(b, "reported by", &ind->reporters);
}

static void other_facts(Buf *b, const Decl *d)
{
    char dt[16], dt2[16];
    if (d->kind == K_GOAL) {
        const Goal *g = (const Goal *)d;
        if (g->by != DATE_NONE)
            buf_printf(b, "\n- by: %s", date_iso(g->by, dt));
        for (int i = 0; i < g->measured_by.n; i++)
            buf_printf(b, "\n- measured by: `%s`", g->measured_by.v[i]->d.id);
    } else if (d->kind == K_ACTIVITY) {
        const Activity *a = (const Activity *)d;
        if (a->lead)
            buf_printf(b, "\n- lead: `%s`", a->lead->d.id);
        put_partners(b, "partners", &a->partners);
        if (a->start != DATE_NONE && a->end != DATE_NONE)
            buf_printf(b, "\n- period: %s to %s", date_iso(a->start, dt), date_iso(a->end, dt2));
        for (int i = 0; i < a->supports.n; i++)
            buf_printf(b, "\n- supports: `%s`", a->supports.v[i]->d.id);
    } else if (d->kind == K_MILESTONE) {
        const Milestone *m = (const Milestone *)d;
        if (m->due != DATE_NONE)
            buf_printf(b, "\n- due: %s", date_iso(m->due, dt));
        if (m->owner)
            buf_printf(b, "\n- owner: `%s`", m->owner->d.id);
    } else if (d->kind == K_AGREEMENT) {
        const Agreement *a = (const Agreement *)d;
        if (a->lead)
            buf_printf(b, "\n- lead: `%s`", a->lead->d.id);
        if (a->term_start != DATE_NONE && a->term_end != DATE_NONE)
            buf_printf(b, "\n- term: %s to %s", date_iso(a->term_start, dt),
                       date_iso(a->term_end, dt2));
    }
}

static json_t *hover_decl(const Compilation *c, const Decl *d, Span at)
{
    Buf b;
    buf_init(&b);
    buf_printf(&b, "**%s** `%s`", decl_kind_name(d->kind), d->id);
    if (d->title)
        buf_printf(&b, " — %s", d->title);
    if (d->kind == K_PARTNER)
        partner_facts(&b, (const Partner *)d);
    else if (d->kind == K_INDICATOR)
        indicator_facts(&b, (const Indicator *)d);
    else
        other_facts(&b, d);
    if (d->is_std)
        buf_puts(&b, "\n\n*declared by the standard library*");
    json_t *h = json_pack("{s:{s:s,s:o},s:o}", "contents", "kind", "markdown", "value",
                          lsp_str(buf_cstr(&b)), "range", lsp_range(&c->sm, at));
    buf_free(&b);
    return h;
}

/* The word at `off` (letters, digits, '_'), or false. */
static bool word_at(const SrcFile *f, uint32_t off, uint32_t *lo, uint32_t *hi)
{
#define WORDCH(ch) (((ch) >= 'a' && (ch) <= 'z') || ((ch) >= 'A' && (ch) <= 'Z') || \
                    ((ch) >= '0' && (ch) <= '9') || (ch) == '_')
    uint32_t a = off, z = off;
    while (a > 0 && WORDCH(f->text[a - 1]))
        a--;
    while (z < f->len && WORDCH(f->text[z]))
        z++;
#undef WORDCH
    *lo = a;
    *hi = z;
    return z > a;
}

/* On `allow CHECK`: the check's reference text, as `charterc explain`
 * prints it. */
static json_t *hover_allow(const Compilation *c, uint32_t off)
{
    const SrcFile *f = c->sm.files.v[c->root_file];
    uint32_t lo, hi;
    if (!word_at(f, off, &lo, &hi) || hi - lo > 64)
        return NULL;
    uint32_t p = lo;
    while (p > 0 && (f->text[p - 1] == ' ' || f->text[p - 1] == '\t'))
        p--;
    if (p < 5 || memcmp(f->text + p - 5, "allow", 5) != 0 ||
        (p > 5 && f->text[p - 6] != ' ' && f->text[p - 6] != '\t' && f->text[p - 6] != '\n' &&
         f->text[p - 6] != '{'))
        return NULL;
    char name[65];
    memcpy(name, f->text + lo, hi - lo);
    name[hi - lo] = '\0';
    const CheckInfo *ci = check_find(name);
    if (!ci)
        return NULL;
    Buf b;
    buf_init(&b);
    check_reference(ci, &b);
    json_t *h = json_pack("{s:{s:s,s:o},s:o}", "contents", "kind", "plaintext", "value",
                          lsp_str(buf_cstr(&b)), "range",
                          lsp_range(&c->sm, (Span){c->root_file, lo, hi}));
    buf_free(&b);
    return h;
}

json_t *lsp_hover(Lsp *s, json_t *params, LspErr *e)
{
    uint32_t off;
    Compilation *c = lsp_at_position(s, params, &off, e);
    if (!c)
        return json_null();
    json_t *h = hover_allow(c, off);
    for (int i = 0; !h && i < c->refs.n; i++)
        if (lsp_covers(c->refs.v[i].span, c->root_file, off))
            h = hover_decl(c, c->refs.v[i].decl, c->refs.v[i].span);
    for (int i = 0; !h && i < c->decls.n; i++)
        if (lsp_covers(c->decls.v[i]->id_span, c->root_file, off))
            h = hover_decl(c, c->decls.v[i], c->decls.v[i]->id_span);
    return h ? h : json_null();
}

/* ---- formatting ----------------------------------------------------- */

/* The whole document in the canonical layout of `charterc fmt`, as one
 * edit; no edit while the text has syntax errors (the formatter needs a
 * whole tree) or when the layout is already canonical. */
json_t *lsp_formatting(Lsp *s, json_t *params, LspErr *e)
{
    LspDoc *doc = lsp_param_doc(s, params);
    json_t *edits = json_array();
    if (!doc)
        return edits;
    Arena *a = arena_new();
    SrcMgr sm = {a, {0}};
    Diag d;
    diag_init(&d, a, &sm);
    uint32_t id = src_add(&sm, doc->path, doc->text, doc->len);
    Buf out;
    buf_init(&out);
    FmtStatus fs = fmt_file(&sm, &d, id, &out);
    if (fs == FMT_WOULD_CHANGE) {
        e->code = RPC_REQUEST_FAILED;
        snprintf(e->msg, sizeof e->msg, "internal error: the canonical layout would change "
                                        "what the file says; please report this");
    } else if (fs == FMT_FORMATTED &&
               (out.len != doc->len || (out.len && memcmp(out.data, doc->text, out.len)))) {
        json_array_append_new(edits, json_pack("{s:o,s:o}", "range",
                                               lsp_range(&sm, (Span){id, 0, (uint32_t)doc->len}),
                                               "newText", lsp_str(buf_cstr(&out))));
    }
    buf_free(&out);
    arena_free(a);
    return edits;
}
