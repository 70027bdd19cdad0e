/* main.c - the tracker program: `NAME COMMAND [OPTIONS]`.
 *
 * This file is the runtime `charter-runtime`; `charterc tracker` appends an
 * agreement to a copy of it (see compiler/bundle/bundle.h), and each copy is the
 * tracker of its agreement. */
#define _POSIX_C_SOURCE 200809L
#include <string.h>

#include "due.h"
#include "ical.h"
#include "ledger.h"
#include "report.h"
#include "sha256.h"
#include "status.h"
#include "suggest.h"
#include "term.h"
#include "trk.h"
#include "version.h"

typedef struct Cmd {
    const char *name;
    int (*run)(Trk *t, int argc, char **argv);
    const char *summary;
} Cmd;

static int info_cmd(Trk *t, int argc, char **argv);

static const Cmd cmds[] = {
    {"status", status_cmd, "the scorecard: goals, indicators, milestones, partners"},
    {"validate", ledger_validate_cmd, "check data files against the agreement"},
    {"import", ledger_import_cmd, "validate a data file, then add all its rows to the ledger"},
    {"record", ledger_record_cmd, "add one observation: record INDICATOR VALUE --on DATE --by PARTNER"},
    {"done", ledger_done_cmd, "mark a milestone done: done MILESTONE --on DATE --by PARTNER"},
    {"correct", ledger_correct_cmd, "correct an observation: correct INDICATOR VALUE --on DATE --by PARTNER --reason TEXT"},
    {"retract", ledger_retract_cmd, "retract an observation: retract INDICATOR --on DATE --by PARTNER --reason TEXT"},
    {"reopen", ledger_reopen_cmd, "undo a milestone's done or cancelled: reopen MILESTONE --by PARTNER --reason TEXT"},
    {"due", due_cmd, "what is due: milestones and expected reports"},
    {"report", report_cmd, "a self-contained HTML dashboard with charts"},
    {"calendar", ical_cmd, "an iCalendar file of milestones, meetings, reports and reviews"},
    {"info", info_cmd, "the agreement, the SHA-256 of its sources, the compiler version"},
};
enum { NCMDS = sizeof cmds / sizeof cmds[0] };

static void usage(const Trk *t, FILE *out)
{
    term_printf(out, "usage: %s [--data DIR] [--allow-extern] COMMAND [OPTIONS]\n\n", t->prog);
    term_printf(out, "The progress tracker of the agreement '%s'", t->ag->d.id);
    if (t->ag->d.title)
        term_printf(out, " (%s)", t->ag->d.title);
    term_printf(out, ".\nIt carries the agreement; the progress data are CSV files in a ledger "
                     "folder.\n\ncommands:\n");
    for (int i = 0; i < NCMDS; i++)
        term_printf(out, "  %-9s %s\n", cmds[i].name, cmds[i].summary);
    term_printf(out, "\noptions of every command:\n"
                 "  --data DIR       the ledger folder (default: ./%s-data), holding\n"
                 "                   observations.csv and events.csv\n"
                 "  --allow-extern   load the user libraries that formulas call\n"
                 "  --help           the options of a command: '%s COMMAND --help'\n\n"
                 "Exit status: 0 success, 1 the data have errors, 2 the command could not run.\n",
            t->ag->d.id, t->prog);
}

static int info_cmd(Trk *t, int argc, char **argv)
{
    Opts a;
    if (!trk_args(t, &a, NULL, 0, argc, argv, "info"))
        return 2;
    if (opts_get(&a, "help")) {
        term_printf(stdout, "usage: %s info\n\nThe agreement this tracker carries: its id, title, version and "
               "term, its source\nfiles with the SHA-256 of the root file and of all of them, "
               "the translations of its\ntext it carries (for --lang), and the version of the "
               "compiler that made the\ntracker.\n", t->prog);
        return 0;
    }
    if (a.npositional > 0)
        return trk_fail(t, "info takes no argument '%s'", a.positional[0]);
    const Agreement *ag = t->ag;
    const MemFile *root = &t->bundle.files[0];
    char hex[SHA256_HEX_SIZE], all[SHA256_HEX_SIZE], d1[16], d2[16];
    sha256_hex(root->text, root->len, hex);
    sha256_to_hex(t->bundle.sha256, all);
    term_printf(stdout, "agreement  %s\n", ag->d.id);
    term_printf(stdout, "title      %s\n", ag->d.title ? ag->d.title : "");
    term_printf(stdout, "version    %s\n", ag->version ? ag->version : "(none)");
    if (ag->term_start != DATE_NONE)
        term_printf(stdout, "term       %s to %s\n", date_iso(ag->term_start, d1),
               ag->term_end != DATE_NONE ? date_iso(ag->term_end, d2) : "?");
    term_printf(stdout, "source     %s\n", root->display);
    term_printf(stdout, "sha256     %s\n", hex);
    term_printf(stdout, "files      ");
    for (int i = 0; i < t->bundle.nfiles; i++)
        term_printf(stdout, "%s%s", i ? ", " : "", t->bundle.files[i].display);
    /* trk_load() refused a payload that does not match its hash. */
    term_printf(stdout, "\nbundle     %s (all files; verified)\n", all);
    if (t->bundle.npo > 0) {
        term_printf(stdout, "languages  ");
        for (int i = 0; i < t->bundle.npo; i++)
            term_printf(stdout, "%s%s (%s)", i ? ", " : "", t->bundle.po[i].lang,
                        t->bundle.po[i].display);
        term_printf(stdout, "\n");
    }
    term_printf(stdout, "compiler   charterc %s\n", t->bundle.version);
    term_printf(stdout, "runtime    charter-runtime %s\n", CHARTER_VERSION);
    term_printf(stdout, "data       %s\n", t->data_dir);
    return 0;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

int main(int argc, char **argv)
{
    const char *prog = argc > 0 ? base_name(argv[0]) : "tracker";
    /* The command is the first word that is not an option or its value. */
    int at = -1;
    bool want_help = false, want_version = false;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (strcmp(s, "--") == 0)
            break;
        if (strcmp(s, "--data") == 0 || strcmp(s, "-d") == 0) {
            i++;
            continue;
        }
        if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0)
            want_help = true;
        else if (strcmp(s, "--version") == 0)
            want_version = true;
        else if (s[0] != '-') {
            at = i;
            break;
        }
    }
    Trk t;
    if (trk_load(&t, prog) != 0) {
        if (want_version && at < 0 && !t.damaged) {
            term_printf(stdout, "charter-runtime %s (carries no agreement)\n", CHARTER_VERSION);
            return 0;
        }
        return 2;
    }
    /* The commands that read the ledger start reading it before the
     * agreement is compiled (score_start); the others compile first. */
    const char *name = at >= 0 ? argv[at] : "";
    bool early = strcmp(name, "status") == 0 || strcmp(name, "due") == 0 ||
                 strcmp(name, "report") == 0;
    if (!early && trk_compile(&t) != 0) {
        trk_free(&t);
        return 2;
    }
    int st;
    if (at < 0) {
        if (want_version) {
            term_printf(stdout, "%s: the tracker of agreement %s%s%s (charter-runtime %s, made by charterc %s)\n",
                   prog, t.ag->d.id, t.ag->version ? " version " : "",
                   t.ag->version ? t.ag->version : "", CHARTER_VERSION, t.bundle.version);
            st = 0;
        } else if (want_help) {
            usage(&t, stdout);
            st = 0;
        } else {
            usage(&t, stderr);
            st = 2;
        }
        trk_free(&t);
        return st;
    }
    if (strcmp(name, "help") == 0) {
        /* `help COMMAND` is `COMMAND --help`. */
        if (at + 1 < argc) {
            name = argv[at + 1];
            char *hargv[] = {(char *)name, "--help", NULL};
            for (int i = 0; i < NCMDS; i++)
                if (strcmp(cmds[i].name, name) == 0) {
                    st = cmds[i].run(&t, 2, hargv);
                    trk_free(&t);
                    return st;
                }
        }
        usage(&t, stdout);
        trk_free(&t);
        return 0;
    }
    /* argv for the command: its name, then every other argument in order. */
    char **cargv = arena_alloc(t.a, sizeof *cargv * (size_t)(argc + 1));
    int cargc = 0;
    cargv[cargc++] = (char *)name;
    for (int i = 1; i < argc; i++)
        if (i != at)
            cargv[cargc++] = argv[i];
    for (int i = 0; i < NCMDS; i++)
        if (strcmp(cmds[i].name, name) == 0) {
            st = cmds[i].run(&t, cargc, cargv);
            trk_free(&t);
            return st;
        }
    const char *names[NCMDS];
    for (int i = 0; i < NCMDS; i++)
        names[i] = cmds[i].name;
    const char *sg = suggest_from(name, names, NCMDS);
    if (sg)
        st = trk_fail(&t, "unknown command '%s'; did you mean '%s'?", name, sg);
    else
        st = trk_fail(&t, "unknown command '%s' (see '%s --help')", name, prog);
    trk_free(&t);
    return st;
}
