/* ledger.c - the commands validate, import, record and done (ledger_).
 * See ledger.h; the rows are checked by ledger_check.c and written by
 * ledger_write.c. */
#define _POSIX_C_SOURCE 200809L
#include "ledger.h"

#include <stdlib.h>
#include <string.h>

#include "ledger_check.h"
#include "ledger_write.h"
#include "score.h"
#include "suggest.h"
#include "term.h"

static const char validate_help[] =
    "usage: %s validate FILE...\n\n"
    "Checks data files against the agreement and reports every bad row with its\n"
    "file and line: an unknown indicator, milestone or partner (with a suggestion),\n"
    "a value that is not a number, an impossible date, a reporter the agreement\n"
    "does not name for the indicator, a value for a derived indicator, a breakdown\n"
    "value its dimension does not allow, and a second, different value for the\n"
    "same indicator, date, reporter and breakdown.\n\n"
    "observations: indicator,date,value,reporter[,note] and one column per\n"
    "  breakdown dimension, named after it (empty in a total row)\n"
    "events:       milestone,date,status,by[,note] (status: done or cancelled)\n\n"
    "Exit status: 0 every row is valid, 1 some row is not, 2 a file cannot be read.\n";

int ledger_validate_cmd(Trk *t, int argc, char **argv)
{
    Opts a;
    if (!trk_args(t, &a, NULL, 0, argc, argv, "validate"))
        return 2;
    if (opts_get(&a, "help")) {
        term_printf(stdout, validate_help, t->prog);
        return 0;
    }
    if (a.npositional == 0)
        return trk_fail(t, "validate needs the data files to check (see '%s validate --help')",
                        t->prog);
    /* Files of one kind are checked together: a conflict between two
     * files is found too. */
    LCheck checks[2];
    lcheck_init(&checks[LC_OBS], t, LC_OBS);
    lcheck_init(&checks[LC_EVENTS], t, LC_EVENTS);
    int st = 0;
    for (int i = 0; i < a.npositional; i++) {
        int kind = lcheck_file_kind(t, a.positional[i]);
        if (kind < 0) {
            st = kind == -2 ? 2 : (st ? st : 1);
            continue;
        }
        lcheck_file(&checks[kind], a.positional[i]);
    }
    for (int k = 0; k < 2; k++) {
        LCheck *c = &checks[k];
        lcheck_finish(c);
        lcheck_print(c);
        if (c->fatal)
            st = 2;
        else if (c->bad_rows > 0 && st == 0)
            st = 1;
    }
    for (int k = 0; k < 2; k++) {
        LCheck *c = &checks[k];
        if (c->srcs.n > 0)
            term_printf(stdout, "%ld %s row%s checked, %ld bad\n", c->nrows,
                   k == LC_OBS ? "observation" : "event", c->nrows == 1 ? "" : "s", c->bad_rows);
        lcheck_free(c);
    }
    return st;
}

static const char import_help[] =
    "usage: %s import FILE [--data DIR]\n\n"
    "Validates FILE (observations or milestone events, told apart by its header)\n"
    "against the agreement and the ledger, then appends all its rows to the\n"
    "ledger, or none when any row is bad.  Rows already in the ledger with the\n"
    "same value are skipped.  The ledger is locked while it is written.\n";

int ledger_import_cmd(Trk *t, int argc, char **argv)
{
    Opts a;
    if (!trk_args(t, &a, NULL, 0, argc, argv, "import"))
        return 2;
    if (opts_get(&a, "help")) {
        term_printf(stdout, import_help, t->prog);
        return 0;
    }
    if (a.npositional != 1)
        return trk_fail(t, "import takes one data file (see '%s import --help')", t->prog);
    int kind = lcheck_file_kind(t, a.positional[0]);
    if (kind < 0)
        return kind == -2 ? 2 : 1;
    LCheck c;
    lcheck_init(&c, t, kind);
    lcheck_file(&c, a.positional[0]);
    int st = lwrite_commit(&c, "imported");
    lcheck_free(&c);
    return st;
}

/* The texts of one row of a kind given on the command line, every
 * column empty: [LC_DIM0 + dimensions + audit columns] as LCheck has
 * them (lcheck_init). */
static const char **new_row(Trk *t, LCheckKind kind, int *aud)
{
    int nd = kind == LC_OBS ? t->m->dimensions.n : 0;
    *aud = LC_DIM0 + nd;
    int n = *aud + (kind == LC_OBS ? LC_AUD_COUNT : 1);
    const char **val = arena_alloc(t->a, sizeof *val * (size_t)n);
    for (int k = 0; k < n; k++)
        val[k] = "";
    return val;
}

/* A date option's text as the ledger stores it: "today" is the day. */
static const char *date_text(Trk *t, const char *text)
{
    if (text && strcmp(text, "today") == 0) {
        char d[16];
        return arena_strdup(t->a, date_iso(t->today, d));
    }
    return text;
}

/* One row given on the command line, checked like a file's: val holds
 * the command's own columns; the options the commands share (--on, where
 * today is the date, --by and --note) fill the others. */
static int one_row(Trk *t, LCheckKind kind, const Opts *a, const char **val)
{
    if (!val[LC_DATE] || !*val[LC_DATE])
        val[LC_DATE] = date_text(t, opts_get(a, "on"));
    val[LC_WHO] = opts_get(a, "by");
    if (opts_get(a, "note"))
        val[LC_NOTE] = opts_get(a, "note");
    LCheck c;
    lcheck_init(&c, t, kind);
    int src = lcheck_add_src(&c, "command line", true);
    LCheckRow row = {0};
    row.src = src;
    row.line = 0;
    row.val = arena_alloc(t->a, sizeof *row.val * (size_t)c.ncols);
    for (int k = 0; k < c.ncols; k++)
        row.val[k] = val[k] ? val[k] : "";
    c.nrows = 1;
    if (lcheck_row(&c, &row))
        lcheck_add(&c, &row);
    else
        c.bad_rows = 1;
    int st = lwrite_commit(&c, "recorded");
    lcheck_free(&c);
    return st;
}

/* --breakdown DIM=VALUE,... into the dimension columns of val.  0, or 2
 * after a message. */
static int breakdown(Trk *t, const char *bd, const char **val)
{
    int nd = t->m->dimensions.n;
    if (!bd || !*bd)
        return 0;
    char *copy = arena_strdup(t->a, bd), *save = NULL;
    for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(item, '=');
        if (!eq)
            return trk_fail(t, "--breakdown wants DIMENSION=VALUE pairs, such as "
                               "gender=female,region=north; not '%s'", item);
        *eq = '\0';
        int k = 0;
        while (k < nd && strcmp(t->m->dimensions.v[k]->d.id, item) != 0)
            k++;
        if (k == nd) {
            const char **names = arena_alloc(t->a, sizeof *names * (size_t)(nd ? nd : 1));
            for (int j = 0; j < nd; j++)
                names[j] = t->m->dimensions.v[j]->d.id;
            const char *sg = suggest_from(item, names, (size_t)nd);
            return trk_fail(t, "unknown dimension '%s' in --breakdown%s", item,
                            trk_did_you_mean(t, sg));
        }
        val[LC_DIM0 + k] = eq + 1;
    }
    return 0;
}

static const char record_help[] =
    "usage: %s record INDICATOR VALUE --on DATE --by PARTNER [--note TEXT]\n"
    "                 [--breakdown DIM=VALUE,...]\n\n"
    "Validates one observation and appends it to the ledger (see 'validate').\n"
    "  --on DATE        the date the value is for (YYYY-MM-DD or today)\n"
    "  --by PARTNER     the reporting partner\n"
    "  --note TEXT      a note kept with the row\n"
    "  --breakdown ...  a breakdown cell, e.g. gender=female,region=north\n";

static const char correct_help[] =
    "usage: %s correct INDICATOR VALUE --on DATE --by PARTNER --reason TEXT\n"
    "                  [--breakdown DIM=VALUE,...] [--note TEXT] [--recorded DATE]\n\n"
    "Appends a correction of the observation of INDICATOR on DATE by PARTNER (and\n"
    "breakdown cell): the scorecard uses VALUE instead; the original row stays in\n"
    "the ledger, and the dashboard's audit section lists the correction.\n"
    "  --reason TEXT    why the value is corrected (required)\n"
    "  --recorded DATE  the day the correction is made (default today)\n";

static const char retract_help[] =
    "usage: %s retract INDICATOR --on DATE --by PARTNER --reason TEXT\n"
    "                  [--breakdown DIM=VALUE,...] [--note TEXT] [--recorded DATE]\n\n"
    "Appends a retraction of the observation of INDICATOR on DATE by PARTNER (and\n"
    "breakdown cell): the scorecard no longer uses it; the original row stays in\n"
    "the ledger, and the dashboard's audit section lists the retraction.\n"
    "  --reason TEXT    why it is retracted (required)\n"
    "  --recorded DATE  the day the retraction is made (default today)\n";

/* record, correct and retract: one observation row. */
static int obs_cmd(Trk *t, int argc, char **argv, const char *cmd, LCheckAct act)
{
    static const OptSpec opts[] = {{"on", 0, true},     {"by", 0, true},
                                   {"note", 0, true},   {"breakdown", 0, true},
                                   {"reason", 0, true}, {"recorded", 0, true}};
    Opts a;
    bool audit = act != LC_REPORT;
    if (!trk_args(t, &a, opts, audit ? 6 : 4, argc, argv, cmd))
        return 2;
    if (opts_get(&a, "help")) {
        term_printf(stdout, act == LC_REPORT    ? record_help
                            : act == LC_CORRECT ? correct_help
                                                : retract_help, t->prog);
        return 0;
    }
    int npos = act == LC_RETRACT ? 1 : 2;
    if (a.npositional != npos || !opts_get(&a, "on") || !opts_get(&a, "by") ||
        (audit && !opts_get(&a, "reason")))
        return trk_fail(t, "usage: %s %s INDICATOR%s --on DATE --by PARTNER%s", t->prog, cmd,
                        npos == 2 ? " VALUE" : "", audit ? " --reason TEXT" : "");
    int aud;
    const char **val = new_row(t, LC_OBS, &aud);
    val[LC_ID] = a.positional[0];
    val[LC_VALUE] = npos == 2 ? a.positional[1] : "";
    if (breakdown(t, opts_get(&a, "breakdown"), val))
        return 2;
    if (audit) {
        val[aud + LC_AUD_CORR] = act == LC_CORRECT ? "correct" : "retract";
        val[aud + LC_AUD_REASON] = opts_get(&a, "reason");
        const char *rec = opts_get(&a, "recorded");
        val[aud + LC_AUD_RECORDED] = date_text(t, rec ? rec : "today");
    }
    return one_row(t, LC_OBS, &a, val);
}

int ledger_record_cmd(Trk *t, int argc, char **argv)
{
    return obs_cmd(t, argc, argv, "record", LC_REPORT);
}

int ledger_correct_cmd(Trk *t, int argc, char **argv)
{
    return obs_cmd(t, argc, argv, "correct", LC_CORRECT);
}

int ledger_retract_cmd(Trk *t, int argc, char **argv)
{
    return obs_cmd(t, argc, argv, "retract", LC_RETRACT);
}

/* ---- who may close a milestone ------------------------------------------- */

static bool measures(const Partner *p)
{
    for (int k = 0; k < p->backbone.n; k++)
        if (strcmp(p->backbone.v[k]->d.id, "shared_measurement") == 0)
            return true;
    return false;
}

/* Whether the partner of --by may close (or reopen) the milestone: its
 * owner, or a partner performing the shared_measurement backbone
 * function, keeper of the shared data.  An agreement that names
 * neither leaves it to any partner.  An unknown milestone or partner is
 * left to the row's check, which names it.  0, or 1 after a message. */
static int may_close(Trk *t, const Opts *a, const char *id, const char *verb)
{
    int m = trk_milestone(t, id, strlen(id));
    const char *by = opts_get(a, "by");
    int p = trk_partner(t, by, strlen(by));
    if (m < 0 || p < 0)
        return 0;
    const Milestone *ms = t->ms[m];
    bool allowed = ms->owner == t->part[p];
    Buf fns;
    buf_init(&fns);
    for (int k = 0; k < t->npart; k++)
        if (measures(t->part[k])) {
            buf_printf(&fns, "%s%s", fns.len ? ", " : "", t->part[k]->d.id);
            allowed |= k == p;
        }
    int st = 0;
    if (!allowed && (ms->owner || fns.len)) {
        const char *owner = ms->owner ? arena_printf(t->a, "its owner (%s)", ms->owner->d.id) : "";
        const char *keepers =
            fns.len ? arena_printf(t->a, "a partner performing the shared_measurement backbone "
                                         "function (%s)", buf_cstr(&fns)) : "";
        term_line(stderr, "%s: error: partner '%s' may not %s milestone '%s': only %s%s%s may",
                  t->prog, by, verb, id, owner, *owner && *keepers ? " or " : "", keepers);
        st = 1;
    }
    buf_free(&fns);
    return st;
}

/* A milestone whose requirement does not hold on --on (false, or unknown
 * for want of data) is marked done only with --despite (holds: whether
 * it does, or there is none to check).  0, 1 after a
 * message, 2 when the scorecard cannot be read. */
static int requirement_met(Trk *t, const Opts *a, const char *id, bool *holds)
{
    *holds = false;
    int m = trk_milestone(t, id, strlen(id));
    const char *on = date_text(t, opts_get(a, "on"));
    int32_t d;
    if (m < 0 || !t->ms[m]->requires || csv_parse_date(on, strlen(on), &d) != CSV_VALUE_OK) {
        *holds = true;
        return 0;
    }
    Score s;
    int st = score_run(&s, t, d, false);
    if (st)
        return st;
    EvalTruth req = s.ms[m].req;
    char ed[16];
    date_iso(s.ms[m].eval_date, ed);
    const char *text = score_expr_text(&s, t->ms[m]->requires);
    score_free(&s);
    const char *despite = opts_get(a, "despite");
    if (req == EVAL_TRUE) {
        *holds = true;
        if (despite)
            trk_note(t, "the requirement of '%s' holds on %s: --despite is not needed and its "
                        "reason is not recorded", id, ed);
        return 0;
    }
    if (despite && *despite)
        return 0;
    term_line(stderr,
              "%s: error: the requirement of milestone '%s' (%s) is %s on %s; to mark it done "
              "anyway, say why with --despite \"REASON\"", t->prog, id, text,
              req == EVAL_FALSE ? "not met" : "unknown (data are missing)", ed);
    return 1;
}

static const char done_help[] =
    "usage: %s done MILESTONE --on DATE --by PARTNER [--note TEXT] [--cancelled]\n"
    "               [--despite REASON]\n\n"
    "Records that a milestone was done (or, with --cancelled, cancelled) and\n"
    "appends the event to the ledger.  Only the milestone's owner, or a partner\n"
    "performing the shared_measurement backbone function, may close it.  A\n"
    "milestone whose requirement does not hold on DATE (false, or unknown for\n"
    "want of data) is marked done only with --despite REASON, and then shows as\n"
    "\"done, requirement not met\" with the reason.\n";

static const char reopen_help[] =
    "usage: %s reopen MILESTONE --by PARTNER --reason TEXT [--on DATE]\n\n"
    "Undoes the milestone's done or cancelled event: the event stays in the\n"
    "ledger, a `reopened` event is appended after it, and the milestone is open\n"
    "again (a new done or cancelled event may then be recorded).  Who may reopen\n"
    "is who may close it (see 'done --help').\n"
    "  --reason TEXT    why it is reopened (required)\n"
    "  --on DATE        the day it is reopened (default today)\n";

int ledger_done_cmd(Trk *t, int argc, char **argv)
{
    static const OptSpec opts[] = {{"on", 0, true},         {"by", 0, true},
                                   {"note", 0, true},       {"cancelled", 0, false},
                                   {"despite", 0, true}};
    Opts a;
    if (!trk_args(t, &a, opts, 5, argc, argv, "done"))
        return 2;
    if (opts_get(&a, "help")) {
        term_printf(stdout, done_help, t->prog);
        return 0;
    }
    if (a.npositional != 1 || !opts_get(&a, "on") || !opts_get(&a, "by"))
        return trk_fail(t, "usage: %s done MILESTONE --on DATE --by PARTNER", t->prog);
    bool cancel = opts_get(&a, "cancelled") != NULL;
    int st = may_close(t, &a, a.positional[0], cancel ? "cancel" : "close");
    if (st)
        return st;
    bool holds = true;
    if (!cancel && (st = requirement_met(t, &a, a.positional[0], &holds)) != 0)
        return st;
    int aud;
    const char **val = new_row(t, LC_EVENTS, &aud);
    val[LC_ID] = a.positional[0];
    val[LC_VALUE] = cancel ? "cancelled" : "done";
    if (!cancel && opts_get(&a, "despite") && !holds)
        val[aud] = opts_get(&a, "despite");
    return one_row(t, LC_EVENTS, &a, val);
}

int ledger_reopen_cmd(Trk *t, int argc, char **argv)
{
    static const OptSpec opts[] = {
        {"on", 0, true}, {"by", 0, true}, {"note", 0, true}, {"reason", 0, true}};
    Opts a;
    if (!trk_args(t, &a, opts, 4, argc, argv, "reopen"))
        return 2;
    if (opts_get(&a, "help")) {
        term_printf(stdout, reopen_help, t->prog);
        return 0;
    }
    if (a.npositional != 1 || !opts_get(&a, "by") || !opts_get(&a, "reason"))
        return trk_fail(t, "usage: %s reopen MILESTONE --by PARTNER --reason TEXT", t->prog);
    int st = may_close(t, &a, a.positional[0], "reopen");
    if (st)
        return st;
    int aud;
    const char **val = new_row(t, LC_EVENTS, &aud);
    val[LC_ID] = a.positional[0];
    val[LC_VALUE] = "reopened";
    val[aud] = opts_get(&a, "reason");
    val[LC_DATE] = date_text(t, opts_get(&a, "on") ? opts_get(&a, "on") : "today");
    return one_row(t, LC_EVENTS, &a, val);
}
