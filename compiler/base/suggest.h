/* suggest.h - "did you mean" suggestions by edit distance. */
#ifndef CHARTER_SUGGEST_H
#define CHARTER_SUGGEST_H

#include <stddef.h>

#include "arena.h"

/* Damerau-Levenshtein distance (optimal string alignment), capped at `max`+1. */
int suggest_distance(const char *a, const char *b, int max);

/* Keeps the best candidate seen so far. */
typedef struct Suggest {
    const char *word;
    const char *best;
    int dist;
} Suggest;

void suggest_init(Suggest *s, const char *word);
void suggest_offer(Suggest *s, const char *candidate);
/* The best candidate close enough to be a plausible typo, or NULL. */
const char *suggest_best(const Suggest *s);
/* Convenience over an array of words. */
const char *suggest_from(const char *word, const char *const *cands, size_t n);

/* Longest name a message quotes whole (docs/security.md): a longer one is
 * quoted as its first bytes and "...", so a message costs a bounded amount
 * whatever the name. */
#define SUGGEST_QUOTE_MAX 64
/* The `n` bytes of `text` as a message quotes them: a copy in `a`, cut at
 * a character boundary when longer than SUGGEST_QUOTE_MAX. */
const char *suggest_quote(Arena *a, const char *text, size_t n);

#endif
