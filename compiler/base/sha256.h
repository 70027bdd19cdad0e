/*
 * sha256: SHA-256 (FIPS 180-4): the hash of a tracker's payload, which
 * every tracker checks at start-up, and of the agreement's source, which
 * `NAME info` prints.  Streaming (init/update/final) plus a one-shot
 * helper that writes lowercase hex.
 */
#ifndef CHARTER_SHA256_H
#define CHARTER_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32
#define SHA256_HEX_SIZE (2 * SHA256_DIGEST_SIZE + 1) /* with the NUL */

typedef struct sha256_ctx {
    uint32_t state[8];
    uint64_t length;   /* bytes hashed so far */
    uint8_t block[64]; /* the partial block not yet compressed */
    size_t used;       /* bytes of block in use; always < 64 between calls */
} sha256_ctx;

void sha256_init(sha256_ctx *ctx);
void sha256_update(sha256_ctx *ctx, const void *data, size_t len);
/* Writes the digest; ctx must be initialised again before reuse. */
void sha256_final(sha256_ctx *ctx, uint8_t digest[SHA256_DIGEST_SIZE]);

/* 64 lowercase hex digits and a NUL. */
void sha256_to_hex(const uint8_t digest[SHA256_DIGEST_SIZE], char hex[SHA256_HEX_SIZE]);
/* One shot: the hex digest of data[0..len). */
void sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_SIZE]);

#endif
