/* model.c - lookups over the resolved model. */
#include "model.h"

#include <stdio.h>
#include <string.h>

const char *const model_obs_columns[MODEL_OBS_COLUMNS] = {"indicator", "date", "value",
                                                          "reporter", "note"};
const char *const model_obs_audit_columns[MODEL_OBS_AUDIT_COLUMNS] = {"correction", "reason",
                                                                      "recorded"};

const char *decl_kind_name(DeclKind k)
{
    static const char *names[K_COUNT] = {
        "agreement", "partner", "goal", "indicator", "activity", "milestone",
        "need", "dimension", "unit", "sector", "level", "backbone function", "phase",
        "extern function", "namespace", "topic", "clause",
    };
    return names[k];
}

const char *model_decl_id(const void *decl)
{
    return ((const Decl *)decl)->id;
}

int model_decl_kind(const void *decl)
{
    return (int)((const Decl *)decl)->kind;
}

/* The copy of s[0..n) among the names of m's compilation (the symbol
 * table's keys are those copies, hmap.h), or NULL when no name has that
 * text, so that nothing is declared by it. */
static const char *interned(const Model *m, const char *s, size_t n)
{
    return m->syms.arena ? arena_interned(m->syms.arena, s, n) : NULL;
}

/* The model whose symbol table holds `name` (the namespace's for a dotted
 * name), with *id set to the name within it, interned; NULL when the
 * namespace is not there or no such name was read. */
static const Model *home_of(const Model *m, const char *name, const char **id)
{
    const char *dot = strchr(name, '.');
    if (!dot) {
        *id = interned(m, name, strlen(name));
        return *id ? m : NULL;
    }
    const char *ns = interned(m, name, (size_t)(dot - name));
    const Namespace *x = ns ? hmap_named_get(&m->syms, K_NAMESPACE, ns) : NULL;
    *id = x && x->model ? interned(x->model, dot + 1, strlen(dot + 1)) : NULL;
    return *id ? x->model : NULL;
}

Decl *model_lookup(const Model *m, DeclKind k, const char *name)
{
    const char *id;
    const Model *h = home_of(m, name, &id);
    return h ? hmap_named_get(&h->syms, (int)k, id) : NULL;
}

Decl *model_find(const Model *m, DeclKind k, const char *name)
{
    return m->dotted_ids ? model_lookup(m, k, name) : hmap_named_get(&m->syms, (int)k, name);
}

KindSet model_kinds_named(const Model *m, const char *name)
{
    const char *id;
    const Model *h = home_of(m, name, &id);
    KindSet ks = 0;
    for (int k = 0; h && k < K_COUNT; k++)
        if (hmap_named_get(&h->syms, k, id))
            ks |= KIND_BIT(k);
    return ks;
}

Unit *model_unit(const Model *m, const char *id)
{
    const char *name = interned(m, id, strlen(id));
    return name ? hmap_named_get(&m->syms, K_UNIT, name) : NULL;
}

int32_t partner_joins(const Model *m, const Partner *p)
{
    if (p->joins != DATE_NONE)
        return p->joins;
    return m->agreement ? m->agreement->term_start : DATE_NONE;
}

int32_t partner_leaves(const Model *m, const Partner *p)
{
    if (p->leaves != DATE_NONE)
        return p->leaves;
    return m->agreement ? m->agreement->term_end : DATE_NONE;
}

const char *model_ref_name(Arena *a, const Model *m, const Decl *d)
{
    if (!d)
        return NULL;
    if (hmap_named_get(&m->syms, (int)d->kind, d->id) == d)
        return d->id;
    for (int i = 0; i < m->namespaces.n; i++) {
        const Namespace *ns = m->namespaces.v[i];
        if (ns->model && hmap_named_get(&ns->model->syms, (int)d->kind, d->id) == d)
            return arena_printf(a, "%s.%s", ns->d.id, d->id);
    }
    return d->id;
}

const char *const model_months[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};

const char *const model_weekdays[8] = {"", "monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};

const char *comm_when_text(Arena *a, const Comm *c)
{
    if (!c->weekday && c->minutes < 0)
        return NULL;
    char on[48] = "", at[16] = "";
    if (c->weekday) {
        if (c->nth > 0)
            snprintf(on, sizeof on, "on %s %d", model_weekdays[c->weekday], c->nth);
        else
            snprintf(on, sizeof on, "on %s%s", model_weekdays[c->weekday], c->nth ? " last" : "");
    }
    if (c->minutes >= 0)
        snprintf(at, sizeof at, "at %02d:%02d", c->minutes / 60, c->minutes % 60);
    return arena_printf(a, "%s%s%s", on, *on && *at ? " " : "", at);
}

bool indicator_in_season(const Indicator *ind, int month)
{
    int a = ind->season_from, b = ind->season_to;
    if (a == 0)
        return true;
    return a <= b ? month >= a && month <= b : month >= a || month <= b;
}

int32_t indicator_anchor(const Model *m, const Indicator *ind)
{
    if (ind->has_baseline)
        return ind->baseline_date;
    return m->agreement ? m->agreement->term_start : DATE_NONE;
}

Duration indicator_grace(const Indicator *ind)
{
    if (ind->report_within.n > 0)
        return ind->report_within;
    return (Duration){MODEL_REPORT_GRACE_DAYS, DUR_DAY};
}

const char *model_decl_subject(Arena *a, const Decl *d)
{
    return arena_join(a, decl_kind_name(d->kind), ' ', d->id);
}

bool model_decl_has_subject(const Decl *d, const char *subject)
{
    const char *k = decl_kind_name(d->kind);
    size_t n = strlen(k);
    return strncmp(subject, k, n) == 0 && subject[n] == ' ' && strcmp(subject + n + 1, d->id) == 0;
}
