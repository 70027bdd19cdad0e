/* cli.h - the subcommands of charterc and what they share.
 *
 * Each subcommand is `int cmd_NAME(int argc, char **argv)` (argv[0] is the
 * subcommand's name) returning the exit status: 0 success, 1 the input has
 * errors (or --check/--fail-on found what it looks for), 2 the command
 * could not run.  A new subcommand adds one line to the table in main.c. */
#ifndef CHARTER_CLI_H
#define CHARTER_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "compile.h"
#include "opts.h"

int cmd_check(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_impact(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_fmt(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_doc(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_tracker(int argc, char **argv);
int cmd_lsp(int argc, char **argv);
int cmd_i18n(int argc, char **argv);

/* Parses a subcommand's options (opts.h) as charterc: messages start
 * "charterc: error: "; false after one (the caller exits 2). */
bool cli_parse(Opts *o, const OptSpec *specs, int nspecs, int argc, char **argv, const char *cmd);
/* Prints "charterc: error: ..." on stderr; returns 2. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Whether colour is wanted on stderr for this command's --color. */
bool cli_color(const Opts *o);
/* Chooses the language of fixed text from --lang (lang.h; English when
 * absent).  False after the message (the caller exits 2) for a language
 * Charter does not ship or whose catalogue is missing. */
bool cli_lang(const Opts *o);
/* The time a Word file records: $SOURCE_DATE_EPOCH when set (date.h),
 * else 0 (the renderer makes it 1980-01-01).  False after the message when
 * the variable is set to something else than seconds. */
bool cli_source_epoch(long long *epoch);

/* Compiles a file and prints its language errors (text on stderr).
 * Returns the Compilation, or NULL when the file could not be read or has
 * language errors; *status is then 1 or 2.  For back ends that need a
 * model without errors. */
Compilation *cli_compile(const char *path, bool color, int *status);

struct Translation;
/* The translations of the compiled agreement into `lang` (FILE.LANG.po,
 * translation.h), one with `missing` set when there is no such file; NULL
 * after the messages when it cannot be read (*status 2) or has errors
 * (*status 1: the diagnostics are printed, text on stderr). */
struct Translation *cli_translation(Compilation *c, const char *lang, bool color, int *status);
/* For the commands that write documents with --lang: the model's texts
 * replaced by their translations into `lang` (nothing when lang is NULL
 * or the agreement has no FILE.LANG.po).
 * Returns 0, or the exit status after the messages. */
int cli_translate(Compilation *c, const char *lang, bool color);

/* 0, or 2 after a message when `out` (the file -o names) is the agreement
 * or a file it uses: writing it would destroy the source. */
int cli_refuse_source(const Compilation *c, const char *out);

#endif
