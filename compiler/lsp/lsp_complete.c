/* lsp_complete.c - completion by context (textDocument/completion).
 *
 * The context is the statement the cursor is in, read from the text of
 * its line: after a statement that names declarations (`lead`, `owner`,
 * `reported_by`, `partners`, `between`; `by`, `to` and `with` in a
 * report, meeting or review) the partners; after `supports` the goals;
 * after `unit` the units, and so on through the table below; after
 * `allow` the check names.  The candidates are the declarations the
 * compilation of the document made, the prelude's included, so the
 * closed vocabularies the prelude declares (sectors, levels, units,
 * backbone functions, phases) come with them; a few value words the
 * resolver reads itself (directions, `values`, `combine`) are listed
 * here.  Statement names and snippets are not offered. */
#include <string.h>

#include "checktab.h"
#include "lsp_int.h"

/* What a statement's arguments name. */
static const struct {
    const char *head;
    DeclKind kind;
} ref_heads[] = {
    {"lead", K_PARTNER},          {"owner", K_PARTNER},        {"reported_by", K_PARTNER},
    {"partners", K_PARTNER},      {"between", K_PARTNER},      {"supports", K_GOAL},
    {"measured_by", K_INDICATOR}, {"addresses", K_NEED},       {"unit", K_UNIT},
    {"sector", K_SECTOR},         {"level", K_LEVEL},          {"backbone", K_BACKBONE_FN},
    {"after", K_MILESTONE},       {"coordinates_with", K_ACTIVITY}, {"phase", K_PHASE},
    {"contributes_to", K_INDICATOR},
};

/* The value words of statements the resolver reads itself. */
static const struct {
    const char *head;
    const char *words[6];
} value_heads[] = {
    {"direction", {"up", "down"}},
    {"values", {"cumulative", "per_period"}},
    {"combine", {"sum", "mean", "min", "max", "latest"}},
};

/* The protocol's CompletionItemKind for each kind of declaration. */
static int item_kind(DeclKind k)
{
    switch (k) {
    case K_PARTNER: return 7;       /* Class */
    case K_GOAL: return 23;         /* Event */
    case K_INDICATOR: return 10;    /* Property */
    case K_ACTIVITY: return 3;      /* Function */
    case K_UNIT: return 11;         /* Unit */
    default: return 20;             /* EnumMember */
    }
}

static bool is_word(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '.';
}

/* The statement name of the line before `off` and the last of `by`, `to`
 * and `with` in it; false when the cursor is still in the name. */
static bool line_context(const SrcFile *f, uint32_t off, char *head, size_t hn, char *link,
                         size_t ln)
{
    uint32_t p = off;
    while (p > 0 && f->text[p - 1] != '\n')
        p--;
    while (p < off && (f->text[p] == ' ' || f->text[p] == '\t'))
        p++;
    uint32_t h = p;
    while (p < off && is_word(f->text[p]))
        p++;
    if (p == off || p - h >= hn)
        return false;
    memcpy(head, f->text + h, p - h);
    head[p - h] = '\0';
    link[0] = '\0';
    while (p < off) {
        while (p < off && !is_word(f->text[p]))
            p++;
        uint32_t w = p;
        while (p < off && is_word(f->text[p]))
            p++;
        size_t n = p - w;
        if (p < off && n < ln && (n == 2 || n == 4) &&
            (memcmp(f->text + w, "by", n) == 0 || memcmp(f->text + w, "to", n) == 0 ||
             memcmp(f->text + w, "with", n) == 0)) {
            memcpy(link, f->text + w, n);
            link[n] = '\0';
        }
    }
    return true;
}

static void add_item(json_t *items, const char *label, int kind, const char *detail)
{
    size_t i;
    json_t *v;
    json_array_foreach(items, i, v) {
        if (strcmp(json_string_value(json_object_get(v, "label")), label) == 0)
            return;     /* the agreement's own and the prelude's of a name */
    }
    json_t *it = json_pack("{s:o,s:i}", "label", lsp_str(label), "kind", kind);
    if (detail)
        json_object_set_new(it, "detail", lsp_str(detail));
    json_array_append_new(items, it);
}

static void add_decls(const Compilation *c, DeclKind k, json_t *items)
{
    for (int i = 0; i < c->decls.n; i++)
        if (c->decls.v[i]->kind == k)
            add_item(items, c->decls.v[i]->id, item_kind(k), c->decls.v[i]->title);
}

json_t *lsp_completion(Lsp *s, json_t *params, LspErr *e)
{
    uint32_t off;
    Compilation *c = lsp_at_position(s, params, &off, e);
    json_t *items = json_array();
    if (!c)
        return items;
    char head[64], link[8];
    if (line_context(c->sm.files.v[c->root_file], off, head, sizeof head, link, sizeof link)) {
        bool comm = strcmp(head, "report") == 0 || strcmp(head, "meeting") == 0 ||
                    strcmp(head, "review") == 0;
        if (comm && link[0])
            add_decls(c, K_PARTNER, items);
        for (size_t i = 0; !comm && i < sizeof ref_heads / sizeof ref_heads[0]; i++)
            if (strcmp(head, ref_heads[i].head) == 0)
                add_decls(c, ref_heads[i].kind, items);
        for (size_t i = 0; i < sizeof value_heads / sizeof value_heads[0]; i++)
            for (int k = 0; strcmp(head, value_heads[i].head) == 0 && value_heads[i].words[k]; k++)
                add_item(items, value_heads[i].words[k], 20, NULL);
        for (int i = 0; strcmp(head, "allow") == 0 && i < CHECK_COUNT; i++)
            if (check_table[i].family != CF_LANGUAGE)
                add_item(items, check_table[i].name, 14, check_table[i].summary);
    }
    compile_free(c);
    return items;
}
