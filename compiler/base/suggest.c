/* suggest.c - edit distance for "did you mean". */
#include "suggest.h"

#include <ctype.h>
#include <string.h>

int suggest_distance(const char *a, const char *b, int max)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64)
        return max + 1;
    if ((n > m ? n - m : m - n) > (size_t)max)
        return max + 1;
    int d[65][65];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[n][m];
}

void suggest_init(Suggest *s, const char *word)
{
    s->word = word;
    s->best = NULL;
    s->dist = 1 << 30;
}

void suggest_offer(Suggest *s, const char *cand)
{
    if (strcmp(cand, s->word) == 0)
        return;
    int d = suggest_distance(s->word, cand, 8);
    if (d < s->dist || (d == s->dist && s->best && strcmp(cand, s->best) < 0)) {
        s->dist = d;
        s->best = cand;
    }
}

const char *suggest_best(const Suggest *s)
{
    /* One edit in three characters, at least one, at most three. */
    int len = (int)strlen(s->word);
    int limit = len / 3 + 1;
    if (limit > 3)
        limit = 3;
    return s->best && s->dist <= limit ? s->best : NULL;
}

const char *suggest_from(const char *word, const char *const *cands, size_t n)
{
    Suggest s;
    suggest_init(&s, word);
    for (size_t i = 0; i < n; i++)
        suggest_offer(&s, cands[i]);
    return suggest_best(&s);
}

const char *suggest_quote(Arena *a, const char *text, size_t n)
{
    if (n <= SUGGEST_QUOTE_MAX)
        return arena_strndup(a, text, n);
    size_t k = SUGGEST_QUOTE_MAX - 3;
    while (k > 0 && ((unsigned char)text[k] & 0xC0) == 0x80)
        k--;    /* not inside a UTF-8 sequence */
    return arena_printf(a, "%.*s...", (int)k, text);
}
