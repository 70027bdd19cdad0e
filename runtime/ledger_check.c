/* ledger_check.c - checking data rows and files against the agreement,
 * each other and the ledger (lcheck_).  See ledger_check.h. */
#define _POSIX_C_SOURCE 200809L
#include "ledger_check.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "suggest.h"
#include "term.h"

_Static_assert((int)LC_DIM0 == (int)MODEL_OBS_COLUMNS, "the row's fixed fields are the ledger's columns");
static const char *const ev_cols[] = {"milestone", "date", "status", "by", "note", "reason"};
_Static_assert((int)LC_AUD_COUNT == (int)MODEL_OBS_AUDIT_COLUMNS, "the audit columns");

void lcheck_init(LCheck *c, Trk *t, LCheckKind kind)
{
    memset(c, 0, sizeof *c);
    c->t = t;
    c->kind = kind;
    int nd = kind == LC_OBS ? t->m->dimensions.n : 0;
    c->aud = LC_DIM0 + nd;
    c->ncols = c->aud + (kind == LC_OBS ? LC_AUD_COUNT : 1);
    c->cols = arena_alloc(t->a, sizeof *c->cols * (size_t)c->ncols);
    for (int k = 0; k < LC_DIM0; k++)
        c->cols[k] = kind == LC_OBS ? model_obs_columns[k] : ev_cols[k];
    for (int k = 0; k < nd; k++)
        c->cols[LC_DIM0 + k] = t->m->dimensions.v[k]->d.id;
    if (kind == LC_OBS)
        for (int k = 0; k < LC_AUD_COUNT; k++)
            c->cols[c->aud + k] = model_obs_audit_columns[k];
    else
        c->cols[c->aud] = ev_cols[LC_DIM0];
    hmap_init_str(&c->keys, NULL, 64, true);
    hmap_init_str(&c->dym, NULL, 16, true);
}

void lcheck_free(LCheck *c)
{
    hmap_free(&c->keys);
    hmap_free(&c->dym);
}

static void msg(LCheck *c, int src, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void msg(LCheck *c, int src, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    LCheckMsg m = {src, line, c->msgs.n, arena_vprintf(c->t->a, fmt, ap)};
    va_end(ap);
    VEC_PUSH(c->t->a, c->msgs, m);
}

static int msg_cmp(const void *a, const void *b)
{
    const LCheckMsg *x = a, *y = b;
    if (x->src != y->src)
        return x->src - y->src;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->seq - y->seq;
}

int lcheck_print(LCheck *c)
{
    if (c->msgs.n > 1)
        qsort(c->msgs.v, (size_t)c->msgs.n, sizeof *c->msgs.v, msg_cmp);
    for (int i = 0; i < c->msgs.n; i++) {
        const LCheckMsg *m = &c->msgs.v[i];
        if (c->cmdline.v[m->src])
            term_line(stderr, "%s: error: %s", c->t->prog, m->text);
        else if (m->line > 0)
            term_line(stderr, "%s:%ld: error: %s", c->srcs.v[m->src], m->line, m->text);
        else
            term_line(stderr, "%s: error: %s", c->srcs.v[m->src], m->text);
    }
    return c->msgs.n;
}

/* The reader has dropped the spaces around an unquoted field (csv.h), as
 * every reader of the ledger does: validate, status and record agree. */
static const char *field_text(LCheck *c, const csv_field *f)
{
    return arena_strndup(c->t->a, f->ptr, f->len);
}

/* The kinds of name a bad value is compared with; a dimension's values
 * are DYM_DIM0 + its index. */
enum { DYM_INDICATOR, DYM_PARTNER, DYM_MILESTONE, DYM_STATUS, DYM_DIM0 };

/* The suggestion for a bad value of a kind, among every name of it. */
static const char *suggest_kind(LCheck *c, int kind, const char *word)
{
    static const char *const states[] = {"done", "cancelled", "reopened"};
    switch (kind) {
    case DYM_INDICATOR:
        return trk_suggest_indicator(c->t, word);
    case DYM_PARTNER:
        return trk_suggest_partner(c->t, word);
    case DYM_MILESTONE:
        return trk_suggest_milestone(c->t, word);
    case DYM_STATUS:
        return suggest_from(word, states, 3);
    }
    const Dimension *d = c->t->m->dimensions.v[kind - DYM_DIM0];
    return suggest_from(word, (const char *const *)d->values.v, (size_t)d->values.n);
}

/* "; did you mean 'X'?" (or "") for a bad value, computed once per
 * distinct value of a kind (LCheck.dym). */
static const char *did_you_mean(LCheck *c, int kind, const char *word)
{
    const char *key = arena_printf(c->t->a, "%d\x1f%s", kind, word);
    size_t n = strlen(key);
    int i = hmap_str_get(&c->dym, key, n);
    if (i < 0) {
        VEC_PUSH(c->t->a, c->dym_text, trk_did_you_mean(c->t, suggest_kind(c, kind, word)));
        i = c->dym_text.n - 1;
        hmap_str_put(&c->dym, key, n, i);
    }
    return c->dym_text.v[i];
}

static const char *list_partners(LCheck *c, const Indicator *ind)
{
    int i = trk_indicator_of(c->t, ind);
    if (i >= 0 && c->reporters && c->reporters[i])
        return c->reporters[i];
    if (i >= 0 && !c->reporters)
        c->reporters = arena_alloc(c->t->a, sizeof *c->reporters * (size_t)c->t->nind);
    Buf b;
    buf_init(&b);
    for (int k = 0; k < ind->reporters.n; k++)
        buf_printf(&b, "%s%s", k ? ", " : "", ind->reporters.v[k]->d.id);
    const char *s = arena_strdup(c->t->a, ind->reporters.n ? buf_cstr(&b) : "nobody");
    buf_free(&b);
    if (i >= 0)
        c->reporters[i] = s;
    return s;
}

static const char *list_values(LCheck *c, const Dimension *d)
{
    Buf b;
    buf_init(&b);
    for (int k = 0; k < d->values.n; k++)
        buf_printf(&b, "%s%s", k ? ", " : "", d->values.v[k]);
    const char *s = arena_strdup(c->t->a, buf_cstr(&b));
    buf_free(&b);
    return s;
}

/* ---- one row ---------------------------------------------------------------- */

/* What makes two rows the same report: the indicator, date, reporter and
 * breakdown of an observation; the milestone of an event.  False when the
 * date cannot be read. */
static bool row_key(const LCheck *c, const char **v, Buf *key, int32_t *date)
{
    key->len = 0;
    if (csv_parse_date(v[LC_DATE], strlen(v[LC_DATE]), date) != CSV_VALUE_OK)
        return false;
    buf_puts(key, v[LC_ID]);
    if (c->kind == LC_OBS) {
        buf_printf(key, "\x1f%ld\x1f%s", (long)*date, v[LC_WHO]);
        for (int k = LC_DIM0; k < c->aud; k++)
            buf_printf(key, "\x1f%s", v[k]);
    }
    buf_cstr(key);
    return true;
}

/* The values of a row from the command line are text as a file's are
 * (a file's are checked by the reader): a terminal set to Latin-1 must
 * not store it in the ledger. */
static bool cmdline_utf8(LCheck *c, const LCheckRow *r)
{
    bool ok = true;
    for (int k = 0; k < c->ncols; k++) {
        const unsigned char *v = (const unsigned char *)r->val[k];
        size_t n = strlen(r->val[k]), bad = csv_utf8_check(r->val[k], n);
        if (bad < n) {
            msg(c, r->src, r->line,
                "the %s given is not valid UTF-8 text: byte 0x%02X at byte %zu (Latin-1 or "
                "Windows-1252 text? the ledger holds UTF-8)", c->cols[k], v[bad], bad + 1);
            ok = false;
        }
    }
    return ok;
}

const char *lcheck_audit(const LCheck *c, const LCheckRow *r, int which)
{
    if (c->kind == LC_EVENTS)
        return which == LC_AUD_REASON ? r->val[c->aud] : "";
    return r->val[c->aud + which];
}

/* The audit columns of an observation: what it does (`correction`
 * empty, `correct` or `retract`), why, and the day it was recorded. */
static bool audit_ok(LCheck *c, LCheckRow *r)
{
    const char *corr = lcheck_audit(c, r, LC_AUD_CORR);
    const char *reason = lcheck_audit(c, r, LC_AUD_REASON);
    const char *rec = lcheck_audit(c, r, LC_AUD_RECORDED);
    r->act = !*corr                        ? LC_REPORT
             : strcmp(corr, "correct") == 0 ? LC_CORRECT
             : strcmp(corr, "retract") == 0 ? LC_RETRACT
                                            : -1;
    bool ok = true;
    if ((int)r->act < 0) {
        msg(c, r->src, r->line, "the correction '%s' is neither correct nor retract (leave it "
                                "empty for a report)", corr);
        r->act = LC_REPORT;
        ok = false;
    } else if (r->act != LC_REPORT && !*reason) {
        msg(c, r->src, r->line, "a %s needs a reason (the reason column)",
            r->act == LC_CORRECT ? "correction" : "retraction");
        ok = false;
    }
    int32_t d;
    if (*rec && csv_parse_date(rec, strlen(rec), &d) != CSV_VALUE_OK) {
        msg(c, r->src, r->line, "the recorded date '%s' is not a date of the form YYYY-MM-DD",
            rec);
        ok = false;
    }
    return ok;
}

bool lcheck_row(LCheck *c, LCheckRow *r)
{
    Trk *t = c->t;
    int src = r->src;
    long line = r->line;
    bool ok = true;
    const char **v = r->val;
    const char *what = c->kind == LC_OBS ? "indicator" : "milestone";
    if (c->cmdline.v[src] && !cmdline_utf8(c, r))
        return false;
    if (!*v[LC_ID]) {
        msg(c, src, line, "the %s is missing", what);
        ok = false;
    }
    /* The date. */
    enum csv_value_error de = csv_parse_date(v[LC_DATE], strlen(v[LC_DATE]), &r->date);
    if (de == CSV_VALUE_EMPTY) {
        msg(c, src, line, "the date is missing");
        ok = false;
    } else if (de != CSV_VALUE_OK) {
        msg(c, src, line, "the date '%s' %s", v[LC_DATE],
            de == CSV_VALUE_NO_SUCH_DAY ? "is not a day of the calendar"
                                        : "is not a date of the form YYYY-MM-DD");
        ok = false;
    }
    /* Who. */
    const char *who = v[LC_WHO];
    int p = -1;
    if (!*who) {
        msg(c, src, line, "the %s is missing", c->kind == LC_OBS ? "reporter" : "partner (by)");
        ok = false;
    } else if ((p = trk_partner(t, who, strlen(who))) < 0) {
        msg(c, src, line, "unknown partner '%s'%s", who, did_you_mean(c, DYM_PARTNER, who));
        ok = false;
    }
    Buf key;
    buf_init(&key);
    if (c->kind == LC_EVENTS) {
        const char *id = v[LC_ID];
        if (*id && trk_milestone(t, id, strlen(id)) < 0) {
            msg(c, src, line, "unknown milestone '%s'%s", id, did_you_mean(c, DYM_MILESTONE, id));
            ok = false;
        }
        const char *st = v[LC_VALUE];
        r->act = strcmp(st, "done") == 0        ? LC_DONE
                 : strcmp(st, "cancelled") == 0 ? LC_CANCELLED
                 : strcmp(st, "reopened") == 0  ? LC_REOPENED
                                                : LC_REPORT;
        if (!*st) {
            msg(c, src, line, "the status is missing (done, cancelled or reopened)");
            ok = false;
        } else if (r->act == LC_REPORT) {
            msg(c, src, line, "the status '%s' is not done, cancelled or reopened%s", st,
                did_you_mean(c, DYM_STATUS, st));
            ok = false;
        } else if (r->act == LC_REOPENED && !*lcheck_audit(c, r, LC_AUD_REASON)) {
            msg(c, src, line, "reopening milestone '%s' needs a reason (the reason column)", id);
            ok = false;
        }
        r->value = r->act;
    } else {
        const char *id = v[LC_ID];
        int i = *id ? trk_indicator(t, id, strlen(id)) : -1;
        const Indicator *ind = i >= 0 ? t->ind[i] : NULL;
        if (*id && !ind) {
            msg(c, src, line, "unknown indicator '%s'%s", id, did_you_mean(c, DYM_INDICATOR, id));
            ok = false;
        } else if (ind && ind->formula) {
            msg(c, src, line,
                "'%s' is a derived indicator: the tracker computes it from its formula, so it "
                "takes no observations", id);
            ok = false;
        }
        ok &= audit_ok(c, r);
        const char *val = v[LC_VALUE];
        enum csv_value_error ve = csv_parse_number(val, strlen(val), &r->value);
        if (r->act == LC_RETRACT) {
            if (*val) {
                msg(c, src, line, "a retraction takes no value (found '%s')", val);
                ok = false;
            }
            r->value = 0;
        } else if (ve == CSV_VALUE_EMPTY) {
            msg(c, src, line, "the value is missing");
            ok = false;
        } else if (ve != CSV_VALUE_OK) {
            msg(c, src, line, "the value '%s' %s", val, csv_value_strerror(ve));
            ok = false;
        }
        if (ind && !ind->formula && p >= 0) {
            bool named = false;
            for (int k = 0; k < ind->reporters.n; k++)
                named |= ind->reporters.v[k] == t->part[p];
            if (!named) {
                msg(c, src, line, "partner '%s' does not report '%s' (the agreement names %s)",
                    who, id, list_partners(c, ind));
                ok = false;
            }
        }
        for (int k = LC_DIM0; k < c->aud; k++) {
            const char *dv = v[k];
            if (!*dv || !ind)
                continue;
            const Dimension *d = t->m->dimensions.v[k - LC_DIM0];
            bool has = false;
            for (int j = 0; j < ind->dims.n; j++)
                has |= ind->dims.v[j] == d;
            if (!has) {
                msg(c, src, line, "'%s' is not broken down by %s, but the row gives %s '%s'", id,
                    d->d.id, d->d.id, dv);
                ok = false;
                continue;
            }
            bool allowed = false;
            for (int j = 0; j < d->values.n; j++)
                allowed |= strcmp(d->values.v[j], dv) == 0;
            if (!allowed) {
                msg(c, src, line, "'%s' is not a value of dimension %s (%s)%s", dv, d->d.id,
                    list_values(c, d), did_you_mean(c, DYM_DIM0 + k - LC_DIM0, dv));
                ok = false;
            }
        }
    }
    int32_t d;
    if (ok && row_key(c, v, &key, &d))
        r->key = arena_strdup(t->a, buf_cstr(&key));
    buf_free(&key);
    return ok;
}

static const char *where(const LCheck *c, int src, long line)
{
    if (c->cmdline.v[src])
        return "on the command line";
    return arena_printf(c->t->a, "at %s:%ld", c->srcs.v[src], line);
}

/* ---- the rows of one key, in order ----------------------------------------- */

static const char *act_name(LCheckAct a)
{
    static const char *const names[] = {"report", "correction", "retraction",
                                        "done", "cancelled", "reopened"};
    return names[a];
}

/* Whether two rows say the same thing (a row imported twice). */
static bool same_row(const LCheck *c, const LCheckRow *a, const LCheckRow *b)
{
    if (a->act != b->act)
        return false;
    if (c->kind == LC_EVENTS)
        return a->date == b->date &&
               strcmp(lcheck_audit(c, a, LC_AUD_REASON), lcheck_audit(c, b, LC_AUD_REASON)) == 0;
    if (a->act == LC_REPORT)
        return a->value == b->value;
    return a->value == b->value &&
           strcmp(lcheck_audit(c, a, LC_AUD_REASON), lcheck_audit(c, b, LC_AUD_REASON)) == 0 &&
           strcmp(lcheck_audit(c, a, LC_AUD_RECORDED), lcheck_audit(c, b, LC_AUD_RECORDED)) == 0;
}

/* What the rows of one key have said so far. */
typedef struct KeyState {
    LCheckRow *first;           /* observations: the first report */
    bool standing;              /* observations: a value stands (not retracted) */
    LCheckRow *closed;          /* events: the event that closes it, or NULL */
} KeyState;

/* A second report of a key with another value than the first. */
static void report_twice(LCheck *c, const LCheckRow *first, const LCheckRow *r)
{
    char a[NUM_TEXT_MAX], b[NUM_TEXT_MAX];
    msg(c, r->src, r->line,
        "a second, different value for '%s' on %s by %s: %s %s, %s %s (a value is changed "
        "with 'correct')", r->val[LC_ID], r->val[LC_DATE], r->val[LC_WHO],
        num_text(r->value, NUM_EXACT, a),
        c->cmdline.v[r->src] ? "on the command line" : "here", num_text(first->value, NUM_EXACT, b),
        where(c, first->src, first->line));
}

/* The breakdown of an observation's key, " (DIM=VALUE, ...)" or "". */
static const char *breakdown_text(const LCheck *c, const LCheckRow *r)
{
    Buf b;
    buf_init(&b);
    for (int k = LC_DIM0; k < c->aud; k++)
        if (*r->val[k])
            buf_printf(&b, "%s%s=%s", b.len ? ", " : " (", c->cols[k], r->val[k]);
    if (b.len)
        buf_putc(&b, ')');
    const char *s = arena_strdup(c->t->a, b.len ? buf_cstr(&b) : "");
    buf_free(&b);
    return s;
}

/* One observation row after the earlier rows of its key (st); `fresh` is
 * a new row (the ledger's own are taken as they are). */
static bool obs_step(LCheck *c, KeyState *st, LCheckRow *r, bool fresh)
{
    if (r->act == LC_REPORT) {
        if (!st->first) {
            st->first = r;
            st->standing = true;
        } else if (fresh && st->first->value == r->value) {
            r->dup = true;
        } else if (fresh) {
            report_twice(c, st->first, r);
            return false;
        }
        return true;
    }
    if (fresh && !st->first) {
        msg(c, r->src, r->line, "there is no observation of '%s' on %s by %s%s to %s", r->val[LC_ID],
            r->val[LC_DATE], r->val[LC_WHO], breakdown_text(c, r),
            r->act == LC_CORRECT ? "correct" : "retract");
        return false;
    }
    if (fresh && r->act == LC_RETRACT && !st->standing) {
        msg(c, r->src, r->line, "the observation of '%s' on %s by %s%s is already retracted",
            r->val[LC_ID], r->val[LC_DATE], r->val[LC_WHO], breakdown_text(c, r));
        return false;
    }
    st->standing = r->act == LC_CORRECT;
    return true;
}

static bool event_step(LCheck *c, KeyState *st, LCheckRow *r, bool fresh)
{
    char d[16];
    if (r->act == LC_REOPENED) {
        if (fresh && !st->closed) {
            msg(c, r->src, r->line, "milestone '%s' is neither done nor cancelled: there is "
                                    "nothing to reopen", r->val[LC_ID]);
            return false;
        }
        st->closed = NULL;
        return true;
    }
    if (fresh && st->closed) {
        const LCheckRow *f = st->closed;
        msg(c, r->src, r->line,
            "milestone '%s' already has an event: %s on %s by %s %s (reopen it first to record "
            "another)", r->val[LC_ID], act_name(f->act), date_iso(f->date, d), f->val[LC_WHO],
            where(c, f->src, f->line));
        return false;
    }
    st->closed = r;
    return true;
}

/* The rows of each key in file order: the ledger's (`prior`), then the
 * new ones.  A chain per key (next[]) keeps it linear; a new row is
 * compared with the earlier rows of its key only to find itself again
 * (a file imported twice), which stays linear as long as a key has a
 * bounded number of rows, as corrections are few. */
void lcheck_finish(LCheck *c)
{
    Trk *t = c->t;
    int np = c->prior.n, n = np + c->rows.n;
    if (n == 0)
        return;
    LCheckRow **all = arena_alloc(t->a, sizeof *all * (size_t)n);
    int *next = arena_alloc(t->a, sizeof *next * (size_t)n);
    int *head = arena_alloc(t->a, sizeof *head * (size_t)n);
    int *tail = arena_alloc(t->a, sizeof *tail * (size_t)n);
    HMap groups;
    hmap_init_str(&groups, NULL, n, true);
    int ng = 0;
    for (int i = 0; i < n; i++) {
        all[i] = i < np ? &c->prior.v[i] : &c->rows.v[i - np];
        next[i] = -1;
        size_t len = strlen(all[i]->key);
        int g = hmap_str_get(&groups, all[i]->key, len);
        if (g < 0) {
            g = ng++;
            hmap_str_put(&groups, all[i]->key, len, g);
            head[g] = i;
        } else {
            next[tail[g]] = i;
        }
        tail[g] = i;
    }
    hmap_free(&groups);
    for (int g = 0; g < ng; g++) {
        KeyState st = {0};
        for (int i = head[g]; i >= 0; i = next[i]) {
            LCheckRow *r = all[i];
            bool fresh = i >= np;
            if (fresh && r->act != LC_REPORT) {
                for (int j = head[g]; j != i && !r->dup; j = next[j])
                    r->dup = same_row(c, all[j], r);
                if (r->dup)
                    continue;
            }
            bool ok = c->kind == LC_OBS ? obs_step(c, &st, r, fresh) : event_step(c, &st, r, fresh);
            if (!ok)
                c->bad_rows++;
        }
    }
}

/* ---- a file ----------------------------------------------------------------- */

void lcheck_add(LCheck *c, const LCheckRow *r)
{
    VEC_PUSH(c->t->a, c->rows, *r);
    if (hmap_str_get(&c->keys, r->key, strlen(r->key)) < 0)
        hmap_str_put(&c->keys, r->key, strlen(r->key), c->rows.n - 1);
}

int lcheck_add_src(LCheck *c, const char *name, bool cmdline)
{
    VEC_PUSH(c->t->a, c->srcs, name);
    VEC_PUSH(c->t->a, c->cmdline, cmdline);
    return c->srcs.n - 1;
}

/* Maps header names to column ids; -1 entries are reported. */
static bool read_cols(LCheck *c, csv_reader *r, int src, int *map, size_t *nmap)
{
    size_t n;
    const csv_field *h = csv_header(r, &n);
    bool ok = true;
    bool *seen = arena_alloc(c->t->a, sizeof *seen * (size_t)c->ncols);
    *nmap = n;
    for (size_t k = 0; k < n; k++) {
        map[k] = -1;
        const char *name = field_text(c, &h[k]);
        for (int j = 0; j < c->ncols; j++)
            if (strcmp(c->cols[j], name) == 0)
                map[k] = j;
        if (map[k] < 0) {
            bool looks_like_data = k == 0 && (trk_indicator(c->t, name, strlen(name)) >= 0 ||
                                              trk_milestone(c->t, name, strlen(name)) >= 0);
            if (looks_like_data) {
                msg(c, src, 1, "the first line must name the columns (%s,%s,%s,%s[,note]%s), "
                               "not hold data", c->cols[0], c->cols[1], c->cols[2], c->cols[3],
                    c->kind == LC_OBS && c->ncols > LC_DIM0 ? " and breakdown columns" : "");
                return false;
            }
            msg(c, src, 1, "unknown column '%s'%s", name,
                trk_did_you_mean(c->t, suggest_from(name, c->cols, (size_t)c->ncols)));
            ok = false;
        } else if (seen[map[k]]) {
            msg(c, src, 1, "the column '%s' appears twice", name);
            ok = false;
        } else {
            seen[map[k]] = true;
        }
    }
    for (int j = 0; j < LC_NOTE; j++)
        if (!seen[j]) {
            msg(c, src, 1, "the header has no column '%s' (the columns are %s,%s,%s,%s[,note]%s)",
                c->cols[j], c->cols[0], c->cols[1], c->cols[2], c->cols[3],
                c->kind == LC_OBS && c->ncols > LC_DIM0 ? " and breakdown columns" : "");
            ok = false;
        }
    return ok;
}

static void check_reader(LCheck *c, csv_reader *r, int src)
{
    Trk *t = c->t;
    int st = csv_read_header(r);
    if (st == CSV_END)
        return;         /* an empty file has no rows to check */
    if (st == CSV_ERROR) {
        char why[256];
        csv_describe_error(csv_last_error(r), why, sizeof why);
        msg(c, src, csv_last_error(r)->line, "%s", why);
        c->bad_rows++;
        return;
    }
    int map[256];
    size_t nmap;
    if (!read_cols(c, r, src, map, &nmap)) {
        c->bad_rows++;
        return;
    }
    csv_record rec;
    while ((st = csv_next(r, &rec)) != CSV_END) {
        c->nrows++;
        if (st == CSV_ERROR) {
            const csv_error *e = csv_last_error(r);
            char why[256];
            csv_describe_error(e, why, sizeof why);
            msg(c, src, e->line, "%s", why);
            c->bad_rows++;
            continue;
        }
        LCheckRow row = {0};
        row.src = src;
        row.line = rec.line;
        row.val = arena_alloc(t->a, sizeof *row.val * (size_t)c->ncols);
        for (int k = 0; k < c->ncols; k++)
            row.val[k] = "";
        if (rec.count > nmap) {
            msg(c, src, rec.line, "the row has %zu fields but the header names %zu columns",
                rec.count, nmap);
            c->bad_rows++;
            continue;
        }
        for (size_t k = 0; k < rec.count; k++)
            row.val[map[k]] = field_text(c, &rec.fields[k]);
        if (!lcheck_row(c, &row)) {
            c->bad_rows++;
            continue;
        }
        lcheck_add(c, &row);
    }
}

/* A data file given to validate or import must be a regular file no
 * larger than a source may be: a device or a pipe without end
 * (/dev/zero) would otherwise be read for ever.  A path that does not
 * exist is left to csv_open, which names the error. */
static bool input_ok(Trk *t, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return true;
        trk_fail(t, "%s: cannot read the file: %s", path, strerror(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        trk_fail(t, "%s: not a regular file (a data file must be a file, not a %s)", path,
                 S_ISDIR(st.st_mode) ? "folder" : "device, pipe or socket");
        return false;
    }
    if ((uint64_t)st.st_size > SRC_MAX_SIZE) {
        trk_fail(t, "%s: larger than the limit of %u bytes", path, SRC_MAX_SIZE);
        return false;
    }
    return true;
}

/* Data files are read with UTF-8 checked: Latin-1 text is refused with
 * its line and byte before anything is stored. */
static const csv_options data_opts = {.check_utf8 = true};

static bool same_ci(const char *a, size_t n, const char *b)
{
    if (strlen(b) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((a[i] | 0x20) != b[i])
            return false;
    return true;
}

/* A header with no indicator or milestone column, as spreadsheets make
 * them: what was found and what is expected, or NULL when it looks like
 * none of these. */
static const char *header_hint(Trk *t, const csv_field *h, size_t n)
{
    static const char expected[] = "indicator,date,value,reporter[,note] for observations or "
                                   "milestone,date,status,by[,note] for milestone events";
    for (size_t k = 0; k < n; k++) {
        const char *sep = strpbrk(h[k].ptr, ";\t");
        if (sep && (strstr(h[k].ptr, "ndicator") || strstr(h[k].ptr, "ilestone")))
            return arena_printf(t->a,
                                "the columns are separated by '%s' (found '%s'), as spreadsheets "
                                "set to some languages save CSV; the tracker reads commas (save "
                                "as CSV UTF-8, comma-delimited): the first line must be %s",
                                *sep == ';' ? ";" : "\\t", suggest_quote(t->a, h[k].ptr, h[k].len),
                                expected);
    }
    for (size_t k = 0; k < n; k++)
        if ((same_ci(h[k].ptr, h[k].len, "indicator") || same_ci(h[k].ptr, h[k].len, "milestone")))
            return arena_printf(t->a,
                                "column names are written in lower case: found '%s', expected "
                                "'%s' (the first line must be %s)",
                                suggest_quote(t->a, h[k].ptr, h[k].len),
                                (h[k].ptr[0] | 0x20) == 'i' ? "indicator" : "milestone", expected);
    return NULL;
}

int lcheck_file_kind(Trk *t, const char *path)
{
    if (!input_ok(t, path))
        return -2;
    csv_error err;
    csv_reader *r = csv_open(path, &data_opts, &err);
    if (!r) {
        char why[256];
        csv_describe_error(&err, why, sizeof why);
        trk_fail(t, "%s: %s", path, why);
        return -2;
    }
    int st = csv_read_header(r);
    int kind = -1;
    const char *hint = NULL;
    if (st == CSV_RECORD) {
        if (csv_find_column(r, "indicator") >= 0)
            kind = LC_OBS;
        else if (csv_find_column(r, "milestone") >= 0)
            kind = LC_EVENTS;
        size_t n;
        const csv_field *h = csv_header(r, &n);
        if (kind < 0)
            hint = header_hint(t, h, n);
    } else if (st == CSV_ERROR) {
        /* Not text the tracker reads (UTF-16, Latin-1): the first line
         * says so whatever the file's name. */
        const csv_error *e = csv_last_error(r);
        if (e->code == CSV_ERR_UTF16 || e->code == CSV_ERR_NUL || e->code == CSV_ERR_UTF8) {
            char why[256];
            csv_describe_error(e, why, sizeof why);
            hint = arena_strdup(t->a, why);
        }
    }
    csv_close(r);
    if (hint) {
        term_line(stderr, "%s:1: error: %s", path, hint);
        return -1;
    }
    if (kind < 0) {
        const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        if (strstr(base, "event"))
            return LC_EVENTS;
        if (strstr(base, "observ"))
            return LC_OBS;
        term_line(stderr,
                  "%s:1: error: not a data file of this tracker: the first line must name the "
                  "columns, indicator,date,value,reporter[,note] for observations or "
                  "milestone,date,status,by[,note] for milestone events", path);
    }
    return kind;
}

void lcheck_file(LCheck *c, const char *path)
{
    int src = lcheck_add_src(c, path, false);
    csv_error err;
    csv_reader *r = csv_open(path, &data_opts, &err);
    if (!r) {
        char why[256];
        csv_describe_error(&err, why, sizeof why);
        msg(c, src, 0, "%s", why);
        c->fatal = true;
        return;
    }
    check_reader(c, r, src);
    csv_close(r);
}

/* A line of the ledger that does not parse: reported, and nothing is
 * appended (see ledger_check.h). */
static void ledger_unreadable(LCheck *c, int src, const csv_error *e)
{
    char why[256];
    csv_describe_error(e, why, sizeof why);
    msg(c, src, e->line, "%s; the ledger must be corrected before anything is added to it%s", why,
        e->fatal ? " (every line after this one would be read as part of the quoted field)" : "");
    c->ledger_bad++;
}

/* What a ledger row does, and its value; false when it cannot be read. */
static bool ledger_act(const LCheck *c, LCheckRow *r)
{
    const char *v = r->val[LC_VALUE];
    if (c->kind == LC_EVENTS) {
        r->act = strcmp(v, "done") == 0        ? LC_DONE
                 : strcmp(v, "cancelled") == 0 ? LC_CANCELLED
                 : strcmp(v, "reopened") == 0  ? LC_REOPENED
                                               : LC_REPORT;
        r->value = r->act;
        return r->act != LC_REPORT;
    }
    const char *corr = lcheck_audit(c, r, LC_AUD_CORR);
    r->act = !*corr                        ? LC_REPORT
             : strcmp(corr, "correct") == 0 ? LC_CORRECT
             : strcmp(corr, "retract") == 0 ? LC_RETRACT
                                            : LC_DONE;
    if (r->act == LC_DONE)
        return false;
    if (r->act == LC_RETRACT)
        return true;
    return csv_parse_number(v, strlen(v), &r->value) == CSV_VALUE_OK;
}

/* A streaming pass: memory grows with the new rows only. */
void lcheck_against(LCheck *c, const char *path, int src)
{
    csv_error err;
    const csv_options opt = {.check_utf8 = true};
    csv_reader *r = csv_open(path, &opt, &err);
    if (!r)
        return;     /* no ledger yet, or unreadable: the write reports it */
    int st = csv_read_header(r);
    if (st != CSV_RECORD) {
        if (st == CSV_ERROR)
            ledger_unreadable(c, src, csv_last_error(r));
        csv_close(r);
        return;
    }
    int map[256];
    size_t nmap;
    size_t n;
    const csv_field *h = csv_header(r, &n);
    nmap = n < 256 ? n : 256;
    for (size_t k = 0; k < nmap; k++) {
        map[k] = -1;
        for (int j = 0; j < c->ncols; j++)
            if (strlen(c->cols[j]) == h[k].len && memcmp(c->cols[j], h[k].ptr, h[k].len) == 0)
                map[k] = j;
    }
    csv_record rec;
    Trk *t = c->t;
    const char **val = arena_alloc(t->a, sizeof *val * (size_t)c->ncols);
    Buf key;
    buf_init(&key);
    while ((st = csv_next(r, &rec)) != CSV_END) {
        if (st == CSV_ERROR) {
            ledger_unreadable(c, src, csv_last_error(r));
            continue;
        }
        if (rec.count > nmap)
            continue;
        for (int k = 0; k < c->ncols; k++)
            val[k] = "";
        for (size_t k = 0; k < rec.count; k++)
            if (map[k] >= 0)
                val[map[k]] = rec.fields[k].ptr;
        int32_t date;
        if (!row_key(c, val, &key, &date))
            continue;
        if (hmap_str_get(&c->keys, key.data, strlen(key.data)) < 0)
            continue;
        /* The ledger's row of a new row's key: nothing is allocated for
         * the ledger's other rows, so memory follows the new rows. */
        LCheckRow old = {0};
        old.src = src;
        old.line = rec.line;
        old.date = date;
        old.key = arena_strdup(t->a, key.data);
        old.val = arena_alloc(t->a, sizeof *old.val * (size_t)c->ncols);
        for (int j = 0; j < c->ncols; j++)
            old.val[j] = arena_strdup(t->a, val[j]);
        if (!ledger_act(c, &old))
            continue;   /* not a valid row: validate reports it */
        VEC_PUSH(t->a, c->prior, old);
    }
    buf_free(&key);
    csv_close(r);
}
