/* lsp_complete.c - completion by context (textDocument/completion).
 *
 * The context is the statement the cursor is in, read from the text of
 * its line: after a statement that names declarations (`lead`, `owner`,
 * `reported_by`, `partners`, `between`; `by`, `to` and `with` in a
 * report, meeting or review) the partners; after `supports` the goals;
 * after `unit` the units, after `covers` the clause topics, and so on
 * through the table below; after `allow` the check names.  The
 * candidates are the declarations the compilation of the document made,
 * the prelude's included, so the closed vocabularies the prelude declares
 * (sectors, levels, units, backbone functions, phases, topics) come with
 * them; the value words the resolver reads itself (directions,
 * frequencies, `values`, `combine`; the units of a duration after
 * `every`, the weekdays of a meeting's rhythm) are listed here.
 *
 * At the start of a line, the statement names the enclosing block accepts
 * (compile_statements: the resolver's own tables), less those that may be
 * given once and already are; at the top level, with a client that takes
 * snippets, a snippet per kind of declaration as well.  The enclosing
 * block is found in the text (lsp_text_block), so that it is known while
 * the document does not parse. */
#include <stdlib.h>
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
    {"contributes_to", K_INDICATOR}, {"covers", K_TOPIC},
};

/* The value words of statements the resolver reads itself: each
 * statement's one word, its first argument. */
static const struct {
    const char *head;
    const char *words[6];   /* at most five, then NULL */
} value_heads[] = {
    {"direction", {"up", "down"}},
    {"values", {"cumulative", "per_period"}},
    {"combine", {"sum", "mean", "min", "max", "latest"}},
    {"frequency", {"monthly", "quarterly", "yearly", "every"}},
    {"totals", {"yearly", "quarterly"}},
};

/* The units of a duration (duration_unit() reads them): one after `every`
 * alone (`every month`), many after a count (`every 2 weeks`,
 * `report_within 30 days`). */
static const char *const dur_one[] = {"day", "week", "month", "quarter", "year", NULL};
static const char *const dur_many[] = {"days", "weeks", "months", "quarters", "years", NULL};
/* The day of a meeting's rhythm, after `on`. */
static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", NULL};

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

/* What the line before the cursor says. */
typedef struct LineCtx {
    char head[64];      /* the statement name */
    char link[8];       /* the last of `by`, `to` and `with` after it, or "" */
    char prev[32];      /* the last whole word before the cursor's, or "" */
    char prev2[32];     /* the word before that one, or "" */
    int nargs;          /* the whole arguments after the name (a string is one) */
    bool in_string;     /* the cursor is in a string */
} LineCtx;

static void copy_word(char *out, size_t outn, const char *w, size_t n)
{
    if (n >= outn)
        n = 0;  /* longer than any word compared with */
    memcpy(out, w, n);
    out[n] = '\0';
}

/* Reads the line before `off` into *lc; false when the cursor is still in
 * the statement name (or on a line with nothing before it).  A string's
 * words are not words of the statement. */
static bool line_context(const SrcFile *f, uint32_t off, LineCtx *lc)
{
    uint32_t p = off;
    while (p > 0 && f->text[p - 1] != '\n')
        p--;
    while (p < off && (f->text[p] == ' ' || f->text[p] == '\t'))
        p++;
    uint32_t h = p;
    while (p < off && is_word(f->text[p]))
        p++;
    if (p == off || p - h >= sizeof lc->head)
        return false;
    memset(lc, 0, sizeof *lc);
    copy_word(lc->head, sizeof lc->head, f->text + h, p - h);
    while (p < off) {
        if (f->text[p] == '"') {
            for (p++; p < off && f->text[p] != '"'; p++)
                p += f->text[p] == '\\' && p + 1 < off;
            if (p == off) {
                lc->in_string = true;
                break;
            }
            p++;
            lc->nargs++;
            lc->prev2[0] = lc->prev[0] = '\0';
            continue;
        }
        if (!is_word(f->text[p])) {
            p++;
            continue;
        }
        uint32_t w = p;
        while (p < off && is_word(f->text[p]))
            p++;
        if (p == off)
            break;      /* the word being typed */
        size_t n = p - w;
        lc->nargs++;
        memcpy(lc->prev2, lc->prev, sizeof lc->prev);
        copy_word(lc->prev, sizeof lc->prev, f->text + w, n);
        if (strcmp(lc->prev, "by") == 0 || strcmp(lc->prev, "to") == 0 ||
            strcmp(lc->prev, "with") == 0)
            memcpy(lc->link, lc->prev, n + 1);
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

/* ---- statement names ------------------------------------------------ */

typedef struct StmtOffer {
    json_t *items;
    const char *const *given;   /* the block's statements already there */
    int ngiven;
} StmtOffer;

static void offer_stmt(void *ctx, const char *name, bool repeat, bool block)
{
    (void)block;
    StmtOffer *o = ctx;
    for (int i = 0; !repeat && i < o->ngiven; i++)
        if (strcmp(o->given[i], name) == 0)
            return;
    add_item(o->items, name, 14, "statement");  /* Keyword */
}

/* New declarations, as snippets: the statements each kind needs before
 * its checks are quiet about it, the values to fill as placeholders.
 * Each expands, its placeholders filled with declared names, to a
 * declaration that compiles: tests/lsp/session.py checks it. */
static const struct {
    const char *kind, *body;
} snippets[] = {
    {"agreement", "agreement ${1:id} \"${2:Title}\" {\n  term ${3:2026-01-01} to ${4:2027-12-31}\n"
                  "  lead ${5:partner}\n  scope \"${6:What the partners do together}\"\n}\n"},
    {"partner", "partner ${1:id} \"${2:Legal name}\" {\n  sector ${3:private}\n  level ${4:local}\n"
                "  signatory \"${5:Name}\" title \"${6:Title}\"\n}\n"},
    {"goal", "goal ${1:id} \"${2:Title}\" {\n  measured_by ${3:indicator}\n  by ${4:2027-12-31}\n}\n"},
    {"indicator", "indicator ${1:id} \"${2:Title}\" {\n  unit ${3:people}\n  direction ${4:up}\n"
                  "  baseline ${5:0} on ${6:2026-01-01}\n  target ${7:100} by ${8:2027-12-31}\n"
                  "  frequency ${9:quarterly}\n  reported_by ${10:partner}\n"
                  "  source \"${11:Where the figures come from}\"\n}\n"},
    {"activity", "activity ${1:id} \"${2:Title}\" {\n  lead ${3:partner}\n  supports ${4:goal}\n"
                 "  period ${5:2026-01-01} to ${6:2026-12-31}\n}\n"},
    {"milestone", "milestone ${1:id} \"${2:Title}\" {\n  due ${3:2026-06-30}\n  owner ${4:partner}\n}\n"},
};

/* A snippet for each kind of declaration among the statements offered
 * (a second agreement is not). */
static void add_snippets(json_t *items)
{
    size_t nstmt = json_array_size(items);
    for (size_t i = 0; i < sizeof snippets / sizeof snippets[0]; i++) {
        bool offered = false;
        for (size_t k = 0; k < nstmt; k++)
            offered |= strcmp(json_string_value(json_object_get(json_array_get(items, k), "label")),
                              snippets[i].kind) == 0;
        if (!offered)
            continue;
        char label[64];
        snprintf(label, sizeof label, "%s …", snippets[i].kind);
        json_array_append_new(items, json_pack("{s:s,s:i,s:s,s:s,s:s,s:i}", "label", label, "kind",
                                               15, "detail", "new declaration", "filterText",
                                               snippets[i].kind, "insertText", snippets[i].body,
                                               "insertTextFormat", 2));
    }
}

/* The statement names the block around `off` accepts. */
static void add_statements(const Lsp *s, const SrcFile *f, uint32_t off, json_t *items)
{
    LspBlock b;
    if (!lsp_text_block(f->text, f->len, off, &b))
        return;
    StmtOffer o = {items, (const char *const *)b.given, b.ngiven};
    bool known = compile_statements(b.head[0] ? b.head : NULL, offer_stmt, &o);
    if (known && !b.head[0] && s->snippets)
        add_snippets(items);
    lsp_block_free(&b);
}

static void add_words(json_t *items, const char *const *words)
{
    for (int k = 0; words[k]; k++)
        add_item(items, words[k], 20, NULL);    /* EnumMember */
}

static bool is_count(const char *w)
{
    return w[0] >= '1' && w[0] <= '9' && strspn(w, "0123456789_") == strlen(w);
}

/* The arguments of statement lc->head at the cursor. */
static void add_arguments(const Compilation *c, const LineCtx *lc, json_t *items)
{
    const char *head = lc->head;
    bool comm = strcmp(head, "report") == 0 || strcmp(head, "meeting") == 0 ||
                strcmp(head, "review") == 0;
    /* A rhythm: `frequency every 2 weeks`, `meeting ... every month on
     * monday`; a delay: `report_within 30 days`. */
    if ((comm || strcmp(head, "frequency") == 0) && strcmp(lc->prev, "every") == 0) {
        add_words(items, dur_one);
        return;
    }
    if (is_count(lc->prev) && (strcmp(lc->prev2, "every") == 0 ||
                               (strcmp(head, "report_within") == 0 && lc->nargs == 1))) {
        add_words(items, dur_many);
        return;
    }
    if (comm && strcmp(lc->prev, "on") == 0) {
        add_words(items, weekdays);
        return;
    }
    if (comm && lc->link[0])
        add_decls(c, K_PARTNER, items);
    for (size_t i = 0; !comm && i < sizeof ref_heads / sizeof ref_heads[0]; i++)
        if (strcmp(head, ref_heads[i].head) == 0)
            add_decls(c, ref_heads[i].kind, items);
    for (size_t i = 0; lc->nargs == 0 && i < sizeof value_heads / sizeof value_heads[0]; i++)
        if (strcmp(head, value_heads[i].head) == 0)
            add_words(items, value_heads[i].words);
    for (int i = 0; strcmp(head, "allow") == 0 && i < CHECK_COUNT; i++)
        if (check_table[i].family != CF_LANGUAGE)
            add_item(items, check_table[i].name, 14, check_table[i].summary);
}

json_t *lsp_completion(Lsp *s, json_t *params, LspErr *e)
{
    uint32_t off;
    Compilation *c = lsp_at_position(s, params, &off, e);
    json_t *items = json_array();
    if (!c)
        return items;
    LineCtx lc;
    const SrcFile *f = c->sm.files.v[c->root_file];
    if (!line_context(f, off, &lc))
        add_statements(s, f, off, items);
    else if (!lc.in_string)
        add_arguments(c, &lc, items);
    return items;
}
