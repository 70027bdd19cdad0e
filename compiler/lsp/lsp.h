/* lsp.h - the language server of `charterc lsp` (lsp_): the Language
 * Server Protocol 3.17 over a pair of file descriptors, one process per
 * editor session.  docs/lsp.md says what it answers. */
#ifndef CHARTER_LSP_H
#define CHARTER_LSP_H

#include <stdio.h>

typedef struct LspOptions {
    /* The address of docs/checks.md, which each diagnostic's
     * codeDescription links to (with `#CHECK`); NULL: the copy in the
     * source tree beside the standard library, if there is one. */
    const char *checks_url;
} LspOptions;

/* Serves one session: reads messages from `in`, writes to `out`.
 * Returns the exit status the protocol prescribes: 0 after `shutdown`
 * and `exit`, 1 when the session ended without `shutdown`. */
int lsp_run(int in, FILE *out, const LspOptions *o);

#endif
