/* lsp_text.c - the block structure of a document's text, read without
 * parsing it: which `{ }` block a position is in, the statement that
 * opens it, the statements already in it, and where a line can be added
 * to it.  Completion needs this while the document is being typed and so
 * seldom parses; strings (plain and `"""`) and `#` comments are skipped as
 * the scanner skips them, so a brace inside them does not count. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lsp_int.h"

static bool word_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_';
}

/* When text[p] starts a comment or a string, the offset just past it (a
 * plain string ends at its quote or, unterminated, at the end of the
 * line); otherwise p. */
static size_t skip_text(const char *t, size_t n, size_t p)
{
    if (t[p] == '#') {
        while (p < n && t[p] != '\n')
            p++;
        return p;
    }
    if (t[p] != '"')
        return p;
    if (p + 2 < n && t[p + 1] == '"' && t[p + 2] == '"') {
        for (p += 3; p < n; p++) {
            if (t[p] == '\\' && p + 1 < n)
                p++;
            else if (p + 2 < n && t[p] == '"' && t[p + 1] == '"' && t[p + 2] == '"')
                return p + 3;
        }
        return n;
    }
    for (p++; p < n && t[p] != '"' && t[p] != '\n'; p++)
        if (t[p] == '\\' && p + 1 < n && t[p + 1] != '\n')
            p++;
    return p < n && t[p] == '"' ? p + 1 : p;
}

/* The first word of the line of `at` into out (empty when the line starts
 * with no word). */
static void line_head(const char *t, size_t at, char *out, size_t outn)
{
    size_t p = at;
    while (p > 0 && t[p - 1] != '\n')
        p--;
    while (t[p] == ' ' || t[p] == '\t')
        p++;
    size_t w = p;
    while (word_char(t[p]) && p - w < outn - 1)
        p++;
    memcpy(out, t + w, p - w);
    out[p - w] = '\0';
}

/* The statements directly in the block whose content starts at `from`
 * (the first words of its lines at its own depth), the line of `skip`
 * left out; scanning stops at the block's `}`. */
static void gather(const char *t, size_t n, size_t from, size_t skip, LspBlock *b)
{
    size_t skip_lo = skip, skip_hi = skip;
    while (skip_lo > 0 && t[skip_lo - 1] != '\n')
        skip_lo--;
    while (skip_hi < n && t[skip_hi] != '\n')
        skip_hi++;
    int depth = 0;
    bool line_start = true;
    for (size_t p = from; p < n;) {
        size_t q = skip_text(t, n, p);
        if (q != p) {
            line_start = false;
            p = q;
            continue;
        }
        char ch = t[p];
        if (ch == '\n')
            line_start = true;
        else if (ch == '{')
            depth++;
        else if (ch == '}' && depth-- == 0)
            return;
        if (line_start && depth == 0 && word_char(ch) && (p < skip_lo || p > skip_hi)) {
            size_t w = p;
            while (p < n && word_char(t[p]))
                p++;
            char **ng = realloc(b->given, sizeof *ng * (size_t)(b->ngiven + 1));
            char *word = malloc(p - w + 1);
            if (ng)
                b->given = ng;
            if (ng && word) {
                memcpy(word, t + w, p - w);
                word[p - w] = '\0';
                b->given[b->ngiven++] = word;
            } else
                free(word);
            line_start = false;
            continue;
        }
        if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n')
            line_start = false;
        p++;
    }
}

bool lsp_text_block(const char *t, size_t n, uint32_t off, LspBlock *b)
{
    memset(b, 0, sizeof *b);
    b->open = UINT32_MAX;
    if (off > n)
        return false;
    /* The `{` of each open block, innermost last; past the array's depth
     * only the count is kept, and such a deep position is not answered. */
    enum { DEPTH = 64 };
    size_t opens[DEPTH];
    int depth = 0;
    for (size_t p = 0; p < off;) {
        size_t q = skip_text(t, n, p);
        if (q != p) {
            if (q > off || (q == off && t[q - 1] != '\n' && t[p] == '#'))
                return false;   /* in a string or a comment */
            p = q;
            continue;
        }
        if (t[p] == '{') {
            if (depth < DEPTH)
                opens[depth] = p;
            depth++;
        } else if (t[p] == '}' && depth > 0)
            depth--;
        p++;
    }
    if (depth > DEPTH)
        return false;
    if (depth > 0) {
        b->open = (uint32_t)opens[depth - 1];
        line_head(t, opens[depth - 1], b->head, sizeof b->head);
        if (!b->head[0])
            return false;
    }
    gather(t, n, depth > 0 ? opens[depth - 1] + 1 : 0, off, b);
    return true;
}

void lsp_block_free(LspBlock *b)
{
    for (int i = 0; i < b->ngiven; i++)
        free(b->given[i]);
    free(b->given);
    b->given = NULL;
    b->ngiven = 0;
}

/* The indentation of the line of `at`, as a count of its leading blanks. */
static int indent_of(const char *t, size_t at)
{
    size_t p = at;
    while (p > 0 && t[p - 1] != '\n')
        p--;
    int k = 0;
    while (t[p + (size_t)k] == ' ' || t[p + (size_t)k] == '\t')
        k++;
    return k;
}

bool lsp_text_append_point(const char *t, size_t n, Span decl, uint32_t *at, int *indent)
{
    if (decl.hi == 0 || decl.hi > n || t[decl.hi - 1] != '}')
        return false;
    size_t close = decl.hi - 1, p = close;
    while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '\t'))
        p--;
    if (p > 0 && t[p - 1] != '\n')
        return false;   /* `{ ... }` on one line: no line to add before */
    *at = (uint32_t)p;
    *indent = indent_of(t, decl.lo) + 2;
    return true;
}

uint32_t lsp_text_top(const char *t, size_t n)
{
    size_t p = 0;
    for (;;) {
        size_t q = p;
        while (q < n && (t[q] == ' ' || t[q] == '\t' || t[q] == '\r'))
            q++;
        if (q < n && (t[q] == '#' || t[q] == '\n')) {
            while (q < n && t[q] != '\n')
                q++;
            if (q == n)
                return (uint32_t)n;
            p = q + 1;
            continue;
        }
        return (uint32_t)p;
    }
}
