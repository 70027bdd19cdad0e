/* resolve_partner.c - the statements of a partner's block: who it is
 * (sector, level), who signs for it and whom to contact, when it is a
 * member, what it commits, and the incentives behind its participation. */
#include <string.h>

#include "resolve_int.h"

static void pa_sector(Cur *c, Decl *d)
{
    ((Partner *)d)->sector = (Sector *)cur_ref(c, REF_SECTOR);
    cur_end(c);
}

static void pa_level(Cur *c, Decl *d)
{
    ((Partner *)d)->level = (Level *)cur_ref(c, REF_LEVEL);
    cur_end(c);
}

/* `signatory "NAME" [title "TITLE"]` */
static void pa_signatory(Cur *c, Decl *d)
{
    Signatory sg = {NULL, NULL, c->st->span};
    if (!cur_string(c, &sg.name, "who signs, as a string"))
        return;
    if (cur_is_word(c, "title") &&
        (!cur_word(c, "title") || !cur_string(c, &sg.title, "the signatory's title, as a string")))
        return;
    if (cur_end(c))
        VEC_PUSH(c->r->a, ((Partner *)d)->signatories, sg);
}

/* The shape of an email address: one @ with text before it, and a domain
 * with a dot that neither starts nor ends it; no spaces.  What a typing
 * mistake breaks, not RFC 5322. */
static bool email_shaped(const char *e)
{
    const char *at = strchr(e, '@');
    if (!at || at == e || strchr(at + 1, '@') || strpbrk(e, " \t,;<>"))
        return false;
    const char *dot = strrchr(at + 1, '.');
    return dot && dot > at + 1 && dot[1] != 0;
}

static void ct_text(Cur *c, const char **slot, const char *what)
{
    if (cur_string(c, slot, what))
        cur_end(c);
}

static void ct_role(Cur *c, Contact *ct)
{
    ct_text(c, &ct->role, "the contact's role, as a string");
}

static void ct_email(Cur *c, Contact *ct)
{
    const char *e;
    Span sp = c->st->span;
    if (!cur_string(c, &e, "the email address, as a string") || !cur_end(c))
        return;
    if (!email_shaped(e)) {
        Diagnostic *g = diag_report(c->r->d, CHECK_INVALID_EMAIL, sp, "file",
                                    "\"%s\" is not an email address", e);
        diag_hint(c->r->d, g, "write it as name@example.org");
        return;
    }
    ct->email = e;
}

static void ct_phone(Cur *c, Contact *ct)
{
    ct_text(c, &ct->phone, "the phone number, as a string");
}

const StmtDef resolve_contact_defs[] = {
    {"role", {.contact = ct_role}, false, false},
    {"email", {.contact = ct_email}, false, false},
    {"phone", {.contact = ct_phone}, false, false},
};
const int resolve_ncontact_defs = NDEFS(resolve_contact_defs);

/* `contact "NAME" { role "T"  email "T"  phone "T" }`, each optional. */
static void pa_contact(Cur *c, Decl *d)
{
    Contact ct = {NULL, NULL, NULL, NULL, c->st->span};
    if (!cur_string(c, &ct.name, "the contact's name, as a string") || !cur_end(c))
        return;
    BlockWalk w;
    Cur cc;
    int k;
    resolve_walk_init(&w, c->r, c->s, ast_block(c->st), resolve_contact_defs, resolve_ncontact_defs,
                      NULL, NULL);
    resolve_walk_of(&w, "contact", ct.name, '"');
    while ((k = resolve_walk_next(&w, &cc)) >= 0)
        resolve_contact_defs[k].read.contact(&cc, &ct);
    VEC_PUSH(c->r->a, ((Partner *)d)->contacts, ct);
}

static void pa_joins(Cur *c, Decl *d)
{
    Partner *p = (Partner *)d;
    if (cur_date(c, &p->joins, &p->joins_span, "the date the partner joins"))
        cur_end(c);
}

static void pa_leaves(Cur *c, Decl *d)
{
    Partner *p = (Partner *)d;
    if (cur_date(c, &p->leaves, &p->leaves_span, "the date the partner leaves"))
        cur_end(c);
}

static void pa_coordinator(Cur *c, Decl *d)
{
    if (cur_string(c, &((Partner *)d)->coordinator, "the coordinating staff, as a string"))
        cur_end(c);
}

static void pa_backbone(Cur *c, Decl *d)
{
    Partner *p = (Partner *)d;
    p->backbone_span = c->st->span;
    RESOLVE_LIST_STMT(c, REF_BACKBONE, p->backbone, BackboneFn);
}

/* `commits QUANTITY ["WHAT"] [worth QUANTITY] [subject_to "CONDITION"]` */
static void pa_commits(Cur *c, Decl *d)
{
    Commitment cm = {.span = c->st->span};
    if (!cur_quantity(c, &cm.q, "a quantity such as `2_000_000 USD`"))
        return;
    const Arg *a = cur_peek(c);
    if (a && a->kind == ARG_STRING)
        cur_string(c, &cm.what, "what is committed");
    if (cur_is_word(c, "worth")) {
        cur_word(c, "worth");
        if (!cur_quantity(c, &cm.worth, "its value, a quantity such as `80_000 USD`"))
            return;
        cm.has_worth = true;
    }
    if (cur_is_word(c, "subject_to") &&
        (!cur_word(c, "subject_to") ||
         !cur_string(c, &cm.condition, "the condition, as a string")))
        return;
    if (cur_end(c))
        VEC_PUSH(c->r->a, ((Partner *)d)->commits, cm);
}

/* An incentive's block: the interests behind it, `interest NAME wants
 * more|less`.  An incentive is not a declaration (its id is local to the
 * partner), so its block has a reader of its own. */
static void ic_interest(Cur *c, Incentive *in)
{
    const char *name;
    Span sp;
    if (!cur_ident(c, &name, &sp, "the interest's name") || !cur_word(c, "wants"))
        return;
    static const char *const dirs[] = {"more", "less"};
    int k = cur_one_of(c, dirs, 2, NULL);
    if (k < 0 || !cur_end(c))
        return;
    Want w = {name, k == 0 ? 1 : -1, (Span){sp.file, c->st->span.lo, c->st->span.hi}};
    VEC_PUSH(c->r->a, in->wants, w);
}

const StmtDef resolve_incentive_defs[] = {
    {"interest", {.incentive = ic_interest}, true, false},
};
const int resolve_nincentive_defs = NDEFS(resolve_incentive_defs);

static void incentive_block(Cur *c, Incentive *in)
{
    BlockWalk w;
    Cur ic;
    int k;
    resolve_walk_init(&w, c->r, c->s, ast_block(c->st), resolve_incentive_defs,
                      resolve_nincentive_defs, NULL, NULL);
    resolve_walk_of(&w, "incentive", in->id, '\'');
    while ((k = resolve_walk_next(&w, &ic)) >= 0)
        resolve_incentive_defs[k].read.incentive(&ic, in);
}

static void pa_incentive(Cur *c, Decl *d)
{
    Partner *p = (Partner *)d;
    Incentive *in = arena_alloc(c->r->a, sizeof *in);
    Span sp;
    if (!cur_ident(c, &in->id, &sp, "the incentive's id") ||
        !cur_string(c, &in->text, "what the partner wants, as a string") || !cur_end(c))
        return;
    in->span = sp;
    for (int i = 0; i < p->incentives.n; i++)
        if (strcmp(p->incentives.v[i]->id, in->id) == 0) {
            Diagnostic *g = diag_report(c->r->d, CHECK_DUPLICATE_NAME, sp, "file",
                                        "partner '%s' already has an incentive '%s'", d->id, in->id);
            diag_related(c->r->d, g, p->incentives.v[i]->span, "first declared here");
            return;
        }
    incentive_block(c, in);
    VEC_PUSH(c->r->a, p->incentives, in);
}

const StmtDef resolve_partner_defs[] = {
    {"sector", {.decl = pa_sector}, false, false},
    {"level", {.decl = pa_level}, false, false},
    {"signatory", {.decl = pa_signatory}, true, false},
    {"contact", {.decl = pa_contact}, true, true},
    {"joins", {.decl = pa_joins}, false, false},
    {"leaves", {.decl = pa_leaves}, false, false},
    {"backbone", {.decl = pa_backbone}, false, false},
    {"coordinator", {.decl = pa_coordinator}, false, false},
    {"commits", {.decl = pa_commits}, true, false},
    {"incentive", {.decl = pa_incentive}, true, true},
};

const int resolve_npartner_defs = NDEFS(resolve_partner_defs);
