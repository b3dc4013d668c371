#include "digest.h"

#include <openssl/evp.h>
#include <string.h>

void hex_encode(const unsigned char *p, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[p[i] >> 4];
		out[2 * i + 1] = hex[p[i] & 15];
	}
	out[2 * n] = '\0';
}

void sha256_hex(const void *p, size_t n, char out[65])
{
	unsigned char md[32];
	unsigned int len = sizeof md;
	if (EVP_Digest(p, n, md, &len, EVP_sha256(), NULL) != 1) {
		/* Matches no stored digest (those are hex). */
		memset(out, 'x', 64);
		out[64] = '\0';
		return;
	}
	hex_encode(md, sizeof md, out);
}
