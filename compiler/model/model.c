/* model.c - lookups over the resolved model. */
#include "model.h"

#include <string.h>

const char *const model_obs_columns[MODEL_OBS_COLUMNS] = {"indicator", "date", "value",
                                                          "reporter", "note"};

const char *decl_kind_name(DeclKind k)
{
    static const char *names[K_COUNT] = {
        "agreement", "partner", "goal", "indicator", "activity", "milestone",
        "need", "dimension", "unit", "sector", "level", "backbone function", "phase",
        "extern function", "namespace",
    };
    return names[k];
}

const char *model_decl_id(const void *decl)
{
    return ((const Decl *)decl)->id;
}

Decl *model_lookup(const Model *m, const char *name)
{
    const char *dot = strchr(name, '.');
    if (!dot)
        return hmap_named_get(&m->syms, name);
    char ns[128];
    size_t n = (size_t)(dot - name);
    if (n >= sizeof ns)
        return NULL;
    memcpy(ns, name, n);
    ns[n] = '\0';
    Decl *d = hmap_named_get(&m->syms, ns);
    if (!d || d->kind != K_NAMESPACE || !((Namespace *)d)->model)
        return NULL;
    return hmap_named_get(&((Namespace *)d)->model->syms, dot + 1);
}

Unit *model_unit(const Model *m, const char *id)
{
    Decl *d = hmap_named_get(&m->syms, id);
    return d && d->kind == K_UNIT ? (Unit *)d : NULL;
}

const char *model_ref_name(Arena *a, const Model *m, const Decl *d)
{
    if (!d)
        return NULL;
    if (hmap_named_get(&m->syms, d->id) == d)
        return d->id;
    for (int i = 0; i < m->namespaces.n; i++) {
        const Namespace *ns = m->namespaces.v[i];
        if (ns->model && hmap_named_get(&ns->model->syms, d->id) == d)
            return arena_printf(a, "%s.%s", ns->d.id, d->id);
    }
    return d->id;
}
