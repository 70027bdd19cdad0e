/* diag_sarif.c - the findings as one SARIF 2.1.0 log (`charterc check
 * --format sarif`), as GitHub code scanning and the OASIS schema accept it.
 *
 * What the specification asks and this file keeps (docs/cli.md):
 * - an artifact's `uri` is a URI reference (RFC 3986): paths are
 *   percent-encoded, a relative path never reads as a scheme, an absolute
 *   one is a file:/// URI; standard input has no URI, so it is an entry of
 *   `run.artifacts` named by index and described as standard input;
 * - `run.columnKind` is "utf16CodeUnits" and every column is counted so,
 *   not in bytes (src_linecol_utf16);
 * - a finding's hint is part of its message, a mechanical one ("did you
 *   mean") is also a `fix`, and its related locations are
 *   `relatedLocations`. */
#define _POSIX_C_SOURCE 200809L
#include "diag_int.h"

#include <string.h>

#include "checktab.h"
#include "version.h"

/* Path bytes kept as they are: the unreserved characters of RFC 3986 and
 * the two other characters a path segment may hold whatever its place,
 * ':' (but see sarif_uri) and '@'.  Every other byte, UTF-8 included, is
 * percent-encoded with upper-case digits, the normal form SARIF compares
 * (3.10.1).  The sub-delimiters (",", "+", ";", ...) are legal in a path
 * but encoded too: some consumers split on them or read "+" as a space. */
static bool uri_keeps(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           strchr("-._~:@", c) != NULL;
}

/* Appends the URI reference of the file `f` (its display path).  An
 * absolute path becomes "file:///..." (3.10.2: no host, "." and empty
 * segments removed, and a path with ".." taken canonical, which is the
 * real path the file was read from).  A relative path stays a relative
 * reference with "." and empty segments removed; when its first segment
 * holds a ':' it starts with "./", since "a:b.charter" would read as the
 * scheme "a". */
static void sarif_uri(Buf *b, const SrcFile *f)
{
    const char *p = f->display;
    bool absolute = p[0] == '/';
    if (absolute) {
        for (const char *q = p; (q = strstr(q, "..")); q += 2)
            if (q[-1] == '/' && (q[2] == '/' || q[2] == '\0') && f->real[0] == '/') {
                p = f->real;
                break;
            }
        buf_puts(b, "file://");
    }
    bool first = true;
    while (*p) {
        size_t n = strcspn(p, "/");
        if (!(n == 0 || (n == 1 && p[0] == '.'))) {
            if (absolute || !first)
                buf_putc(b, '/');
            else if (memchr(p, ':', n))
                buf_puts(b, "./");
            for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)p[i];
                if (uri_keeps(c))
                    buf_putc(b, (char)c);
                else
                    buf_printf(b, "%%%02X", c);
            }
            first = false;
        }
        p += n + (p[n] == '/');
    }
    if (absolute && first)
        buf_putc(b, '/');
}

/* What every location of the log needs to name its file: the artifact
 * index of each file read from standard input (-1 for the others). */
typedef struct Sarif {
    const Diag *d;
    Buf *b;
    int *artifact;
} Sarif;

static void artifact_location(Sarif *s, uint32_t file)
{
    Buf *b = s->b;
    if (s->artifact[file] >= 0) {
        buf_printf(b, "{ \"index\": %d, \"description\": { \"text\": \"standard input\" } }",
                   s->artifact[file]);
        return;
    }
    Buf u;
    buf_init(&u);
    sarif_uri(&u, s->d->sm->files.v[file]);
    buf_puts(b, "{ \"uri\": ");
    buf_json_str(b, buf_cstr(&u));
    buf_puts(b, " }");
    buf_free(&u);
}

/* The region of `span`, its columns in UTF-16 code units; an empty span
 * covers one column, as in the other formats. */
static void region(Sarif *s, Span span)
{
    int line, col, eline, ecol;
    src_linecol_utf16(s->d->sm, span, &line, &col);
    Span e = span;
    e.lo = span.hi > span.lo ? span.hi : span.lo;
    src_linecol_utf16(s->d->sm, e, &eline, &ecol);
    if (span.hi <= span.lo)
        ecol++;
    buf_printf(s->b, "{ \"startLine\": %d, \"startColumn\": %d, \"endLine\": %d, \"endColumn\": %d }",
               line, col, eline, ecol);
}

static void physical_location(Sarif *s, Span span)
{
    buf_puts(s->b, "\"physicalLocation\": { \"artifactLocation\": ");
    artifact_location(s, span.file);
    buf_puts(s->b, ", \"region\": ");
    region(s, span);
    buf_puts(s->b, " }");
}

static void rules(Buf *b)
{
    buf_puts(b, "\n      \"rules\": [");
    for (int i = 0; i < CHECK_COUNT; i++) {
        const CheckInfo *c = &check_table[i];
        buf_puts(b, i ? ",\n        " : "\n        ");
        buf_puts(b, "{ \"id\": ");
        buf_json_str(b, c->name);
        buf_puts(b, ", \"shortDescription\": { \"text\": ");
        buf_json_str(b, c->summary);
        buf_puts(b, " }, \"help\": { \"text\": ");
        Buf h;
        buf_init(&h);
        check_reference(c, &h);
        buf_json_str(b, buf_cstr(&h));
        buf_free(&h);
        buf_printf(b, " }, \"defaultConfiguration\": { \"level\": \"%s\" } }",
                   diag_sev_name(c->sev));
    }
    buf_puts(b, " ] } },\n");
}

/* The files read from standard input, which have no URI. */
static void artifacts(Sarif *s)
{
    const SrcMgr *sm = s->d->sm;
    int n = 0;
    for (int i = 0; i < sm->files.n; i++) {
        s->artifact[i] = -1;
        if (!sm->files.v[i]->is_stdin)
            continue;
        buf_puts(s->b, n ? ",\n      " : "    \"artifacts\": [\n      ");
        buf_printf(s->b, "{ \"location\": { \"index\": %d, \"description\": { \"text\": "
                         "\"standard input\" } }, \"roles\": [ \"analysisTarget\", "
                         "\"standardStream\" ] }", n);
        s->artifact[i] = n++;
    }
    if (n)
        buf_puts(s->b, " ],\n");
}

/* The hint's replacement of the finding's span, when it has one and the
 * span is one word on one line. */
static void fixes(Sarif *s, const Diagnostic *g)
{
    Buf *b = s->b;
    buf_puts(b, ", \"fixes\": [ { \"description\": { \"text\": ");
    buf_json_str(b, g->hint);
    buf_puts(b, " }, \"artifactChanges\": [ { \"artifactLocation\": ");
    artifact_location(s, g->span.file);
    buf_puts(b, ", \"replacements\": [ { \"deletedRegion\": ");
    region(s, g->span);
    buf_puts(b, ", \"insertedContent\": { \"text\": ");
    buf_json_str(b, g->fix);
    buf_puts(b, " } } ] } ] } ]");
}

static void result(Sarif *s, const Diagnostic *g)
{
    Buf *b = s->b;
    buf_puts(b, "{ \"ruleId\": ");
    buf_json_str(b, g->check);
    buf_printf(b, ", \"ruleIndex\": %d, \"level\": \"%s\", \"message\": { \"text\": ", (int)g->id,
               diag_sev_name(g->sev));
    if (g->hint) {
        /* The hint in the message too: GitHub shows neither notes nor fixes. */
        Buf m;
        buf_init(&m);
        buf_printf(&m, "%s\n%s", g->message, g->hint);
        buf_json_str(b, buf_cstr(&m));
        buf_free(&m);
    } else {
        buf_json_str(b, g->message);
    }
    buf_puts(b, " }");
    if (g->span.file != NO_FILE) {
        buf_puts(b, ", \"locations\": [ { ");
        physical_location(s, g->span);
        buf_puts(b, " } ]");
    }
    int k = 0;
    for (int i = 0; i < g->related.n; i++) {
        const Related *r = &g->related.v[i];
        if (r->span.file == NO_FILE)
            continue;
        buf_printf(b, k ? ", { \"id\": %d, " : ", \"relatedLocations\": [ { \"id\": %d, ", k + 1);
        physical_location(s, r->span);
        buf_puts(b, ", \"message\": { \"text\": ");
        buf_json_str(b, r->message);
        buf_puts(b, " } }");
        k++;
    }
    if (k)
        buf_puts(b, " ]");
    if (g->fix && g->hint && g->span.file != NO_FILE && g->span.hi > g->span.lo) {
        int line, eline, col;
        src_linecol(s->d->sm, g->span, &line, &col);
        src_linecol(s->d->sm, (Span){g->span.file, g->span.hi, g->span.hi}, &eline, &col);
        if (eline == line)      /* a word, as diag_suggest() promises */
            fixes(s, g);
    }
    if (g->allowed) {
        buf_puts(b, ", \"suppressions\": [ { \"kind\": \"inSource\", \"justification\": ");
        buf_json_str(b, g->allow_reason ? g->allow_reason : "");
        buf_puts(b, " } ]");
    }
    buf_puts(b, " }");
}

void diag_print_sarif(const Diag *d, Buf *b)
{
    Sarif s = {d, b, arena_alloc(d->arena, sizeof(int) * ((size_t)d->sm->files.n + 1))};
    buf_puts(b, "{\n  \"$schema\": "
                "\"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json\",\n"
                "  \"version\": \"2.1.0\",\n  \"runs\": [ {\n"
                "    \"tool\": { \"driver\": { \"name\": \"charterc\", \"version\": \"" CHARTER_VERSION
                "\",");
    rules(b);
    artifacts(&s);
    buf_puts(b, "    \"columnKind\": \"utf16CodeUnits\",\n    \"results\": [");
    for (int i = 0; i < d->items.n; i++) {
        buf_puts(b, i ? ",\n      " : "\n      ");
        result(&s, d->items.v[i]);
    }
    buf_puts(b, d->items.n ? "\n    ] } ]\n}\n" : " ] } ]\n}\n");
}
