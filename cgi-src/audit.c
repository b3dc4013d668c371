#include "audit.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

static void feed(EVP_MD_CTX *ctx, const char *s)
{
	/* A unit separator between fields keeps "ab"+"c" apart from "a"+"bc". */
	if (s != NULL)
		EVP_DigestUpdate(ctx, s, strlen(s));
	EVP_DigestUpdate(ctx, "\x1f", 1);
}

static void feed_int(EVP_MD_CTX *ctx, long long v)
{
	char n[32];
	snprintf(n, sizeof n, "%lld", v);
	feed(ctx, n);
}

void audit_hash(const struct audit_rec *r, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	feed_int(ctx, r->id);
	feed(ctx, r->at);
	feed_int(ctx, r->actor_user_id);
	feed_int(ctx, r->actor_unit_id);
	feed_int(ctx, r->actor_jur_id);
	feed(ctx, r->client_addr);
	feed(ctx, r->action);
	feed(ctx, r->object_type);
	feed_int(ctx, r->object_id);
	feed(ctx, r->detail);
	feed(ctx, r->prev_hash);
	EVP_DigestFinal_ex(ctx, md, &len);
	EVP_MD_CTX_free(ctx);
	static const char hex[] = "0123456789abcdef";
	for (unsigned i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
}

long audit_verify(const struct audit_rec *rows, size_t n, const char *prev_hash)
{
	char h[65];
	for (size_t i = 0; i < n; i++) {
		const char *expect_prev = i == 0 ? prev_hash : rows[i - 1].hash;
		if (rows[i].prev_hash == NULL || rows[i].hash == NULL ||
		    strcmp(rows[i].prev_hash, expect_prev) != 0)
			return (long)i;
		audit_hash(&rows[i], h);
		if (strcmp(h, rows[i].hash) != 0)
			return (long)i;
	}
	return -1;
}
