/* doc_fmt.c - quantities, dates and expressions written for people, and
 * small model queries the documents share.
 *
 * No locale of the machine is consulted: the documents are byte-identical
 * on every machine.  Numbers are numtext.h's NUM_DOC (thousands separated
 * by commas, at most four decimals), dates are written "1 March 2021", and
 * amounts of a currency as ICU writes them ("US$80,000"); in another
 * language (lang.h) each follows it: "40 000", "1 mars 2021", "80 000 $US". */
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "exprtext.h"
#include "numtext.h"

const char *fmt_unit(const Unit *u)
{
    if (!u)
        return "";
    if (strcmp(u->d.id, "percent") == 0)
        return "%";
    /* Currency codes and other upper-case ids read best as written. */
    bool upper = true;
    for (const char *s = u->d.id; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            upper = false;
    if (upper || !u->d.title || !*u->d.title)
        return u->d.id;
    return u->d.title;
}

const char *fmt_quantity(Arena *a, double v, const Unit *u)
{
    /* Money as people read it in the document's language, ICU's way:
     * "US$80,000", "80 000 $US" (a unit whose id is an ISO 4217 code). */
    char money[NUM_TEXT_MAX];
    if (u && lang_money(v, u->d.id, money, sizeof money))
        return arena_strdup(a, money);
    const char *n = num_str(a, v, NUM_DOC);
    if (!u || strcmp(u->d.id, "count") == 0)
        return n;
    if (strcmp(u->d.id, "percent") == 0)
        return arena_printf(a, "%s%%", n);
    return arena_printf(a, "%s %s", n, fmt_unit(u));
}

const char *fmt_commitment(Arena *a, const Commitment *c)
{
    const char *t = fmt_quantity(a, c->q.value, c->q.unit);
    if (c->what)
        t = arena_printf(a, L_("%s of %s"), t, c->what);
    if (c->has_worth)
        t = arena_printf(a, L_("%s, valued at %s"), t, fmt_quantity(a, c->worth.value, c->worth.unit));
    /* The condition is the author's words, a clause ("the grant is
     * renewed") or a noun ("board approval"): quoted after a label, it
     * reads right either way, where "subject to" fits only a noun. */
    if (c->condition)
        t = arena_printf(a, L_("%s (condition: %s)"), t, c->condition);
    return t;
}

const char *fmt_signatories(Arena *a, const Partner *p)
{
    const char *t = NULL;
    for (int i = 0; i < p->signatories.n; i++) {
        const Signatory *sg = &p->signatories.v[i];
        const char *one = sg->title ? arena_printf(a, "%s, %s", sg->name, sg->title) : sg->name;
        t = t ? arena_printf(a, "%s; %s", t, one) : one;
    }
    return t;
}

const char *fmt_date(Arena *a, int32_t day)
{
    if (day == DATE_NONE)
        return L_("no date");
    char buf[32];
    return arena_strdup(a, date_long(day, buf));
}

const char *fmt_duration(Arena *a, Duration d)
{
    unsigned long n = (unsigned long)d.n;
    switch (d.unit) {
    case DUR_DAY: return arena_printf(a, LN_("%d day", "%d days", n), d.n);
    case DUR_WEEK: return arena_printf(a, LN_("%d week", "%d weeks", n), d.n);
    case DUR_MONTH: return arena_printf(a, LN_("%d month", "%d months", n), d.n);
    case DUR_QUARTER: return arena_printf(a, LN_("%d quarter", "%d quarters", n), d.n);
    case DUR_YEAR: break;
    }
    return arena_printf(a, LN_("%d year", "%d years", n), d.n);
}

const char *fmt_every(Arena *a, Duration d)
{
    static const char *const one[] = {N_("daily"), N_("weekly"), N_("monthly"), N_("quarterly"),
                                      N_("yearly")};
    if (d.n == 0)
        return L_("not stated");
    if (d.n == 1)
        return L_(one[d.unit]);
    return arena_printf(a, L_("every %s"), fmt_duration(a, d));
}

const char *fmt_words(Arena *a, const char *id)
{
    char *s = arena_strdup(a, id);
    for (char *p = s; *p; p++)
        if (*p == '_')
            *p = ' ';
    return s;
}

const char *fmt_title(const Decl *d)
{
    return d->title && *d->title ? d->title : d->id;
}

void fmt_ref(Doc *d, DocText *t, const Decl *decl)
{
    if (d->for_signature)
        dt_add(d, t, DS_PLAIN, fmt_title(decl));
    else
        dt_gen(d, t, DS_CODE, decl->id);
}

/* "more" and "less" of an interest read as nouns of change, which fit any
 * interest name: "an increase in reach", "a reduction in subscriber
 * price" (where "more subscriber price" did not). */
void fmt_wants(Doc *d, DocText *t, const Incentive *in)
{
    for (int k = 0; k < in->wants.n; k++) {
        if (k)
            dt_gen(d, t, DS_PLAIN, k == in->wants.n - 1 ? L_(" and ") : ", ");
        dt_genf(d, t, DS_PLAIN, "%s %s", in->wants.v[k].dir > 0 ? L_("an increase in")
                                                                : L_("a reduction in"),
                fmt_words(d->a, in->wants.v[k].interest));
    }
}

void fmt_incentive(Doc *d, DocText *t, const Incentive *in)
{
    if (in->text) {
        dt_add(d, t, DS_PLAIN, in->text);
        size_t n = strlen(in->text);
        if (n && !strchr(".!?", in->text[n - 1]))
            dt_gen(d, t, DS_PLAIN, ".");
        if (in->wants.n)
            dt_gen(d, t, DS_PLAIN, " ");
    }
    if (in->wants.n) {
        dt_gen(d, t, DS_PLAIN, L_("It seeks "));
        fmt_wants(d, t, in);
        dt_gen(d, t, DS_PLAIN, ".");
    }
}

static void expr_at(Doc *d, DocText *t, const Expr *e, int min)
{
    bool paren = exprtext_prec(e) < min;
    if (paren)
        dt_gen(d, t, DS_PLAIN, "(");
    switch (e->kind) {
    case EX_NUMBER:
        dt_gen(d, t, DS_PLAIN, num_str(d->a, e->num, NUM_DOC));
        break;
    case EX_QUANTITY:
        /* The unit as written, as the expression printer does (exprtext.c). */
        dt_genf(d, t, DS_PLAIN, "%s %s", num_str(d->a, e->num, NUM_DOC), e->name);
        break;
    case EX_PERCENT:
        dt_genf(d, t, DS_PLAIN, "%s%%", num_str(d->a, e->num, NUM_DOC));
        break;
    case EX_NAME:
        /* The copy for signature names an indicator by its title. */
        if (d->for_signature && e->indicator)
            dt_add(d, t, DS_PLAIN, fmt_title(&e->indicator->d));
        else if (d->for_signature)
            dt_add(d, t, DS_PLAIN, fmt_words(d->a, e->name));
        else
            dt_gen(d, t, DS_CODE, e->name);
        break;
    case EX_CALL:
        if (d->for_signature)
            dt_add(d, t, DS_PLAIN, fmt_words(d->a, e->name));
        else
            dt_gen(d, t, DS_CODE, e->name);
        dt_gen(d, t, DS_PLAIN, "(");
        for (int i = 0; i < e->args.n; i++) {
            if (i)
                dt_gen(d, t, DS_PLAIN, ", ");
            expr_at(d, t, e->args.v[i], 1);
        }
        dt_gen(d, t, DS_PLAIN, ")");
        break;
    case EX_NOT:
        dt_gen(d, t, DS_PLAIN, L_("not "));
        expr_at(d, t, e->l, 3);
        break;
    case EX_NEG:
        dt_gen(d, t, DS_PLAIN, "\xe2\x88\x92");     /* minus sign */
        expr_at(d, t, e->l, 7);
        break;
    case EX_BINARY: {
        static const char *const ops[] = {
            " + ", " \xe2\x88\x92 ", " \xc3\x97 ", " / ",       /* + − × / */
            " < ", " \xe2\x89\xa4 ", " > ", " \xe2\x89\xa5 ",  /* < ≤ > ≥ */
            " = ", " \xe2\x89\xa0 ", " and ", " or "};          /* = ≠ */
        int p = exprtext_prec(e);
        /* Comparisons do not chain; the right operand of - and / binds
         * tighter. */
        expr_at(d, t, e->l, p == 4 ? 5 : p);
        dt_gen(d, t, DS_PLAIN, ops[e->op]);
        expr_at(d, t, e->r, p == 4 || e->op == OP_SUB || e->op == OP_DIV ? p + 1 : p);
        break;
    }
    }
    if (paren)
        dt_gen(d, t, DS_PLAIN, ")");
}

void fmt_expr(Doc *d, DocText *t, const Expr *e)
{
    if (e)
        expr_at(d, t, e, 0);
}

void fmt_partners(Doc *d, DocText *t, Partner *const *v, int n)
{
    for (int i = 0; i < n; i++) {
        if (i)
            dt_gen(d, t, DS_PLAIN, i == n - 1 ? L_(" and ") : ", ");
        dt_add(d, t, DS_PLAIN, fmt_title(&v[i]->d));
    }
}

DocText *doc_membership(Doc *d, const Model *m, const Partner *p)
{
    const Agreement *ag = m->agreement;
    bool late = p->joins != DATE_NONE && (ag->term_start == DATE_NONE || p->joins > ag->term_start);
    bool early = p->leaves != DATE_NONE && (ag->term_end == DATE_NONE || p->leaves < ag->term_end);
    if (late && early)
        return dt_genf(d, NULL, DS_PLAIN, L_("A member from %s to %s."), fmt_date(d->a, p->joins),
                       fmt_date(d->a, p->leaves));
    if (late)
        return dt_genf(d, NULL, DS_PLAIN, L_("Joins the partnership on %s."), fmt_date(d->a, p->joins));
    if (early)
        return dt_genf(d, NULL, DS_PLAIN, L_("Leaves the partnership on %s."),
                       fmt_date(d->a, p->leaves));
    return NULL;
}

bool doc_has_partner(Partner *const *v, int n, const Partner *p)
{
    for (int i = 0; i < n; i++)
        if (v[i] == p)
            return true;
    return false;
}

Partner *doc_budget_source(const Activity *act, const Budget *b)
{
    return b->from ? b->from : act->lead;
}

static void add_unit(const Unit **out, int *n, int max, const Unit *u)
{
    if (!u)
        return;
    for (int i = 0; i < *n; i++)
        if (out[i] == u || strcmp(out[i]->d.id, u->d.id) == 0)
            return;
    if (*n < max)
        out[(*n)++] = u;
}

int doc_resource_units(const Model *m, const Unit **out, int max)
{
    const Unit *used[64];
    int nused = 0, n = 0;
    for (int i = 0; i < m->partners.n; i++)
        for (int j = 0; j < m->partners.v[i]->commits.n; j++)
            add_unit(used, &nused, 64, m->partners.v[i]->commits.v[j].q.unit);
    for (int i = 0; i < m->activities.n; i++)
        for (int j = 0; j < m->activities.v[i]->budgets.n; j++)
            add_unit(used, &nused, 64, m->activities.v[i]->budgets.v[j].q.unit);
    /* Declaration order of the units, so the columns do not depend on
     * which partner happens to be listed first. */
    for (int i = 0; i < m->units.n; i++)
        for (int j = 0; j < nused; j++)
            if (strcmp(used[j]->d.id, m->units.v[i]->d.id) == 0)
                add_unit(out, &n, max, used[j]);
    for (int j = 0; j < nused; j++)
        add_unit(out, &n, max, used[j]);
    return n;
}

/* Milestones by due date, undated ones last; a stable insertion sort, so
 * ties keep source order. */
void doc_sort_by_due(const Milestone **v, int n)
{
    for (int i = 1; i < n; i++) {
        const Milestone *x = v[i];
        int64_t dx = x->due == DATE_NONE ? INT32_MAX : x->due;
        int j = i;
        while (j > 0 && (v[j - 1]->due == DATE_NONE ? INT32_MAX : v[j - 1]->due) > dx) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}
