/* resolve.c - the statements of every declaration, read into the model.
 *
 * Each declaration kind has a table of the statements it knows; a
 * statement not in the table is an unknown_statement with the closest
 * known name as suggestion.  References are resolved through
 * resolve_ref(), which checks the kind of what is named. */
#include <string.h>

#include "checktab.h"
#include "resolve_int.h"
#include "suggest.h"

static void hint_other_kind(Resolver *r, Diagnostic *g, const char *word);

/* ---- allow -------------------------------------------------------- */

static void resolve_allow(Resolver *r, Scope *s, const Stmt *st, AllowList *out)
{
    Cur c;
    cur_init(&c, r, s, st);
    const char *name, *reason = NULL;
    Span sp;
    if (!cur_ident(&c, &name, &sp, "a check name"))
        return;
    const CheckInfo *ci = check_find(name);
    if (!ci) {
        Diagnostic *g = diag_report(r->d, CHECK_UNKNOWN_CHECK, sp, "file",
                                    "there is no check named '%s'", name);
        Suggest sg;
        suggest_init(&sg, name);
        for (int i = 0; i < CHECK_COUNT; i++)
            if (check_table[i].family != CF_LANGUAGE)
                suggest_offer(&sg, check_table[i].name);
        if (suggest_best(&sg))
            diag_suggest(r->d, g, suggest_best(&sg));
        return;
    }
    if (ci->family == CF_LANGUAGE) {
        diag_report(r->d, CHECK_UNKNOWN_CHECK, sp, "file",
                    "'%s' is a language error; language errors cannot be allowed", name);
        return;
    }
    const Arg *a = cur_peek(&c);
    if (!a || a->kind != ARG_STRING || a->text[0] == '\0') {
        Diagnostic *g = diag_report(r->d, CHECK_ALLOW_WITHOUT_REASON, st->span, "file",
                                    "`allow %s` gives no reason", name);
        diag_hint(r->d, g, "write why the finding is accepted: `allow %s \"reason\"`", name);
        return;
    }
    c.i++;
    reason = a->text;
    cur_end(&c);
    Allow al = {name, reason, st->span, false};
    VEC_PUSH(r->a, *out, al);
}

void resolve_walk_init(BlockWalk *w, Resolver *r, Scope *s, const StmtList *block,
                       const StmtDef *defs, int n, AllowList *allows, const char *where)
{
    *w = (BlockWalk){.r = r, .s = s, .block = block, .defs = defs, .n = n, .allows = allows,
                     .where = where};
}

void resolve_walk_of(BlockWalk *w, const char *kind, const char *name, char quote)
{
    w->of_kind = kind;
    w->of_name = name;
    w->of_quote = quote;
}

static const char *walk_where(const BlockWalk *w)
{
    if (w->where)
        return w->where;
    return arena_printf(w->r->a, "%s %c%s%c", w->of_kind, w->of_quote, w->of_name, w->of_quote);
}

/* The index in defs[0..n) of the statement named head; n when none. */
static int def_index(Resolver *r, const StmtDef *defs, int n, const char *head)
{
    uintptr_t h = ((uintptr_t)head >> 3) ^ ((uintptr_t)defs >> 5);
    h = (h ^ (h >> 7)) & (sizeof r->heads / sizeof r->heads[0] - 1);
    if (r->heads[h].head == head && r->heads[h].defs == defs && r->heads[h].k < n)
        return r->heads[h].k;
    int k = 0;
    while (k < n && !ast_word_is(head, defs[k].name))
        k++;
    if (k < n) {
        r->heads[h].defs = defs;
        r->heads[h].head = head;
        r->heads[h].k = k;
    }
    return k;
}

int resolve_walk_next(BlockWalk *w, Cur *c)
{
    Resolver *r = w->r;
    Scope *s = w->s;
    const StmtDef *defs = w->defs;
    int n = w->n;
    AllowList *allows = w->allows;
    const Stmt **seen = w->seen;
    while (w->next < w->block->n) {
        const Stmt *st = w->block->v[w->next++];
        if (allows && st->kind == ST_GENERIC && ast_word_is(st->head, "allow")) {
            resolve_allow(r, s, st, allows);
            continue;
        }
        int k = def_index(r, defs, n, st->head);
        if (k == n) {
            Diagnostic *g = diag_report(r->d, CHECK_UNKNOWN_STATEMENT, ast_head_span(st), "file",
                                        "%s does not know the statement `%s`", walk_where(w),
                                        st->head);
            Suggest sg;
            suggest_init(&sg, st->head);
            for (int j = 0; j < n; j++)
                suggest_offer(&sg, defs[j].name);
            if (allows)
                suggest_offer(&sg, "allow");
            if (suggest_best(&sg))
                diag_suggest(r->d, g, suggest_best(&sg));
            else
                hint_other_kind(r, g, st->head);
            continue;
        }
        if (!defs[k].repeat && k < 32) {
            if (seen[k]) {
                Diagnostic *g = diag_report(r->d, CHECK_SYNTAX, ast_head_span(st), "file",
                                            "`%s` is given twice in %s", st->head,
                                            walk_where(w));
                diag_related(r->d, g, ast_head_span(seen[k]), "first given here");
                continue;
            }
            seen[k] = st;
        }
        if (st->has_block && !defs[k].block) {
            diag_report(r->d, CHECK_SYNTAX, ast_block_span(st), "file",
                        "`%s` takes no { } block", st->head);
            continue;
        }
        cur_init(c, r, s, st);
        return k;
    }
    return -1;
}

/* A declaration's block, read into d with the table of its kind. */
static void decl_block(Resolver *r, Scope *s, Decl *d, const StmtList *block, const StmtDef *defs,
                       int n)
{
    BlockWalk w;
    Cur c;
    int k;
    resolve_walk_init(&w, r, s, block, defs, n, &d->allows, NULL);
    resolve_walk_of(&w, decl_kind_name(d->kind), d->id, '\'');
    while ((k = resolve_walk_next(&w, &c)) >= 0) {
        c.decl = d;
        defs[k].read.decl(&c, d);
    }
}

/* ---- agreement ---------------------------------------------------- */

static void ag_version(Cur *c, Decl *d)
{
    if (cur_string(c, &((Agreement *)d)->version, "the version, as a string"))
        cur_end(c);
}

static bool period(Cur *c, int32_t *start, int32_t *end, Span *span, const char *what)
{
    Span a, b;
    if (!cur_date(c, start, &a, what) || !cur_word(c, "to") ||
        !cur_date(c, end, &b, "the end date"))
        return false;
    *span = (Span){a.file, a.lo, b.hi};
    return cur_end(c);
}

static void ag_term(Cur *c, Decl *d)
{
    Agreement *g = (Agreement *)d;
    if (!period(c, &g->term_start, &g->term_end, &g->term_span, "the start date"))
        g->term_start = g->term_end = DATE_NONE;
}

static void ag_lead(Cur *c, Decl *d)
{
    ((Agreement *)d)->lead = (Partner *)cur_ref(c, REF_AGREEMENT_LEAD);
    cur_end(c);
}

static void ag_scope(Cur *c, Decl *d)
{
    if (cur_string(c, &((Agreement *)d)->scope, "the scope, as a string"))
        cur_end(c);
}

static void ag_amendment(Cur *c, Decl *d)
{
    if (cur_string(c, &((Agreement *)d)->amendment, "the amendment terms, as a string"))
        cur_end(c);
}

static void ag_withdrawal(Cur *c, Decl *d)
{
    Duration du;
    if (cur_duration(c, &du, false) && cur_word(c, "notice") && cur_end(c))
        ((Agreement *)d)->withdrawal = du;
}

static void ag_nested_in(Cur *c, Decl *d)
{
    ((Agreement *)d)->nested_in = (Namespace *)cur_ref(c, REF_NESTED_IN);
    cur_end(c);
}

/* `binding yes|no` of the agreement or a clause, into *slot. */
static void read_binding(Cur *c, Binding *slot, Span *span)
{
    bool yes;
    if (cur_yes_no(c, &yes) && cur_end(c)) {
        *slot = yes ? BINDING_YES : BINDING_NO;
        *span = c->st->span;
    }
}

static void ag_binding(Cur *c, Decl *d)
{
    read_binding(c, &((Agreement *)d)->binding, &((Agreement *)d)->binding_span);
}

static const StmtDef agreement_defs[] = {
    {"version", {.decl = ag_version}, false, false},
    {"term", {.decl = ag_term}, false, false},
    {"lead", {.decl = ag_lead}, false, false},
    {"scope", {.decl = ag_scope}, false, false},
    {"amendment", {.decl = ag_amendment}, false, false},
    {"withdrawal", {.decl = ag_withdrawal}, false, false},
    {"nested_in", {.decl = ag_nested_in}, false, false},
    {"binding", {.decl = ag_binding}, false, false},
};

/* ---- clause ------------------------------------------------------- */

static void cl_covers(Cur *c, Decl *d)
{
    RESOLVE_LIST_STMT(c, REF_COVERS, ((Clause *)d)->covers, Topic);
}

static void cl_binding(Cur *c, Decl *d)
{
    read_binding(c, &((Clause *)d)->binding, &((Clause *)d)->binding_span);
}

static void cl_text(Cur *c, Decl *d)
{
    if (cur_string(c, &((Clause *)d)->text, "the clause's text, as a string"))
        cur_end(c);
}

static const StmtDef clause_defs[] = {
    {"covers", {.decl = cl_covers}, true, false},
    {"binding", {.decl = cl_binding}, false, false},
    {"text", {.decl = cl_text}, false, false},
};

/* ---- goal --------------------------------------------------------- */

static void go_measured_by(Cur *c, Decl *d)
{
    RESOLVE_LIST_STMT(c, REF_MEASURED_BY, ((Goal *)d)->measured_by, Indicator);
}

static void go_by(Cur *c, Decl *d)
{
    Goal *g = (Goal *)d;
    if (cur_date(c, &g->by, &g->by_span, "a date"))
        cur_end(c);
}

static const StmtDef goal_defs[] = {
    {"measured_by", {.decl = go_measured_by}, true, false},
    {"by", {.decl = go_by}, false, false},
};

/* ---- indicator ---------------------------------------------------- */

/* A value in the indicator's terms: a number, a percentage (unit percent)
 * or a number with the indicator's unit. */
static bool ind_value(Cur *c, Indicator *ind, double *out, Span *span, const char *what)
{
    const Arg *a = cur_peek(c);
    if (!cur_number(c, out, span, what))
        return false;
    const Arg *u = cur_peek(c);
    if (u && u->kind == ARG_IDENT && a->kind == ARG_NUMBER && strcmp(u->text, "on") != 0 &&
        strcmp(u->text, "by") != 0) {
        c->i++;
        Unit *un = (Unit *)resolve_ref(c->r, c->s, u->text, u->span, REF_QUANTITY);
        if (un && ind->unit && un != ind->unit) {
            diag_report(c->r->d, CHECK_UNIT_MISMATCH, u->span, "file",
                        "indicator '%s' is in %s, not in %s", ind->d.id, ind->unit->d.id, un->d.id);
            return false;
        }
    }
    if (a->kind == ARG_PERCENT && ind->unit && strcmp(ind->unit->d.id, "percent") != 0) {
        diag_report(c->r->d, CHECK_UNIT_MISMATCH, a->span, "file",
                    "indicator '%s' is in %s; a percentage does not fit it", ind->d.id,
                    ind->unit->d.id);
        return false;
    }
    return true;
}

static void in_unit(Cur *c, Decl *d)
{
    ((Indicator *)d)->unit = (Unit *)cur_ref(c, REF_UNIT);
    cur_end(c);
}

static void in_direction(Cur *c, Decl *d)
{
    static const char *const w[] = {"up", "down"};
    int k = cur_one_of(c, w, 2, NULL);
    if (k >= 0 && cur_end(c))
        ((Indicator *)d)->direction = k == 0 ? 1 : -1;
}

static void in_baseline(Cur *c, Decl *d)
{
    Indicator *ind = (Indicator *)d;
    double v;
    int32_t date;
    Span sp;
    if (ind_value(c, ind, &v, &sp, "the baseline value") && cur_word(c, "on") &&
        cur_date(c, &date, NULL, "the baseline's date") && cur_end(c)) {
        ind->has_baseline = true;
        ind->baseline = v;
        ind->baseline_date = date;
        ind->baseline_span = c->st->span;
    }
}

static void in_target(Cur *c, Decl *d)
{
    Indicator *ind = (Indicator *)d;
    Target t;
    Span sp;
    if (ind_value(c, ind, &t.value, &sp, "the target value") && cur_word(c, "by") &&
        cur_date(c, &t.date, NULL, "the target's date") && resolve_target_cell(c, &t) &&
        cur_end(c)) {
        t.span = c->st->span;
        if (t.dim)
            VEC_PUSH(c->r->a, ind->cell_targets, t);
        else
            VEC_PUSH(c->r->a, ind->targets, t);
    }
}

static void in_frequency(Cur *c, Decl *d)
{
    Indicator *ind = (Indicator *)d;
    static const char *const w[] = {"monthly", "quarterly", "yearly", "every DURATION"};
    int k = cur_one_of(c, w, 4, NULL);
    Duration du = {1, k == 0 ? DUR_MONTH : k == 1 ? DUR_QUARTER : DUR_YEAR};
    if (k < 0 || (k == 3 && !cur_duration(c, &du, true)) || !cur_end(c))
        return;
    ind->frequency = du;
    ind->frequency_span = c->st->span;
}

static void in_reported_by(Cur *c, Decl *d)
{
    RESOLVE_LIST_STMT(c, REF_REPORTED_BY, ((Indicator *)d)->reporters, Partner);
}

static void in_source(Cur *c, Decl *d)
{
    if (cur_string(c, &((Indicator *)d)->source, "the data source, as a string"))
        cur_end(c);
}

static void in_values(Cur *c, Decl *d)
{
    static const char *const w[] = {"cumulative", "per_period"};
    int k = cur_one_of(c, w, 2, NULL);
    if (k >= 0 && cur_end(c))
        ((Indicator *)d)->values = k == 0 ? VALUES_CUMULATIVE : VALUES_PER_PERIOD;
}

static void in_combine(Cur *c, Decl *d)
{
    static const char *const w[] = {"sum", "mean", "min", "max", "latest"};
    int k = cur_one_of(c, w, 5, NULL);
    if (k >= 0 && cur_end(c)) {
        ((Indicator *)d)->combine = (Combine)k;
        ((Indicator *)d)->combine_set = true;
    }
}

static void in_dims(Cur *c, Decl *d)
{
    RESOLVE_LIST_STMT(c, REF_DISAGGREGATED_BY, ((Indicator *)d)->dims, Dimension);
}

static void in_personal(Cur *c, Decl *d)
{
    bool yes;
    if (cur_yes_no(c, &yes) && cur_end(c))
        ((Indicator *)d)->personal_data = yes;
}

static void in_formula(Cur *c, Decl *d)
{
    Indicator *ind = (Indicator *)d;
    /* The scanner reads `formula` as a keyword: this is an ST_FORMULA. */
    ind->formula = c->st->expr;     /* resolved once every unit is known */
}

static void in_contributes(Cur *c, Decl *d)
{
    Indicator *ind = (Indicator *)d;
    const Arg *a = cur_peek(c);
    if (a && a->kind == ARG_IDENT && !strchr(a->text, '.')) {
        diag_report(c->r->d, CHECK_WRONG_KIND, a->span, "file",
                    "`contributes_to` names an indicator of the parent agreement, as NAME.INDICATOR");
        return;
    }
    ind->contributes_span = a ? a->span : c->st->span;
    ind->contributes_to = (Indicator *)cur_ref(c, REF_CONTRIBUTES_TO);
    cur_end(c);
}

static const StmtDef indicator_defs[] = {
    {"unit", {.decl = in_unit}, false, false},
    {"direction", {.decl = in_direction}, false, false},
    {"baseline", {.decl = in_baseline}, false, false},
    {"target", {.decl = in_target}, true, false},
    {"frequency", {.decl = in_frequency}, false, false},
    {"season", {.decl = resolve_in_season}, false, false},
    {"totals", {.decl = resolve_in_totals}, false, false},
    {"report_within", {.decl = resolve_in_report_within}, false, false},
    {"denominator", {.decl = resolve_in_denominator}, false, false},
    {"reported_by", {.decl = in_reported_by}, true, false},
    {"source", {.decl = in_source}, false, false},
    {"values", {.decl = in_values}, false, false},
    {"combine", {.decl = in_combine}, false, false},
    {"disaggregated_by", {.decl = in_dims}, true, false},
    {"personal_data", {.decl = in_personal}, false, false},
    {"formula", {.decl = in_formula}, false, false},
    {"contributes_to", {.decl = in_contributes}, false, false},
};

/* ---- activity ----------------------------------------------------- */

static void ac_lead(Cur *c, Decl *d)
{
    ((Activity *)d)->lead = (Partner *)cur_ref(c, REF_ACTIVITY_LEAD);
    cur_end(c);
}

static void ac_partners(Cur *c, Decl *d)
{
    RESOLVE_LIST_STMT(c, REF_PARTNERS, ((Activity *)d)->partners, Partner);
}

static void ac_supports(Cur *c, Decl *d)
{
    RESOLVE_LIST_STMT(c, REF_SUPPORTS, ((Activity *)d)->supports, Goal);
}

static void ac_addresses(Cur *c, Decl *d)
{
    RESOLVE_LIST_STMT(c, REF_ADDRESSES, ((Activity *)d)->addresses, Need);
}

static void ac_coordinates(Cur *c, Decl *d)
{
    RESOLVE_LIST_STMT(c, REF_COORDINATES_WITH, ((Activity *)d)->coordinates_with,
                      Activity);
}

static void ac_period(Cur *c, Decl *d)
{
    Activity *a = (Activity *)d;
    if (!period(c, &a->start, &a->end, &a->period_span, "the start date"))
        a->start = a->end = DATE_NONE;
}

static void ac_budget(Cur *c, Decl *d)
{
    Budget b = {0};
    if (!cur_quantity(c, &b.q, "a quantity such as `100_000 USD`"))
        return;
    if (cur_is_word(c, "from")) {
        c->i++;
        b.from = (Partner *)cur_ref(c, REF_BUDGET_FROM);
        if (!b.from)
            return;
    }
    if (!cur_end(c))
        return;
    b.span = c->st->span;
    VEC_PUSH(c->r->a, ((Activity *)d)->budgets, b);
}

static const StmtDef activity_defs[] = {
    {"lead", {.decl = ac_lead}, false, false},
    {"partners", {.decl = ac_partners}, true, false},
    {"supports", {.decl = ac_supports}, true, false},
    {"addresses", {.decl = ac_addresses}, true, false},
    {"coordinates_with", {.decl = ac_coordinates}, true, false},
    {"period", {.decl = ac_period}, false, false},
    {"budget", {.decl = ac_budget}, true, false},
};

/* ---- milestone ---------------------------------------------------- */

static void mi_due(Cur *c, Decl *d)
{
    Milestone *m = (Milestone *)d;
    if (cur_date(c, &m->due, &m->due_span, "the due date"))
        cur_end(c);
}

static void mi_owner(Cur *c, Decl *d)
{
    ((Milestone *)d)->owner = (Partner *)cur_ref(c, REF_OWNER);
    cur_end(c);
}

/* after.v[i] is named at after_spans.v[i]. */
static void mi_after(Cur *c, Decl *d)
{
    Milestone *m = (Milestone *)d;
    CurList l;
    cur_list_init(&l, c, REF_AFTER);
    while (cur_list_next(&l)) {
        int n = m->after.n;
        RESOLVE_LIST_PUSH(&l, m->after, Milestone);
        if (m->after.n > n)
            VEC_PUSH_FIRST(c->r->a, m->after_spans, l.span, cur_list_left(&l));
    }
    if (l.ok)
        cur_end(c);
}

static void mi_requires(Cur *c, Decl *d)
{
    Milestone *m = (Milestone *)d;
    /* The scanner reads `requires` as a keyword: this is an ST_REQUIRES. */
    m->requires = c->st->expr;      /* resolved once every unit is known */
}

static void mi_deliverable(Cur *c, Decl *d)
{
    if (cur_string(c, &((Milestone *)d)->deliverable, "the deliverable, as a string"))
        cur_end(c);
}

static void mi_phase(Cur *c, Decl *d)
{
    ((Milestone *)d)->phase = (Phase *)cur_ref(c, REF_PHASE);
    cur_end(c);
}

static const StmtDef milestone_defs[] = {
    {"due", {.decl = mi_due}, false, false},
    {"owner", {.decl = mi_owner}, false, false},
    {"after", {.decl = mi_after}, true, false},
    {"requires", {.decl = mi_requires}, false, false},
    {"deliverable", {.decl = mi_deliverable}, false, false},
    {"phase", {.decl = mi_phase}, false, false},
};

/* ---- unit ---------------------------------------------------------- */

static void un_signed(Cur *c, Decl *d)
{
    bool yes;
    if (cur_yes_no(c, &yes) && cur_end(c))
        ((Unit *)d)->is_signed = yes;
}

static const StmtDef unit_defs[] = {
    {"signed", {.decl = un_signed}, false, false},
};

void resolve_unit(Resolver *r, Scope *s, const Stmt *st, Unit *u)
{
    decl_block(r, s, &u->d, ast_block(st), unit_defs, NDEFS(unit_defs));
}

/* ---- dimension: its block lists the allowed values ---------------- */

/* A dimension is also a column of the tracker's ledger (model.h), so it
 * may not be named after one of the fixed columns. */
static void dimension_name(Resolver *r, const Dimension *dm)
{
    int k = 0;
    while (k < MODEL_OBS_COLUMNS && strcmp(dm->d.id, model_obs_columns[k]) != 0)
        k++;
    int a = 0;
    while (a < MODEL_OBS_AUDIT_COLUMNS && strcmp(dm->d.id, model_obs_audit_columns[a]) != 0)
        a++;
    if (k == MODEL_OBS_COLUMNS && a == MODEL_OBS_AUDIT_COLUMNS)
        return;
    Diagnostic *g = diag_report(r->d, CHECK_DUPLICATE_NAME, dm->d.id_span, "file",
                                "dimension '%s' has the name of a column the tracker's ledger "
                                "already has",
                                dm->d.id);
    char cols[80] = "", audit[80] = "";
    for (int j = 0; j < MODEL_OBS_COLUMNS; j++)
        snprintf(cols + strlen(cols), sizeof cols - strlen(cols), "%s%s",
                 j == 0 ? "" : j == MODEL_OBS_COLUMNS - 1 ? " and " : ", ", model_obs_columns[j]);
    for (int j = 0; j < MODEL_OBS_AUDIT_COLUMNS; j++)
        snprintf(audit + strlen(audit), sizeof audit - strlen(audit), "%s%s",
                 j == 0 ? "" : j == MODEL_OBS_AUDIT_COLUMNS - 1 ? " and " : ", ",
                 model_obs_audit_columns[j]);
    diag_hint(r->d, g,
              "rename the dimension (say `%s_group`): observations.csv has the columns %s, "
              "then one per dimension, then %s for corrections, so its header would name "
              "`%s` twice",
              dm->d.id, cols, audit, dm->d.id);
}

static void resolve_dimension(Resolver *r, Dimension *dm, const Stmt *st)
{
    dimension_name(r, dm);
    for (int i = 0; i < ast_block(st)->n; i++) {
        const Stmt *v = ast_block(st)->v[i];
        if (v->kind != ST_GENERIC || v->has_block) {
            diag_report(r->d, CHECK_SYNTAX, v->span, "file",
                        "a dimension's block lists its values: `{ female, male, other }`");
            continue;
        }
        VEC_PUSH(r->a, dm->values, v->head);
        bool want_comma = true;
        for (int k = 0; k < v->args.n; k++) {
            const Arg *a = &v->args.v[k];
            if (want_comma && a->kind == ARG_COMMA) {
                want_comma = false;
            } else if (!want_comma && a->kind == ARG_IDENT) {
                VEC_PUSH(r->a, dm->values, a->text);
                want_comma = true;
            } else {
                diag_report(r->d, CHECK_SYNTAX, a->span, "file",
                            "expected %s between the values of dimension '%s'",
                            want_comma ? "','" : "a value name", dm->d.id);
                break;
            }
        }
    }
    for (int i = 0; i < dm->values.n; i++)
        for (int k = 0; k < i; k++)
            if (strcmp(dm->values.v[i], dm->values.v[k]) == 0)
                diag_report(r->d, CHECK_DUPLICATE_NAME, st->span, "file",
                            "dimension '%s' lists the value '%s' twice", dm->d.id, dm->values.v[i]);
}

/* The blocks read statement by statement against a table, by the
 * statement that opens them; `allows` when the block reads `allow`s.  The
 * first BLOCKS_HINTED are the blocks a misplaced statement is said to
 * belong in.  (An automatic array: the partner's and the model blocks'
 * tables live in other files, so their lengths are not constants here.) */
typedef struct BlockTable {
    const char *head, *where;
    const StmtDef *defs;
    int n;
    bool allows;
} BlockTable;
enum { BLOCKS_HINTED = 10, BLOCKS_MAX = 16 };

static int block_tables(BlockTable *out)
{
    const BlockTable t[] = {
        {"agreement", "the agreement", agreement_defs, NDEFS(agreement_defs), true},
        {"partner", "a partner", resolve_partner_defs, resolve_npartner_defs, true},
        {"goal", "a goal", goal_defs, NDEFS(goal_defs), true},
        {"indicator", "an indicator", indicator_defs, NDEFS(indicator_defs), true},
        {"activity", "an activity", activity_defs, NDEFS(activity_defs), true},
        {"milestone", "a milestone", milestone_defs, NDEFS(milestone_defs), true},
        {"unit", "a unit", unit_defs, NDEFS(unit_defs), true},
        {"clause", "a clause", clause_defs, NDEFS(clause_defs), true},
        {"communication", "the communication block", resolve_comm_defs, resolve_ncomm_defs,
         false},
        {"governance", "the governance block", resolve_governance_defs,
         resolve_ngovernance_defs, false},
        {"contact", "a contact", resolve_contact_defs, resolve_ncontact_defs, false},
        {"incentive", "an incentive", resolve_incentive_defs, resolve_nincentive_defs, false},
        {"tension", "a tension", resolve_tension_defs, resolve_ntension_defs, true},
    };
    memcpy(out, t, sizeof t);
    return NDEFS(t);
}

bool resolve_block_statements(const char *head, CompileStmtFn fn, void *ctx)
{
    if (strcmp(head, "agenda") == 0) {
        for (int i = 0; i < 4; i++)
            fn(ctx, resolve_agenda_heads[i], true, false);
        return true;
    }
    BlockTable t[BLOCKS_MAX];
    int nt = block_tables(t);
    for (int k = 0; k < nt; k++)
        if (strcmp(t[k].head, head) == 0) {
            for (int i = 0; i < t[k].n; i++)
                fn(ctx, t[k].defs[i].name, t[k].defs[i].repeat, t[k].defs[i].block);
            if (t[k].allows)
                fn(ctx, "allow", true, false);
            return true;
        }
    return false;
}

/* A statement misplaced in the wrong kind of declaration: say where it
 * belongs ("`budget` belongs in an activity"). */
static void hint_other_kind(Resolver *r, Diagnostic *g, const char *word)
{
    BlockTable kinds[BLOCKS_MAX];
    block_tables(kinds);
    for (size_t k = 0; k < BLOCKS_HINTED; k++)
        for (int i = 0; i < kinds[k].n; i++)
            if (strcmp(kinds[k].defs[i].name, word) == 0) {
                diag_hint(r->d, g, "`%s` belongs in %s", word, kinds[k].where);
                return;
            }
    Suggest sg;
    suggest_init(&sg, word);
    for (size_t k = 0; k < BLOCKS_HINTED; k++)
        for (int i = 0; i < kinds[k].n; i++)
            suggest_offer(&sg, kinds[k].defs[i].name);
    const char *best = suggest_best(&sg);
    for (size_t k = 0; best && k < BLOCKS_HINTED; k++)
        for (int i = 0; i < kinds[k].n; i++)
            if (strcmp(kinds[k].defs[i].name, best) == 0) {
                diag_hint(r->d, g, "did you mean '%s'? (`%s` belongs in %s)", best, best,
                          kinds[k].where);
                return;
            }
}

/* ---- driver ------------------------------------------------------- */

static void file_allow(Resolver *r, Scope *s, const Stmt *st)
{
    Model *m = s->m;
    int k = 0;
    while (k < m->file_allows.n && m->file_allows.v[k].file != st->span.file)
        k++;
    if (k == m->file_allows.n) {
        struct FileAllows fa = {st->span.file, {0}};
        VEC_PUSH(r->a, m->file_allows, fa);
    }
    resolve_allow(r, s, st, &m->file_allows.v[k].allows);
}

static void resolve_decl(Resolver *r, Scope *s, const Stmt *st, Decl *d)
{
    Cur c;
    cur_init(&c, r, s, st);
    c.i = 1;    /* the id */
    const Arg *t = cur_peek(&c);
    if (t && t->kind == ARG_STRING)
        c.i++;      /* the title, optional */
    cur_end(&c);
    if (!st->has_block && d->kind != K_UNIT && d->kind != K_SECTOR && d->kind != K_LEVEL &&
        d->kind != K_BACKBONE_FN && d->kind != K_PHASE)
        return;
    switch (d->kind) {
    case K_AGREEMENT:
        decl_block(r, s, d, ast_block(st), agreement_defs, NDEFS(agreement_defs));
        break;
    case K_PARTNER:
        decl_block(r, s, d, ast_block(st), resolve_partner_defs, resolve_npartner_defs);
        break;
    case K_GOAL:
        decl_block(r, s, d, ast_block(st), goal_defs, NDEFS(goal_defs));
        break;
    case K_INDICATOR:
        decl_block(r, s, d, ast_block(st), indicator_defs, NDEFS(indicator_defs));
        resolve_target_cells(r, (Indicator *)d);
        break;
    case K_ACTIVITY:
        decl_block(r, s, d, ast_block(st), activity_defs, NDEFS(activity_defs));
        break;
    case K_MILESTONE:
        decl_block(r, s, d, ast_block(st), milestone_defs, NDEFS(milestone_defs));
        break;
    case K_DIMENSION:
        resolve_dimension(r, (Dimension *)d, st);
        break;
    case K_UNIT:
        resolve_unit(r, s, st, (Unit *)d);
        break;
    case K_CLAUSE:
        decl_block(r, s, d, ast_block(st), clause_defs, NDEFS(clause_defs));
        break;
    default:
        if (st->has_block)
            diag_report(r->d, CHECK_SYNTAX, ast_block_span(st), "file",
                        "a %s declaration takes no { } block", decl_kind_name(d->kind));
    }
}

/* Dates and `binding` start unset: zero is a date and `binding no`. */
static void init_unset(Model *m)
{
    for (int i = 0; i < m->goals.n; i++)
        m->goals.v[i]->by = DATE_NONE;
    for (int i = 0; i < m->activities.n; i++)
        m->activities.v[i]->start = m->activities.v[i]->end = DATE_NONE;
    for (int i = 0; i < m->milestones.n; i++)
        m->milestones.v[i]->due = DATE_NONE;
    for (int i = 0; i < m->partners.n; i++)
        m->partners.v[i]->joins = m->partners.v[i]->leaves = DATE_NONE;
    if (m->agreement)
        m->agreement->term_start = m->agreement->term_end = DATE_NONE;
    if (m->agreement)
        m->agreement->binding = BINDING_UNSET;
    for (int i = 0; i < m->clauses.n; i++)
        m->clauses.v[i]->binding = BINDING_UNSET;
}

void resolve_scope(Resolver *r, Scope *s)
{
    for (int i = 0; i < s->asts.n; i++)
        load_declare(r, s, s->asts.v[i]);
    init_unset(s->m);
    for (int i = 0; i < s->asts.n; i++) {
        Ast *ast = s->asts.v[i];
        for (int k = 0; k < ast->top.n; k++) {
            Stmt *st = ast->top.v[k];
            if (st->kind != ST_GENERIC)
                continue;
            /* A declaration first: most statements are one, and none of
             * the blocks below declares anything. */
            if (st->decl) {
                if (ast != r->prelude)
                    resolve_decl(r, s, st, st->decl);
                continue;
            }
            if (strcmp(st->head, "agenda") == 0)
                resolve_agenda(r, s, st);
            else if (strcmp(st->head, "tension") == 0)
                resolve_tension(r, s, st);
            else if (strcmp(st->head, "communication") == 0) {
                if (s->m->has_communication) {
                    diag_report(r->d, CHECK_SYNTAX, ast_head_span(st), "file",
                                "a second communication block; write one");
                    continue;
                }
                s->m->has_communication = true;
                s->m->communication_span = ast_head_span(st);
                resolve_model_block(r, s, st, resolve_comm_defs, resolve_ncomm_defs,
                                    "the communication block");
            } else if (strcmp(st->head, "governance") == 0) {
                if (s->m->has_governance) {
                    diag_report(r->d, CHECK_SYNTAX, ast_head_span(st), "file",
                                "a second governance block; write one");
                    continue;
                }
                s->m->has_governance = true;
                s->m->governance_span = ast_head_span(st);
                resolve_model_block(r, s, st, resolve_governance_defs, resolve_ngovernance_defs,
                                    "the governance block");
            } else if (strcmp(st->head, "allow") == 0)
                file_allow(r, s, st);
        }
    }
    for (int i = 0; i < s->m->indicators.n; i++)
        if (s->m->indicators.v[i]->formula)
            resolve_expr(r, s, s->m->indicators.v[i]->formula, false, s->m->indicators.v[i]);
    for (int i = 0; i < s->m->milestones.n; i++)
        if (s->m->milestones.v[i]->requires)
            resolve_expr(r, s, s->m->milestones.v[i]->requires, true, NULL);
    /* Communication ids are local to the block but must be unique there. */
    for (int i = 0; i < s->m->comms.n; i++)
        for (int k = 0; k < i; k++)
            if (strcmp(s->m->comms.v[i]->id, s->m->comms.v[k]->id) == 0) {
                Diagnostic *g = diag_report(r->d, CHECK_DUPLICATE_NAME, s->m->comms.v[i]->span,
                                            "file", "the communication block already has '%s'",
                                            s->m->comms.v[i]->id);
                diag_related(r->d, g, s->m->comms.v[k]->span, "first declared here");
            }
    resolve_denominators(r, s->m);
    resolve_sums(r, s->m);
}
