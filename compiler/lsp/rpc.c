/* rpc.c - reading and writing framed JSON-RPC messages (rpc.h). */
#include "rpc.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void rpc_in_init(RpcIn *r, int fd)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
}

void rpc_in_free(RpcIn *r)
{
    free(r->buf);
    memset(r, 0, sizeof *r);
}

/* Reads more input into the buffer; false at the end of the input. */
static bool fill(RpcIn *r)
{
    if (r->eof)
        return false;
    if (r->pos > 0 && r->pos == r->len)
        r->pos = r->len = 0;
    if (r->len == r->cap) {
        if (r->pos > 0) {
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->len -= r->pos;
            r->pos = 0;
        } else {
            size_t nc = r->cap ? r->cap * 2 : 65536;
            char *nb = realloc(r->buf, nc);
            if (!nb) {
                r->eof = true;
                return false;
            }
            r->buf = nb;
            r->cap = nc;
        }
    }
    for (;;) {
        ssize_t n = read(r->fd, r->buf + r->len, r->cap - r->len);
        if (n > 0) {
            r->len += (size_t)n;
            return true;
        }
        if (n < 0 && errno == EINTR)
            continue;
        r->eof = true;
        return false;
    }
}

bool rpc_pending(RpcIn *r)
{
    if (r->pos < r->len)
        return true;
    /* POLLIN only: a closed pipe (POLLHUP) has nothing more to read. */
    struct pollfd p = {r->fd, POLLIN, 0};
    return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

/* The next header line without its CRLF (a lone LF is accepted too) in
 * `line`; *over when it was longer than RPC_MAX_HEADER_LINE (the rest is
 * skipped).  False at the end of the input. */
static bool read_line(RpcIn *r, char *line, bool *over)
{
    size_t n = 0;
    *over = false;
    for (;;) {
        if (r->pos == r->len && !fill(r))
            return false;
        char c = r->buf[r->pos++];
        if (c == '\n')
            break;
        if (n < RPC_MAX_HEADER_LINE)
            line[n++] = c;
        else
            *over = true;
    }
    if (n > 0 && line[n - 1] == '\r')
        n--;
    line[n] = '\0';
    return true;
}

/* Reads the header block; returns the Content-Length, or -1 with `why`. */
static long long read_headers(RpcIn *r, bool *eof, char *why, size_t whylen)
{
    char line[RPC_MAX_HEADER_LINE + 1];
    long long length = -1;
    int nlines = 0;
    bool bad = false, over;
    *eof = false;
    for (;;) {
        if (!read_line(r, line, &over)) {
            *eof = true;
            return -1;
        }
        if (line[0] == '\0' && !over) {
            if (nlines == 0)
                continue;   /* blank lines between messages */
            break;
        }
        /* Every line counts, a bad one too: the blank line after it ends
         * the block instead of passing for one between messages. */
        nlines++;
        if (bad)
            continue;
        if (over || nlines > RPC_MAX_HEADERS) {
            snprintf(why, whylen, over ? "a header line is longer than %d bytes"
                                       : "more than %d header lines",
                     over ? RPC_MAX_HEADER_LINE : RPC_MAX_HEADERS);
            bad = true;
            continue;
        }
        char *colon = strchr(line, ':');
        if (!colon) {
            snprintf(why, whylen, "a header line without ':'");
            bad = true;
        } else if ((size_t)(colon - line) == 14 && strncasecmp(line, "Content-Length", 14) == 0) {
            char *v = colon + 1, *end;
            while (*v == ' ' || *v == '\t')
                v++;
            errno = 0;
            long long n = strtoll(v, &end, 10);
            while (*end == ' ' || *end == '\t')
                end++;
            if (*v < '0' || *v > '9' || *end || errno == ERANGE || n < 0) {
                snprintf(why, whylen, "Content-Length is not a number of bytes");
                bad = true;
            } else
                length = n;
        }
        /* Content-Type and any other header: accepted and ignored. */
    }
    if (bad)
        return -1;
    if (length < 0)
        snprintf(why, whylen, "a message without Content-Length");
    return length;
}

RpcStatus rpc_read(RpcIn *r, char **body, size_t *len, char *why, size_t whylen)
{
    bool eof;
    long long n = read_headers(r, &eof, why, whylen);
    if (eof)
        return RPC_EOF;
    if (n < 0)
        return RPC_BAD_HEADER;
    if ((unsigned long long)n > RPC_MAX_BODY) {
        snprintf(why, whylen, "a message of %lld bytes, above the limit of %u", n, RPC_MAX_BODY);
        while (n > 0) {
            if (r->pos == r->len && !fill(r))
                break;
            size_t take = r->len - r->pos < (unsigned long long)n ? r->len - r->pos : (size_t)n;
            r->pos += take;
            n -= (long long)take;
        }
        return r->eof && n > 0 ? RPC_EOF : RPC_TOO_LARGE;
    }
    char *b = malloc((size_t)n + 1);
    if (!b)
        return RPC_EOF;
    size_t got = 0;
    while (got < (size_t)n) {
        if (r->pos == r->len && !fill(r)) {
            free(b);
            return RPC_EOF;
        }
        size_t take = r->len - r->pos < (size_t)n - got ? r->len - r->pos : (size_t)n - got;
        memcpy(b + got, r->buf + r->pos, take);
        r->pos += take;
        got += take;
    }
    b[n] = '\0';
    *body = b;
    *len = (size_t)n;
    return RPC_MESSAGE;
}

static void send(FILE *out, json_t *msg)
{
    json_object_set_new(msg, "jsonrpc", json_string("2.0"));
    /* JSON_COMPACT keeps messages small; jansson escapes every control
     * character and writes valid UTF-8 only. */
    char *text = json_dumps(msg, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(msg);
    if (!text)
        return;
    size_t n = strlen(text);
    fprintf(out, "Content-Length: %zu\r\n\r\n", n);
    fwrite(text, 1, n, out);
    fflush(out);
    free(text);
}

void rpc_respond(FILE *out, json_t *id, json_t *result)
{
    json_t *m = json_object();
    json_object_set_new(m, "id", id ? id : json_null());
    json_object_set_new(m, "result", result ? result : json_null());
    send(out, m);
}

void rpc_error(FILE *out, json_t *id, int code, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    json_t *m = json_object();
    json_object_set_new(m, "id", id ? id : json_null());
    json_object_set_new(m, "error", json_pack("{s:i,s:s}", "code", code, "message", msg));
    send(out, m);
}

void rpc_notify(FILE *out, const char *method, json_t *params)
{
    json_t *m = json_object();
    json_object_set_new(m, "method", json_string(method));
    json_object_set_new(m, "params", params ? params : json_null());
    send(out, m);
}
