/* lsp.h - the language server of `charterc lsp` (lsp_): the Language
 * Server Protocol 3.17 over a pair of file descriptors, one process per
 * editor session.  docs/lsp.md says what it answers. */
#ifndef CHARTER_LSP_H
#define CHARTER_LSP_H

#include <stdbool.h>
#include <stdio.h>

typedef struct LspOptions {
    /* The address of docs/checks.md, which each diagnostic's
     * codeDescription links to (with `#CHECK`); NULL: the copy in the
     * source tree beside the standard library, if there is one. */
    const char *checks_url;
    /* Whether a crash (a fault or an abort) in one message's handling
     * answers that message with an error and keeps the session, rather
     * than ending the process; never under AddressSanitizer. */
    bool recover;
    /* A testing aid: METHOD[:KIND],... makes the first message of each
     * METHOD crash (KIND segv, bus, fpe or abort; docs/lsp.md); NULL:
     * none.  `charterc lsp` takes it from CHARTERC_LSP_CRASH_METHOD. */
    const char *crash;
} LspOptions;

/* Serves one session: reads messages from `in`, writes to `out`.
 * Returns the exit status the protocol prescribes: 0 after `shutdown`
 * and `exit`, 1 when the session ended without `shutdown`. */
int lsp_run(int in, FILE *out, const LspOptions *o);

#endif
