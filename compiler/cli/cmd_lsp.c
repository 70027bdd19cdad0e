/* cmd_lsp.c - `charterc lsp`: the language server on standard input and
 * output (compiler/lsp/lsp.h; docs/lsp.md). */
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "lsp.h"

static const OptSpec lsp_opts[] = {
    {"help", 'h', false}, {"stdio", 0, false}, {"checks-url", 0, true},
};

static const char lsp_help[] =
    "usage: charterc lsp [--stdio] [--checks-url URL]\n\n"
    "Runs the Language Server Protocol server on standard input and output, for\n"
    "an editor to start: diagnostics from every check as you type, hover, go to\n"
    "definition, references, the outline, completion, rename, quick fixes and\n"
    "formatting (see docs/lsp.md).\n\n"
    "  --stdio            accepted for the clients that pass it; stdio is the only\n"
    "                     transport\n"
    "  --checks-url URL   where docs/checks.md is, for the links of the findings\n"
    "                     (default: the copy in the source tree, when there is one)\n\n"
    "Exit status: 0 after the client's shutdown and exit, 1 when the session\n"
    "ended without shutdown, 2 bad usage.\n";

int cmd_lsp(int argc, char **argv)
{
    Opts o;
    if (!cli_parse(&o, lsp_opts, sizeof lsp_opts / sizeof lsp_opts[0], argc, argv, "lsp"))
        return 2;
    if (opts_has(&o, "help")) {
        fputs(lsp_help, stdout);
        return 0;
    }
    if (o.npositional > 0)
        return cli_fail("lsp takes no FILE: the editor sends the documents");
    /* The crash hook is read once, here: a testing aid (docs/lsp.md). */
    LspOptions lo = {opts_get(&o, "checks-url"), true, getenv("CHARTERC_LSP_CRASH_METHOD")};
    return lsp_run(STDIN_FILENO, stdout, &lo);
}
