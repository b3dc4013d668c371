/* Digests as the product stores them: lower-case hex, SHA-256 through
 * OpenSSL. Pure. */
#ifndef DIGEST_H
#define DIGEST_H
#include <stddef.h>

/* n bytes at p as 2n hex digits and a NUL into out. */
void hex_encode(const unsigned char *p, size_t n, char *out);
/* SHA-256 of n bytes at p, in hex. */
void sha256_hex(const void *p, size_t n, char out[65]);

#endif
