/* opts.h - command-line options (opts_): the one parser behind charterc's
 * subcommands and the tracker's commands.
 *
 * An argument is an option (--name, --name=value, --name value, -x,
 * -x value) or a positional argument.  `-` alone is positional (standard
 * input or output), and after `--` every argument is.  A mistake (an
 * unknown option, a missing or unwanted value) is one message on standard
 * error, "PROG: error: ...", with "did you mean" for a misspelt long
 * option; the caller then exits 2. */
#ifndef CHARTER_OPTS_H
#define CHARTER_OPTS_H

#include <stdbool.h>

enum { OPTS_MAX = 32, OPTS_MAX_POSITIONAL = 256 };

typedef struct OptSpec {
    const char *name;   /* long name without dashes, e.g. "format" */
    char short_name;    /* 0 for none */
    bool has_value;
} OptSpec;

/* What a program adds to the options of each of its commands. */
typedef struct OptsProgram {
    const char *name;           /* messages start "NAME: error: " */
    const OptSpec *common;      /* options every command takes; may be NULL */
    int ncommon;
    bool numbers_positional;    /* "-3" and "-.5" are arguments, not options */
    /* Prints an error message (the tracker escapes control characters from
     * the arguments, runtime/term.h); NULL prints "NAME: error: TEXT". */
    void (*error)(const char *name, const char *text);
} OptsProgram;

typedef struct Opts {
    const OptSpec *specs;       /* the command's options */
    int nspecs;
    const OptSpec *common;      /* then the program's */
    int ncommon;
    /* By index into specs, then common: the last value given, "" for a
     * flag given, NULL when absent. */
    const char *values[OPTS_MAX];
    char *positional[OPTS_MAX_POSITIONAL];
    int npositional;
} Opts;

/* Parses argv[1..] of command `cmd` against specs and the program's common
 * options (together at most OPTS_MAX).  False after a message. */
bool opts_parse(Opts *o, const OptsProgram *prog, const char *cmd, const OptSpec *specs,
                int nspecs, int argc, char **argv);
/* The value of option `name` ("" for a flag), or NULL when it was not given. */
const char *opts_get(const Opts *o, const char *name);
bool opts_has(const Opts *o, const char *name);

#endif
