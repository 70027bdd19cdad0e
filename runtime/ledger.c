/* ledger.c - the commands validate, import, record and done (ledger_).
 * See ledger.h; the rows are checked by ledger_check.c and written by
 * ledger_write.c. */
#define _POSIX_C_SOURCE 200809L
#include "ledger.h"

#include <stdlib.h>
#include <string.h>

#include "ledger_check.h"
#include "ledger_write.h"
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

/* One row given on the command line, checked like a file's: val holds
 * the command's own columns; the options record and done share (--on,
 * where today is the date, --by and --note) fill the others. */
static int one_row(Trk *t, LCheckKind kind, const Opts *a, const char **val)
{
    val[LC_DATE] = opts_get(a, "on");
    if (strcmp(val[LC_DATE], "today") == 0) {
        char d[16];
        val[LC_DATE] = arena_strdup(t->a, date_iso(t->today, d));
    }
    val[LC_WHO] = opts_get(a, "by");
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
    if (lcheck_row(&c, &row)) {
        VEC_PUSH(t->a, c.rows, row);
        hmap_str_put(&c.keys, row.key, strlen(row.key), 0);
    } else {
        c.bad_rows = 1;
    }
    int st = lwrite_commit(&c, "recorded");
    lcheck_free(&c);
    return st;
}

static const char record_help[] =
    "usage: %s record INDICATOR VALUE --on DATE --by PARTNER [--note TEXT]\n"
    "                 [--breakdown DIM=VALUE,...]\n\n"
    "Validates one observation and appends it to the ledger (see 'validate').\n"
    "  --on DATE        the date the value is for (YYYY-MM-DD or today)\n"
    "  --by PARTNER     the reporting partner\n"
    "  --note TEXT      a note kept with the row\n"
    "  --breakdown ...  a breakdown cell, e.g. gender=female,region=north\n";

int ledger_record_cmd(Trk *t, int argc, char **argv)
{
    static const OptSpec opts[] = {
        {"on", 0, true}, {"by", 0, true}, {"note", 0, true}, {"breakdown", 0, true}};
    Opts a;
    if (!trk_args(t, &a, opts, 4, argc, argv, "record"))
        return 2;
    if (opts_get(&a, "help")) {
        term_printf(stdout, record_help, t->prog);
        return 0;
    }
    if (a.npositional != 2 || !opts_get(&a, "on") || !opts_get(&a, "by"))
        return trk_fail(t, "usage: %s record INDICATOR VALUE --on DATE --by PARTNER", t->prog);
    int nd = t->m->dimensions.n;
    const char **val = arena_alloc(t->a, sizeof *val * (size_t)(LC_DIM0 + nd));
    val[LC_ID] = a.positional[0];
    val[LC_VALUE] = a.positional[1];
    const char *bd = opts_get(&a, "breakdown");
    if (bd && *bd) {
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
    }
    return one_row(t, LC_OBS, &a, val);
}

static const char done_help[] =
    "usage: %s done MILESTONE --on DATE --by PARTNER [--note TEXT] [--cancelled]\n\n"
    "Records that a milestone was done (or, with --cancelled, cancelled) and\n"
    "appends the event to the ledger.\n";

int ledger_done_cmd(Trk *t, int argc, char **argv)
{
    static const OptSpec opts[] = {
        {"on", 0, true}, {"by", 0, true}, {"note", 0, true}, {"cancelled", 0, false}};
    Opts a;
    if (!trk_args(t, &a, opts, 4, argc, argv, "done"))
        return 2;
    if (opts_get(&a, "help")) {
        term_printf(stdout, done_help, t->prog);
        return 0;
    }
    if (a.npositional != 1 || !opts_get(&a, "on") || !opts_get(&a, "by"))
        return trk_fail(t, "usage: %s done MILESTONE --on DATE --by PARTNER", t->prog);
    const char *val[LC_DIM0] = {0};
    val[LC_ID] = a.positional[0];
    val[LC_VALUE] = opts_get(&a, "cancelled") ? "cancelled" : "done";
    return one_row(t, LC_EVENTS, &a, val);
}
