/* main.c - charterc: one program with subcommands, in the style of git. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "suggest.h"
#include "version.h"

typedef struct Command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} Command;

static const Command commands[] = {
    {"check", cmd_check, "parse, resolve and run every check; print the findings"},
    {"explain", cmd_explain, "print the reference text of a check"},
    {"impact", cmd_impact, "what breaks if a partner withdraws"},
    {"new", cmd_new, "write a starter agreement that check walks you through"},
    {"fmt", cmd_fmt, "rewrite files in the canonical layout, comments kept"},
    {"doc", cmd_doc, "write the formal agreement, or a partner's commitment sheet"},
    {"graph", cmd_graph, "draw the schedule (Gantt chart) or the partner network"},
    {"build", cmd_build, "write the documents, sheets and pictures into one folder"},
    {"diff", cmd_diff, "what changed between two revisions, and who must sign again"},
    {"i18n", cmd_i18n, "the agreement's texts for translators (FILE.pot), or merged into FILE.LANG.po"},
    {"export", cmd_export, "the resolved model as JSON, for dashboards and other tools"},
    {"tracker", cmd_tracker, "write the executable progress tracker of an agreement"},
    {"lsp", cmd_lsp, "the language server an editor starts: findings as you type"},
};

enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

static void usage(FILE *out)
{
    fputs("usage: charterc [--version] [--help] COMMAND [OPTIONS] [FILE...]\n\n"
          "Charter checks partnership agreements for gaps and conflicts and turns\n"
          "them into documents and a progress tracker.\n\ncommands:\n", out);
    for (int i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\nRun 'charterc COMMAND --help' for the options of a command.\n"
          "Exit status: 0 success, 1 the input has errors, 2 the command could not run.\n", out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("charterc " CHARTER_VERSION "\n");
        return 0;
    }
    for (int i = 0; i < NCOMMANDS; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    const char *names[NCOMMANDS];
    for (int i = 0; i < NCOMMANDS; i++)
        names[i] = commands[i].name;
    const char *s = suggest_from(argv[1], names, NCOMMANDS);
    if (s)
        return cli_fail("unknown command '%s'; did you mean '%s'?", argv[1], s);
    return cli_fail("unknown command '%s' (see 'charterc --help')", argv[1]);
}
