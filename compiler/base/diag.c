/* diag.c - collecting and printing diagnostics.
 *
 * Limits (docs/security.md): at most file_errors_cap (50) language errors
 * are kept per file, then one `limit` error says the rest were dropped, so
 * a file with 100,000 undefined names costs neither hours nor gigabytes.
 * Warnings and the checks' findings are never dropped.  Text is printed
 * through a memory buffer, a few hundred diagnostics per write(). */
#define _POSIX_C_SOURCE 200809L
#include "diag.h"
#include "diag_int.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "checktab.h"

void diag_init(Diag *d, Arena *a, SrcMgr *sm)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
    d->sm = sm;
    d->file_errors_cap = 50;
}

static void count(Diag *d, Severity sev, int delta)
{
    if (sev == SEV_ERROR)
        d->errors += delta;
    else if (sev == SEV_WARNING)
        d->warnings += delta;
    else
        d->notes += delta;
}

/* Whether an error of `check` counts towards the per-file cap: language
 * errors do, except the `limit` errors that report a cap. */
static bool capped(CheckId check)
{
    return check != CHECK_LIMIT && check_table[check].family == CF_LANGUAGE;
}

/* A diagnostic of `check` at `span`, not yet listed: every field that
 * comes from the check table is set here, so that every diagnostic has
 * its id, its check's name and its default severity. */
static Diagnostic *new_diagnostic(Diag *d, CheckId check, Span span, const char *subject)
{
    Diagnostic *g = arena_alloc(d->arena, sizeof *g);
    g->sev = check_table[check].sev;
    g->id = check;
    g->check = check_table[check].name;
    g->span = span;
    g->subject = subject ? subject : "file";
    return g;
}

Diagnostic *diag_report(Diag *d, CheckId check, Span span, const char *subject,
                        const char *fmt, ...)
{
    Severity sev = check_table[check].sev;
    if (sev == SEV_ERROR && span.file != NO_FILE && d->file_errors_cap > 0 && capped(check)) {
        while (d->file_errors.n <= (int)span.file)
            VEC_PUSH(d->arena, d->file_errors, 0);
        int k = ++d->file_errors.v[span.file];
        if (k > d->file_errors_cap) {
            if (k == d->file_errors_cap + 1)
                diag_report(d, CHECK_LIMIT, span, "file",
                            "more than %d errors in this file; the rest are not reported",
                            d->file_errors_cap);
            /* Dropped: the caller may still add a hint or related notes. */
            Diagnostic *g = new_diagnostic(d, check, span, "file");
            g->message = "";
            return g;
        }
    }
    Diagnostic *g = new_diagnostic(d, check, span, subject);
    va_list ap;
    va_start(ap, fmt);
    g->message = arena_vprintf(d->arena, fmt, ap);
    va_end(ap);
    g->seq = d->items.n;
    VEC_PUSH(d->arena, d->items, g);
    count(d, sev, 1);
    return g;
}

void diag_hint(Diag *d, Diagnostic *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g->hint = arena_vprintf(d->arena, fmt, ap);
    va_end(ap);
}

void diag_suggest(Diag *d, Diagnostic *g, const char *word)
{
    diag_hint(d, g, "did you mean '%s'?", word);
    g->fix = arena_strdup(d->arena, word);
}

void diag_replace(Diag *d, Diagnostic *g, const char *text)
{
    diag_hint(d, g, "write %s", text);
    g->fix = arena_strdup(d->arena, text);
}

void diag_related(Diag *d, Diagnostic *g, Span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Related r = {span, arena_vprintf(d->arena, fmt, ap)};
    va_end(ap);
    VEC_PUSH(d->arena, g->related, r);
}

void diag_allow(Diag *d, Diagnostic *g, const char *reason)
{
    if (g->allowed)
        return;
    g->allowed = true;
    g->allow_reason = reason;
    count(d, g->sev, -1);
}

void diag_strict(Diag *d)
{
    for (int i = 0; i < d->items.n; i++) {
        Diagnostic *g = d->items.v[i];
        if (g->sev == SEV_WARNING) {
            if (!g->allowed) {
                d->warnings--;
                d->errors++;
            }
            g->sev = SEV_ERROR;
        }
    }
}

static int cmp_diag(const void *a, const void *b)
{
    const Diagnostic *x = *(Diagnostic *const *)a, *y = *(Diagnostic *const *)b;
    if (x->span.file != y->span.file)
        return x->span.file < y->span.file ? -1 : 1;
    if (x->span.lo != y->span.lo)
        return x->span.lo < y->span.lo ? -1 : 1;
    return x->seq - y->seq;
}

void diag_sort(Diag *d)
{
    if (d->items.n > 1)
        qsort(d->items.v, (size_t)d->items.n, sizeof *d->items.v, cmp_diag);
}

int diag_count_in_file(const Diag *d, uint32_t file)
{
    int n = 0;
    for (int i = 0; i < d->items.n; i++) {
        const Diagnostic *g = d->items.v[i];
        if (g->span.file == file && g->sev == SEV_ERROR)
            n++;
    }
    return n;
}

bool diag_want_color(const char *mode, FILE *f)
{
    if (mode && strcmp(mode, "always") == 0)
        return true;
    if (mode && strcmp(mode, "never") == 0)
        return false;
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        return false;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return isatty(fileno(f));
}

/* ---- text ---------------------------------------------------------- */

const char *diag_sev_name(Severity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

/* GCC's colours: bold locations, red errors, magenta warnings, cyan notes,
 * green carets. */
static const char *sev_color(Severity s)
{
    return s == SEV_ERROR ? "\033[1;31m" : s == SEV_WARNING ? "\033[1;35m" : "\033[1;36m";
}

const char *diag_display(const Diag *d, Span s)
{
    if (s.file == NO_FILE)
        return "charterc";
    return d->sm->files.v[s.file]->display;
}

static void print_head(const Diag *d, FILE *out, Span s, Severity sev, const char *msg,
                       const char *check, bool color)
{
    int line, col;
    src_linecol(d->sm, s, &line, &col);
    if (color)
        fputs("\033[1m", out);
    if (s.file == NO_FILE)
        fprintf(out, "charterc:");
    else
        fprintf(out, "%s:%d:%d:", diag_display(d, s), line, col);
    if (color)
        fprintf(out, "\033[0m %s%s:\033[0m %s", sev_color(sev), diag_sev_name(sev), msg);
    else
        fprintf(out, " %s: %s", diag_sev_name(sev), msg);
    if (check)
        fprintf(out, " [%s]", check);
    fputc('\n', out);
}

/* The source line with a caret under the span.  A long line is shown as a
 * window around the span; a line that is not printable text (a binary
 * file) is not shown at all. */
static void print_excerpt(const Diag *d, FILE *out, Span s, bool color)
{
    if (s.file == NO_FILE)
        return;
    int line, col;
    src_linecol(d->sm, s, &line, &col);
    size_t len;
    const char *text = src_line(d->sm, s.file, line, &len);
    size_t start = (size_t)col - 1, from = 0, to = len;
    enum { WIDTH = 120, BEFORE = 50 };
    if (len > WIDTH) {
        from = start > BEFORE ? start - BEFORE : 0;
        while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80)
            from--;
        to = from + WIDTH < len ? from + WIDTH : len;
        while (to < len && ((unsigned char)text[to] & 0xC0) == 0x80)
            to++;
    }
    /* Only the part shown is looked at: a long line costs no more.  A
     * control character (C0, DEL, C1 as UTF-8's \xC2\x80-\x9F) would act
     * on the terminal, so such a line is not shown. */
    for (size_t i = from; i < to; i++) {
        unsigned char ch = (unsigned char)text[i];
        if ((ch < 0x20 && ch != '\t') || ch == 0x7f ||
            (ch == 0xC2 && i + 1 < to && (unsigned char)text[i + 1] < 0xA0))
            return;
    }
    const char *pre = from > 0 ? "..." : "", *post = to < len ? "..." : "";
    fprintf(out, "%5d | %s%.*s%s\n", line, pre, (int)(to - from), text + from, post);
    fprintf(out, "      | %s", from > 0 ? "   " : "");
    for (size_t i = from; i < start && i < to; i++) {
        if (((unsigned char)text[i] & 0xC0) == 0x80)
            continue;
        fputc(text[i] == '\t' ? '\t' : ' ', out);
    }
    size_t width = s.hi > s.lo ? s.hi - s.lo : 1;
    if (start + width > to)
        width = to > start ? to - start : 1;
    if (color)
        fputs("\033[1;32m", out);
    fputc('^', out);
    for (size_t i = 1; i < width; i++) {
        /* Continuation bytes of a UTF-8 character take no column. */
        if (start + i < len && ((unsigned char)text[start + i] & 0xC0) == 0x80)
            continue;
        fputc('~', out);
    }
    if (color)
        fputs("\033[0m", out);
    fputc('\n', out);
}

void diag_print_one(const Diag *d, const Diagnostic *g, FILE *out, bool color)
{
    print_head(d, out, g->span, g->sev, g->message, g->check, color);
    print_excerpt(d, out, g->span, color);
    for (int i = 0; i < g->related.n; i++) {
        print_head(d, out, g->related.v[i].span, SEV_NOTE, g->related.v[i].message, NULL, color);
        print_excerpt(d, out, g->related.v[i].span, color);
    }
    if (g->hint)
        print_head(d, out, g->span, SEV_NOTE, g->hint, NULL, color);
}

/* ---- machine formats ----------------------------------------------- */

static void json_loc(const Diag *d, Buf *b, Span s, bool with_end)
{
    int line, col;
    src_linecol(d->sm, s, &line, &col);
    buf_puts(b, "\"file\": ");
    buf_json_str(b, s.file == NO_FILE ? "" : diag_display(d, s));
    buf_printf(b, ", \"line\": %d, \"column\": %d", line, col);
    if (with_end) {
        int eline, ecol;
        Span e = s;
        e.lo = s.hi > s.lo ? s.hi : s.lo;
        src_linecol(d->sm, e, &eline, &ecol);
        if (s.hi <= s.lo && s.file != NO_FILE)
            ecol++;
        buf_printf(b, ", \"end_line\": %d, \"end_column\": %d", eline, ecol);
    }
}

static void print_json(const Diag *d, Buf *b)
{
    buf_puts(b, "{ \"version\": 1,\n  \"findings\": [");
    for (int i = 0; i < d->items.n; i++) {
        const Diagnostic *g = d->items.v[i];
        buf_puts(b, i ? ",\n    " : "\n    ");
        buf_puts(b, "{ \"check\": ");
        buf_json_str(b, g->check);
        buf_printf(b, ", \"severity\": \"%s\", ", diag_sev_name(g->sev));
        json_loc(d, b, g->span, true);
        buf_puts(b, ", \"subject\": ");
        buf_json_str(b, g->subject);
        buf_puts(b, ", \"message\": ");
        buf_json_str(b, g->message);
        if (g->hint) {
            buf_puts(b, ", \"hint\": ");
            buf_json_str(b, g->hint);
        }
        if (g->fix) {
            buf_puts(b, ", \"fix\": ");
            buf_json_str(b, g->fix);
        }
        if (g->allowed) {
            buf_puts(b, ", \"allowed\": true, \"reason\": ");
            buf_json_str(b, g->allow_reason ? g->allow_reason : "");
        }
        buf_puts(b, ", \"related\": [");
        for (int k = 0; k < g->related.n; k++) {
            buf_puts(b, k ? ", { " : " { ");
            json_loc(d, b, g->related.v[k].span, false);
            buf_puts(b, ", \"message\": ");
            buf_json_str(b, g->related.v[k].message);
            buf_puts(b, " }");
        }
        buf_puts(b, g->related.n ? " ] }" : "] }");
    }
    buf_printf(b, "%s],\n  \"summary\": { \"errors\": %d, \"warnings\": %d, \"notes\": %d } }\n",
               d->items.n ? "\n  " : " ", d->errors, d->warnings, d->notes);
}

/* GitHub workflow commands: the message is one line, with %, CR and LF
 * escaped; properties also escape : and ,. */
static void gh_escape(FILE *out, const char *s, bool prop)
{
    for (; *s; s++) {
        if (*s == '%')
            fputs("%25", out);
        else if (*s == '\r')
            fputs("%0D", out);
        else if (*s == '\n')
            fputs("%0A", out);
        else if (prop && *s == ':')
            fputs("%3A", out);
        else if (prop && *s == ',')
            fputs("%2C", out);
        else
            fputc(*s, out);
    }
}

static void print_github(const Diag *d, FILE *out, int from, int to)
{
    for (int i = from; i < to; i++) {
        const Diagnostic *g = d->items.v[i];
        if (g->allowed)
            continue;
        fprintf(out, "::%s ", g->sev == SEV_ERROR ? "error" : g->sev == SEV_WARNING ? "warning" : "notice");
        if (g->span.file != NO_FILE) {
            /* GitHub shows the annotation in its web pages, whose strings
             * count UTF-16 code units, as SARIF's utf16CodeUnits does. */
            int line, col;
            src_linecol_utf16(d->sm, g->span, &line, &col);
            fputs("file=", out);
            gh_escape(out, diag_display(d, g->span), true);
            fprintf(out, ",line=%d,col=%d,", line, col);
        }
        fputs("title=", out);
        gh_escape(out, g->check, true);
        fputs("::", out);
        gh_escape(out, g->message, false);
        if (g->hint) {
            fputs("%0A", out);
            gh_escape(out, g->hint, false);
        }
        fputc('\n', out);
    }
}

void diag_print(const Diag *d, FILE *out, DiagFormat fmt, bool color)
{
    if (fmt == FMT_JSON || fmt == FMT_SARIF) {
        Buf b;
        buf_init(&b);
        if (fmt == FMT_JSON)
            print_json(d, &b);
        else
            diag_print_sarif(d, &b);
        fwrite(b.data, 1, b.len, out);
        buf_free(&b);
        return;
    }
    /* Text and workflow commands go through a memory stream, CHUNK
     * diagnostics at a time: stderr is unbuffered, and a character at a
     * time is a system call each. */
    enum { CHUNK = 256 };
    for (int i = 0; i < d->items.n;) {
        char *mem = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&mem, &len);
        FILE *to = m ? m : out;
        int end = i + CHUNK < d->items.n ? i + CHUNK : d->items.n;
        if (fmt == FMT_GITHUB)
            print_github(d, to, i, end);
        else
            for (; i < end; i++)
                if (!d->items.v[i]->allowed)
                    diag_print_one(d, d->items.v[i], to, color);
        i = end;
        if (m) {
            fclose(m);
            fwrite(mem, 1, len, out);
            free(mem);
        }
    }
    fflush(out);
}
