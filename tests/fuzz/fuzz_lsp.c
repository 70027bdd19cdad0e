/* fuzz_lsp.c - libFuzzer harness for the language server: the input is
 * a stream of bytes on the server's standard input, read by the message
 * reader (rpc.c: headers, Content-Length, bodies) and handed to the
 * dispatcher and every handler (lsp*.c), with the diagnostics published
 * when the input is drained.
 *
 * When the first byte is odd, the stream starts with a session already
 * under way (initialize, with snippets, initialized, and a small agreement
 * opened as file:///fuzz.charter), so that the fuzzer's requests reach the
 * handlers; when it is even, the input is the whole stream, and the
 * lifecycle itself is fuzzed.  The stream goes through a pipe, as from an
 * editor; the server's output goes to /dev/null. */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lsp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const prefix_msgs[] = {
    "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"capabilities\":"
    "{\"textDocument\":{\"completion\":{\"completionItem\":{\"snippetSupport\":true}}},"
    "\"workspace\":{\"workspaceEdit\":{\"snippetEditSupport\":true}}}}}",
    "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
    "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
    "{\"uri\":\"file:///fuzz.charter\",\"languageId\":\"charter\",\"version\":1,\"text\":"
    "\"agreement demo \\\"D\\\" {\\n  term 2024-01-01 to 2025-12-31\\n  lead city\\n}\\n"
    "partner city \\\"C\\\" {\\n  sector government\\n  level local\\n}\\n"
    "goal g \\\"G\\\" { by 2025-06-30 }\\nmilestone m \\\"M\\\" {\\n  due 2025-01-01\\n"
    "  owner citty\\n}\\n\"}}}",
};

/* Writes all of buf to fd; 0 when the pipe would not take it. */
static int put(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w <= 0)
            return 0;
        p += w;
        n -= (size_t)w;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *null;
    if (!null)
        null = fopen("/dev/null", "w");
    if (!null || size == 0)
        return 0;
    int fds[2];
    if (pipe(fds) != 0)
        return 0;
    /* The whole stream is written before the server reads: the pipe must
     * hold it (the run's -max_len is 64 KiB). */
    fcntl(fds[1], F_SETPIPE_SZ, 1 << 20);
    fcntl(fds[1], F_SETFL, O_NONBLOCK);     /* a full pipe: skip, never block */
    int ok = 1;
    if (data[0] & 1)
        for (size_t i = 0; ok && i < sizeof prefix_msgs / sizeof prefix_msgs[0]; i++) {
            char head[64];
            int n = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n",
                             strlen(prefix_msgs[i]));
            ok = put(fds[1], head, (size_t)n) && put(fds[1], prefix_msgs[i], strlen(prefix_msgs[i]));
        }
    ok = ok && put(fds[1], data + 1, size - 1);
    close(fds[1]);
    if (ok)
        lsp_run(fds[0], null, NULL);
    close(fds[0]);
    return 0;
}
