/* rpc.h - JSON-RPC 2.0 over a byte stream with the Language Server
 * Protocol's framing (rpc_): a header block of `Name: value` lines, each
 * ending in CRLF, then an empty line, then exactly Content-Length bytes of
 * JSON.  The reader owns its buffer and reads with read(2), so the server
 * can tell whether more input is already waiting (rpc_pending) before it
 * spends time on diagnostics that the next change would make stale.
 *
 * Nothing a client sends makes the reader fail for good: a header block
 * without a valid Content-Length, or one above RPC_MAX_BODY, is reported
 * (the body of the latter is read and thrown away in pieces, never held),
 * and reading resumes at the next header block.  Only the end of the
 * input ends the session. */
#ifndef CHARTER_RPC_H
#define CHARTER_RPC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

/* The largest message accepted: a source file at its limit (SRC_MAX_SIZE)
 * with room for JSON's escapes. */
#define RPC_MAX_BODY (160u * 1024 * 1024)
/* The longest header line, and the most lines in one header block. */
#define RPC_MAX_HEADER_LINE 1024
#define RPC_MAX_HEADERS 32

/* JSON-RPC's error codes, and the protocol's own. */
enum {
    RPC_PARSE_ERROR = -32700,
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    RPC_INTERNAL_ERROR = -32603,
    RPC_SERVER_NOT_INITIALIZED = -32002,
    RPC_REQUEST_FAILED = -32803,
};

typedef struct RpcIn {
    int fd;
    char *buf;          /* bytes read and not yet used: buf[pos..len) */
    size_t pos, len, cap;
    bool eof;
} RpcIn;

typedef enum RpcStatus {
    RPC_MESSAGE,        /* *body holds one message (malloc'd, NUL-ended) */
    RPC_BAD_HEADER,     /* a header block without a usable Content-Length */
    RPC_TOO_LARGE,      /* a body above RPC_MAX_BODY, skipped */
    RPC_EOF             /* the input ended */
} RpcStatus;

void rpc_in_init(RpcIn *r, int fd);
void rpc_in_free(RpcIn *r);
/* Reads the next message.  On RPC_BAD_HEADER and RPC_TOO_LARGE, `why`
 * says what was wrong, for the error sent back. */
RpcStatus rpc_read(RpcIn *r, char **body, size_t *len, char *why, size_t whylen);
/* Whether input is waiting: bytes buffered, or readable without blocking. */
bool rpc_pending(RpcIn *r);

/* Writers: each frames one message on `out` and flushes it.  They take
 * (steal) the reference of every json_t passed in; `id` may be NULL for
 * JSON null. */
void rpc_respond(FILE *out, json_t *id, json_t *result);
void rpc_error(FILE *out, json_t *id, int code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void rpc_notify(FILE *out, const char *method, json_t *params);

#endif
