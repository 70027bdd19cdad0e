/* resolve_args.c - reading the arguments of a statement, and name references.
 *
 * Statements are parsed uniformly (ast.h); here each statement's expected
 * shape is read argument by argument, so a wrong or missing argument gets
 * a message that names what was expected after what. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numtext.h"
#include "resolve_int.h"
#include "suggest.h"

void cur_init(Cur *c, Resolver *r, Scope *s, const Stmt *st)
{
    c->r = r;
    c->s = s;
    c->st = st;
    c->args = &st->args;
    c->i = 0;
    c->decl = NULL;
}

void resolve_repeat(const CurList *l)
{
    const Cur *c = l->c;
    Repeat rp = {c->decl, l->decl, l->span, resolve_places[l->place].role};
    VEC_PUSH(c->r->a, c->s->m->repeats, rp);
}

const Arg *cur_peek(const Cur *c)
{
    return c->i < c->args->n ? &c->args->v[c->i] : NULL;
}

bool cur_at_end(const Cur *c)
{
    return c->i >= c->args->n;
}

static const char *describe(Resolver *r, const Arg *a)
{
    switch (a->kind) {
    case ARG_IDENT:
        return arena_printf(r->a, "'%s'", a->text);
    case ARG_STRING:
        return "a string";
    case ARG_NUMBER:
        return arena_printf(r->a, "the number %s", num_str(r->a, a->num, NUM_PLAIN));
    case ARG_PERCENT:
        return arena_printf(r->a, "%s%%", num_str(r->a, a->num, NUM_PLAIN));
    default:
        return ast_arg_kind_name(a->kind);
    }
}

void cur_error(Cur *c, const char *what)
{
    const Arg *a = cur_peek(c);
    Span at;
    const char *found;
    if (a) {
        at = a->span;
        found = describe(c->r, a);
    } else {
        Span last = c->args->n ? c->args->v[c->args->n - 1].span : ast_head_span(c->st);
        at = (Span){last.file, last.hi, last.hi};
        found = "the end of the statement";
    }
    diag_report(c->r->d, CHECK_SYNTAX, at, "file", "`%s` expects %s here, found %s",
                c->st->head, what, found);
    c->i = c->args->n;      /* one message per statement */
}

bool cur_ident(Cur *c, const char **out, Span *span, const char *what)
{
    const Arg *a = cur_peek(c);
    if (!a || a->kind != ARG_IDENT) {
        cur_error(c, what);
        return false;
    }
    *out = a->text;
    if (span)
        *span = a->span;
    c->i++;
    return !a->bad;     /* a name too long was reported by the scanner */
}

bool cur_string(Cur *c, const char **out, const char *what)
{
    const Arg *a = cur_peek(c);
    if (!a || a->kind != ARG_STRING) {
        cur_error(c, what);
        return false;
    }
    *out = a->text;
    c->i++;
    return true;
}

bool cur_number(Cur *c, double *out, Span *span, const char *what)
{
    const Arg *a = cur_peek(c);
    if (!a || (a->kind != ARG_NUMBER && a->kind != ARG_PERCENT)) {
        cur_error(c, what);
        return false;
    }
    *out = a->num;
    if (span)
        *span = a->span;
    c->i++;
    return !a->bad;
}

bool cur_date(Cur *c, int32_t *out, Span *span, const char *what)
{
    const Arg *a = cur_peek(c);
    if (!a || a->kind != ARG_DATE) {
        cur_error(c, what);
        return false;
    }
    if (span)
        *span = a->span;
    c->i++;
    if (a->bad)         /* reported by the scanner */
        return false;
    *out = a->date;
    return true;
}

bool cur_is_word(const Cur *c, const char *word)
{
    const Arg *a = cur_peek(c);
    return a && a->kind == ARG_IDENT && strcmp(a->text, word) == 0;
}

bool cur_word(Cur *c, const char *word)
{
    if (!cur_is_word(c, word)) {
        cur_error(c, arena_printf(c->r->a, "'%s'", word));
        return false;
    }
    c->i++;
    return true;
}

bool cur_end(Cur *c)
{
    const Arg *a = cur_peek(c);
    if (!a)
        return true;
    diag_report(c->r->d, CHECK_SYNTAX, a->span, "file",
                "unexpected %s at the end of `%s`", describe(c->r, a), c->st->head);
    c->i = c->args->n;
    return false;
}

bool cur_duration(Cur *c, Duration *out, bool bare)
{
    const Arg *a = cur_peek(c);
    DurUnit u;
    if (bare && a && a->kind == ARG_IDENT && duration_unit(a->text, &u)) {
        c->i++;
        *out = (Duration){1, u};
        return true;
    }
    /* The range first: converting a double beyond int's range is undefined. */
    if (!a || a->kind != ARG_NUMBER || a->num <= 0 || a->num != floor(a->num)) {
        cur_error(c, "a duration such as `90 days` or `6 months`");
        return false;
    }
    c->i++;
    const Arg *w = cur_peek(c);
    if (!w || w->kind != ARG_IDENT || !duration_unit(w->text, &u)) {
        cur_error(c, "days, weeks, months, quarters or years");
        return false;
    }
    c->i++;
    if (a->num > duration_max(u)) {
        char most[48];
        diag_report(c->r->d, CHECK_LIMIT, (Span){a->span.file, a->span.lo, w->span.hi}, "file",
                    "duration of %.15g %s is longer than the limit of %d years (at most %s)",
                    a->num, w->text, DURATION_MAX_YEARS,
                    duration_text((Duration){duration_max(u), u}, most, sizeof most));
        return false;
    }
    *out = (Duration){(int)a->num, u};
    return true;
}

bool cur_quantity(Cur *c, Quantity *q, const char *what)
{
    const Arg *a = cur_peek(c);
    if (!a || (a->kind != ARG_NUMBER && a->kind != ARG_PERCENT)) {
        cur_error(c, what);
        return false;
    }
    c->i++;
    q->value = a->num;
    q->span = a->span;
    if (a->kind == ARG_PERCENT) {
        q->unit = model_unit(c->s->m, "percent");
        return !a->bad;
    }
    const Arg *u = cur_peek(c);
    if (!u || u->kind != ARG_IDENT) {
        cur_error(c, "a unit after the number, such as `USD` or `hours`");
        return false;
    }
    c->i++;
    q->span.hi = u->span.hi;
    q->unit = (Unit *)resolve_ref(c->r, c->s, u->text, u->span, REF_QUANTITY);
    return q->unit && !a->bad;
}

/* "a, b or c", then ", or MORE" when `more` is given: the values of a
 * closed vocabulary, listed from the table that defines them. */
static const char *list_or(Arena *a, const char *const *words, int n, const char *more)
{
    Buf b;
    buf_init(&b);
    for (int i = 0; i < n; i++) {
        if (i)
            buf_puts(&b, i == n - 1 && !more ? " or " : ", ");
        buf_puts(&b, words[i]);
    }
    if (more)
        buf_printf(&b, " or %s", more);
    const char *s = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return s;
}

/* Whether `text` is the word of a table entry: the entry's first word, so
 * that "every DURATION" is matched by `every` and listed whole. */
static bool is_entry(const char *text, const char *entry)
{
    size_t n = strcspn(entry, " ");
    return strncmp(text, entry, n) == 0 && text[n] == '\0';
}

int cur_one_of(Cur *c, const char *const *words, int n, const char *more)
{
    const Arg *a = cur_peek(c);
    if (a && a->kind == ARG_IDENT)
        for (int i = 0; i < n; i++)
            if (is_entry(a->text, words[i])) {
                c->i++;
                return i;
            }
    const char *what = list_or(c->r->a, words, n, more);
    if (a && a->kind == ARG_IDENT) {
        Suggest sg;
        suggest_init(&sg, a->text);
        for (int i = 0; i < n; i++)
            suggest_offer(&sg, arena_strndup(c->r->a, words[i], strcspn(words[i], " ")));
        const char *s = suggest_best(&sg);
        Diagnostic *g = diag_report(c->r->d, CHECK_SYNTAX, a->span, "file",
                                    "`%s` expects %s, found '%s'", c->st->head, what,
                                    suggest_quote(c->r->a, a->text, strlen(a->text)));
        if (s)
            diag_suggest(c->r->d, g, s);
        c->i = c->args->n;
        return -1;
    }
    cur_error(c, what);
    return -1;
}

bool cur_yes_no(Cur *c, bool *out)
{
    static const char *const w[] = {"yes", "no"};
    int k = cur_one_of(c, w, 2, NULL);
    if (k < 0)
        return false;
    *out = k == 0;
    return true;
}

#define RESOLVE_PLACE_ROW(id, role, kinds) [REF_##id] = {role, kinds},
const RefPlaceInfo resolve_places[REF_COUNT] = {RESOLVE_PLACES(RESOLVE_PLACE_ROW)};
#undef RESOLVE_PLACE_ROW

static int count_kinds(KindSet ks)
{
    int n = 0;
    for (; ks; ks &= ks - 1)
        n++;
    return n;
}

static const char *article(const char *word)
{
    /* "a unit", "an indicator": by sound, and every kind name that starts
     * with a vowel letter other than u starts with a vowel sound. */
    return strchr("aeio", word[0]) ? "an" : "a";
}

/* The kinds of ks in the order of DeclKind, the last two joined by
 * `conj` ("or", "and") and each with its article when `articles`: "an
 * activity or a milestone", "need and goal". */
static const char *kinds_text(Arena *a, KindSet ks, const char *conj, bool articles)
{
    const char *out = "";
    int left = count_kinds(ks);
    for (int k = 0; k < K_COUNT; k++) {
        if (!(ks & KIND_BIT(k)))
            continue;
        const char *kn = decl_kind_name((DeclKind)k);
        left--;
        out = arena_printf(a, "%s%s%s%s", out, articles ? article(kn) : "", articles ? " " : "",
                           kn);
        if (left > 1)
            out = arena_printf(a, "%s, ", out);
        else if (left == 1)
            out = arena_printf(a, "%s %s ", out, conj);
    }
    return out;
}

Decl *cur_ref(Cur *c, RefPlace place)
{
    const Arg *a = cur_peek(c);
    if (!a || a->kind != ARG_IDENT) {
        cur_error(c, arena_printf(c->r->a, "the name of %s",
                                  kinds_text(c->r->a, resolve_places[place].kinds, "or", true)));
        return NULL;
    }
    c->i++;
    if (a->bad)         /* a name too long, reported by the scanner */
        return NULL;
    return resolve_ref(c->r, c->s, a->text, a->span, place);
}

void cur_list_init(CurList *l, Cur *c, RefPlace place)
{
    *l = (CurList){c, place, NULL, SPAN_NONE, true, false};
}

bool cur_list_next(CurList *l)
{
    Cur *c = l->c;
    while (!l->done) {
        const Arg *a = cur_peek(c);
        if (!a || a->kind != ARG_IDENT) {
            cur_error(c, arena_printf(c->r->a, "the name of %s",
                                      kinds_text(c->r->a, resolve_places[l->place].kinds, "or",
                                                 true)));
            l->ok = false;
            l->done = true;
            return false;
        }
        c->i++;
        l->decl = a->bad ? NULL : resolve_ref(c->r, c->s, a->text, a->span, l->place);
        l->span = a->span;
        const Arg *n = cur_peek(c);
        if (n && n->kind == ARG_COMMA)
            c->i++;
        else
            l->done = true;
        if (l->decl)
            return true;
        l->ok = false;
    }
    return false;
}

int cur_list_left(const CurList *l)
{
    /* What is left alternates NAME and `,`. */
    int rest = l->done ? 0 : l->c->args->n - l->c->i;
    return 1 + (rest + 1) / 2;
}

/* Below this length a list is scanned: most lists name one to four items. */
enum { LISTED_SCAN = 16 };

/* The i-th pointer of a VEC of pointers of any type, read as bytes: the
 * VEC's type is not void *, and every object pointer has one
 * representation here. */
static const void *listed_item(const void *items, int i)
{
    const void *p;
    memcpy(&p, (const char *)items + (size_t)i * sizeof p, sizeof p);
    return p;
}

bool resolve_listed(Resolver *r, const void *vec, const void *items, int n, const void *x)
{
    if (n < LISTED_SCAN) {
        for (int i = 0; i < n; i++)
            if (listed_item(items, i) == x)
                return true;
        return false;
    }
    /* The set holds exactly the list's items while the list is only
     * appended to through here; another list, or a count that disagrees,
     * means it must be made again (O(n), once per statement at most). */
    if (r->listed_vec != vec || r->listed.n != (uint32_t)n) {
        hmap_free(&r->listed);
        hmap_init_ptr(&r->listed, NULL, 2 * n);
        for (int i = 0; i < n; i++)
            hmap_ptr_add(&r->listed, listed_item(items, i));
        r->listed_vec = vec;
    }
    if (hmap_ptr_has(&r->listed, x))
        return true;
    hmap_ptr_add(&r->listed, x);
    return false;
}

/* "did you mean" among the names of the kinds in `want`. */
static void hint_near(Resolver *r, Scope *s, Diagnostic *g, const char *name, KindSet want)
{
    Suggest sg;
    suggest_init(&sg, name);
    const HMap *t = &s->m->syms;
    for (uint32_t i = 0; i <= t->mask; i++) {
        const Decl *x = hmap_named_at(t, i);
        if (x && (want & KIND_BIT(x->kind)))
            suggest_offer(&sg, x->id);
    }
    const char *best = suggest_best(&sg);
    if (best)
        diag_suggest(r->d, g, best);
    else if (g->id == CHECK_UNDEFINED_NAME) {
        int k = 0;
        while (!(want & KIND_BIT(k)))
            k++;
        diag_hint(r->d, g, "declare it with `%s %s ...`", decl_kind_name((DeclKind)k),
                  suggest_quote(r->a, name, strlen(name)));
    }
}

/* When `want` is one kind of a vocabulary the prelude declares (sectors,
 * levels, backbone functions, phases), ": a level is local, regional,
 * national or global", its values with the agreement's own additions in
 * declaration order; "" for other kinds.  Read from the model, so no
 * message keeps a list of its own. */
static const char *vocabulary(Resolver *r, const Model *m, KindSet want)
{
    const char **ids = NULL;
    int n = 0;
    DeclKind k = K_COUNT;
#define VOCAB_IDS(kind, vec)                                                 \
    if (want == KIND_BIT(kind)) {                                            \
        k = kind;                                                            \
        ids = arena_alloc(r->a, sizeof *ids * (size_t)((vec).n + 1));        \
        for (int i = 0; i < (vec).n; i++)                                    \
            ids[n++] = (vec).v[i]->d.id;                                     \
    }
    VOCAB_IDS(K_SECTOR, m->sectors)
    VOCAB_IDS(K_LEVEL, m->levels)
    VOCAB_IDS(K_BACKBONE_FN, m->backbone_fns)
    VOCAB_IDS(K_PHASE, m->phases)
#undef VOCAB_IDS
    if (!n)
        return "";
    const char *kn = decl_kind_name(k);
    return arena_printf(r->a, ": %s %s is %s", article(kn), kn, list_or(r->a, ids, n, NULL));
}

/* A name that no declaration of the kinds `place` accepts has: wrong_kind
 * when other kinds have it, naming them and where they are declared, else
 * undefined_name.  A value of a vocabulary is answered with its values. */
static void report_unresolved(Resolver *r, Scope *s, const char *name, Span span, RefPlace place)
{
    KindSet want = resolve_places[place].kinds;
    KindSet other = model_kinds_named(s->m, name) & ~want;
    const char *q = suggest_quote(r->a, name, strlen(name));
    const char *values = vocabulary(r, s->m, want);
    if (!other) {
        Diagnostic *g = diag_report(r->d, CHECK_UNDEFINED_NAME, span, "file",
                                    "%s '%s' is not declared%s",
                                    kinds_text(r->a, want, "or", false), q, values);
        hint_near(r, s, g, name, want);
        return;
    }
    Diagnostic *g = diag_report(r->d, CHECK_WRONG_KIND, span, "file",
                                "'%s' is %s, but %s expects %s%s",
                                q, kinds_text(r->a, other, "and", true),
                                resolve_places[place].role, kinds_text(r->a, want, "or", true),
                                values);
    bool several = count_kinds(other) > 1;
    for (int k = 0; k < K_COUNT; k++) {
        const Decl *d = other & KIND_BIT(k) ? model_lookup(s->m, (DeclKind)k, name) : NULL;
        if (d && d->id_span.file != NO_FILE) {
            if (several)
                diag_related(r->d, g, d->id_span, "the %s '%s' is declared here",
                             decl_kind_name(d->kind), q);
            else
                diag_related(r->d, g, d->id_span, "'%s' is declared here", q);
        }
    }
    hint_near(r, s, g, name, want);
}

Decl *resolve_ref(Resolver *r, Scope *s, const char *name, Span span, RefPlace place)
{
    /* One lookup per kind accepted: the lowest bit each time, since every
     * reference of a file comes here.  By the name's address first (the
     * scanner interned it), then, for a dotted name or one made
     * elsewhere, by its text. */
    KindSet want = resolve_places[place].kinds;
    Decl *d = NULL;
    for (KindSet w = want; w && !d; w &= w - 1)
        d = model_find(s->m, (DeclKind)__builtin_ctz(w), name);
    for (KindSet w = want; w && !d; w &= w - 1)
        d = model_lookup(s->m, (DeclKind)__builtin_ctz(w), name);
    if (!d) {
        report_unresolved(r, s, name, span, place);
        return NULL;
    }
    if (r->c->index)
        VEC_PUSH(r->a, r->c->refs, ((SrcRef){span, d}));
    return d;
}
