/* doc_provisions.c - the parts of the formal agreement that make it a
 * memorandum partners sign: the notices and contacts, and the general
 * provisions, which open with the legal effect of the agreement and then
 * give every clause in source order, each a numbered section.
 *
 * The legal-effect paragraph is generated from `binding`: it states the
 * agreement's own effect and names every clause whose effect differs, by
 * number and heading, so that no reader has to compare the clauses one
 * by one.  A clause without `binding` has the agreement's effect. */
#include <string.h>

#include "doc.h"

static void missing(Doc *d, const char *what)
{
    doc_para(d, dt_gen(d, NULL, DS_EM, what));
}

/* ---- notices and contacts ------------------------------------------------- */

static void contact_cell(Doc *d, DocText *t, const char *label, const char *v)
{
    if (!v)
        return;
    if (!dt_empty(t))
        dt_break(d, t);
    if (label)
        dt_gen(d, t, DS_PLAIN, label);
    dt_add(d, t, DS_PLAIN, v);
}

static void notices(Doc *d, const Model *m, int num)
{
    doc_heading(d, 2, "notices", dt_genf(d, NULL, DS_PLAIN, L_("%d. Notices and contacts"), num));
    if (m->partners.n == 0) {
        missing(d, L_("The agreement names no partner."));
        return;
    }
    doc_para(d, dt_text(d, L_("Notices under this agreement are sent in writing to the contacts "
                           "each party names:")));
    DocBlock *tb = doc_table(d, "llll", L_("Party"), L_("Contact"), L_("Role"), L_("Email and phone"));
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        if (p->contacts.n == 0) {
            DocText **r = doc_row(d, tb);
            dt_add(d, r[0], DS_PLAIN, fmt_title(&p->d));
            dt_gen(d, r[1], DS_EM, L_("no contact named"));
            continue;
        }
        for (int k = 0; k < p->contacts.n; k++) {
            const Contact *c = &p->contacts.v[k];
            DocText **r = doc_row(d, tb);
            if (k == 0)
                dt_add(d, r[0], DS_PLAIN, fmt_title(&p->d));
            dt_add(d, r[1], DS_STRONG, c->name);
            contact_cell(d, r[2], NULL, c->role);
            contact_cell(d, r[3], NULL, c->email);
            contact_cell(d, r[3], NULL, c->phone);
        }
    }
}

/* ---- legal effect -------------------------------------------------------------- */

/* Appends "clauses 14 (Confidential information), 15 (...) and 17 (...)"
 * of the clauses whose binding is `want`; returns how many. */
static int clauses_with(Doc *d, DocText *t, const Model *m, Binding want, int first)
{
    int n = 0, total = 0;
    for (int i = 0; i < m->clauses.n; i++)
        total += m->clauses.v[i]->binding == want;
    for (int i = 0; i < m->clauses.n; i++) {
        const Clause *c = m->clauses.v[i];
        if (c->binding != want)
            continue;
        if (n == 0)
            dt_gen(d, t, DS_PLAIN, total == 1 ? L_("clause ") : L_("clauses "));
        else
            dt_gen(d, t, DS_PLAIN, n == total - 1 ? L_(" and ") : ", ");
        dt_genf(d, t, DS_PLAIN, "%d (", first + i);
        dt_add(d, t, DS_PLAIN, fmt_title(&c->d));
        dt_gen(d, t, DS_PLAIN, ")");
        n++;
    }
    return n;
}

static int count_binding(const Model *m, Binding b)
{
    int n = 0;
    for (int i = 0; i < m->clauses.n; i++)
        n += m->clauses.v[i]->binding == b;
    return n;
}

static void legal_effect(Doc *d, const Model *m, int first)
{
    Binding ag = m->agreement->binding;
    int yes = count_binding(m, BINDING_YES), no = count_binding(m, BINDING_NO);
    DocText *t = dt_gen(d, NULL, DS_STRONG, L_("Legal effect. "));
    if (ag == BINDING_NO) {
        dt_gen(d, t, DS_PLAIN, L_("This agreement is not legally binding"));
        if (yes) {
            dt_gen(d, t, DS_PLAIN, L_(", except "));
            clauses_with(d, t, m, BINDING_YES, first);
            dt_gen(d, t, DS_PLAIN, yes == 1 ? L_(", which binds the partners") : L_(", which bind the "
                                                                             "partners"));
        }
        dt_gen(d, t, DS_PLAIN, ".");
    } else if (ag == BINDING_YES) {
        dt_gen(d, t, DS_PLAIN, L_("This agreement is legally binding on the partners"));
        if (no) {
            dt_gen(d, t, DS_PLAIN, L_(", except "));
            clauses_with(d, t, m, BINDING_NO, first);
            dt_gen(d, t, DS_PLAIN, no == 1 ? L_(", which states their intent and does not bind")
                                           : L_(", which state their intent and do not bind"));
        }
        dt_gen(d, t, DS_PLAIN, ".");
    } else {
        dt_gen(d, t, DS_EM, L_("The agreement does not say whether it is legally binding."));
        if (yes) {
            dt_gen(d, t, DS_PLAIN, " ");
            clauses_with(d, t, m, BINDING_YES, first);
            dt_gen(d, t, DS_PLAIN, yes == 1 ? L_(" binds the partners.") : L_(" bind the partners."));
        }
        if (no) {
            dt_gen(d, t, DS_PLAIN, " ");
            clauses_with(d, t, m, BINDING_NO, first);
            dt_gen(d, t, DS_PLAIN, no == 1 ? L_(" does not bind them.") : L_(" do not bind them."));
        }
    }
    doc_para(d, t);
}

/* ---- the clauses ---------------------------------------------------------------- */

/* A clause's text as paragraphs: a blank line separates two, and the line
 * breaks of a `"""` block inside a paragraph are spaces (they were only
 * where the author's editor wrapped the text). */
static void clause_text(Doc *d, const char *text)
{
    const char *s = text;
    while (*s) {
        while (*s == '\n' || *s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        const char *e = strstr(s, "\n\n");
        size_t n = e ? (size_t)(e - s) : strlen(s);
        char *para = arena_alloc(d->a, n + 1);
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            char ch = s[i] == '\n' || s[i] == '\t' ? ' ' : s[i];
            if (ch == ' ' && (k == 0 || para[k - 1] == ' '))
                continue;
            para[k++] = ch;
        }
        while (k && para[k - 1] == ' ')
            k--;
        para[k] = 0;
        if (k)
            doc_para(d, dt_user(d, para));
        s += n;
    }
}

static void provisions(Doc *d, const Model *m, int first)
{
    doc_heading(d, 2, "provisions", dt_text(d, L_("General provisions")));
    legal_effect(d, m, first);
    if (m->clauses.n == 0) {
        missing(d, L_("The agreement states no general provision."));
        return;
    }
    for (int i = 0; i < m->clauses.n; i++) {
        const Clause *c = m->clauses.v[i];
        DocText *h = dt_genf(d, NULL, DS_PLAIN, "%d. ", first + i);
        doc_heading(d, 3, d->for_signature ? arena_printf(d->a, "clause-%d", first + i)
                                           : arena_printf(d->a, "clause-%s", c->d.id),
                    dt_add(d, h, DS_PLAIN, fmt_title(&c->d)));
        if (c->text && *c->text)
            clause_text(d, c->text);
        else
            missing(d, L_("The clause has no text."));
    }
}

void doc_agreement_provisions(Doc *d, const Model *m, int first)
{
    notices(d, m, first);
    provisions(d, m, first + 1);
}
