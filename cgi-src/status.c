#include "status.h"

#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "digest.h"

int qcode_from_bytes(const unsigned char *rnd, size_t n, char out[QCODE_LEN + 1])
{
	static const char alphabet[] = QCODE_ALPHABET;
	const unsigned size = sizeof alphabet - 1;
	const unsigned limit = 256 / size * size;
	size_t got = 0;
	for (size_t i = 0; i < n && got < QCODE_LEN; i++)
		if (rnd[i] < limit)
			out[got++] = alphabet[rnd[i] % size];
	out[got] = '\0';
	return got == QCODE_LEN ? 0 : -1;
}

int qcode_new(char out[QCODE_LEN + 1])
{
	for (int tries = 0; tries < 8; tries++) {
		unsigned char rnd[32];
		if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd)
			return -1;
		if (qcode_from_bytes(rnd, sizeof rnd, out) == 0)
			return 0;
	}
	return -1;
}

int qcode_normalize(const char *in, char out[QCODE_LEN + 1])
{
	size_t n = 0;
	for (const char *p = in; *p; p++) {
		char c = *p;
		if (c == ' ' || c == '-')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (n == QCODE_LEN || strchr(QCODE_ALPHABET, c) == NULL)
			return -1;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == QCODE_LEN ? 0 : -1;
}

void qcode_hash(const char *number, const char *code, char hex[65])
{
	char buf[160];
	int len = snprintf(buf, sizeof buf, "%s:%s", number, code);
	if (len < 0 || (size_t)len >= sizeof buf) {
		/* Matches no stored hash (those are hex). */
		memset(hex, 'x', 64);
		hex[64] = '\0';
		return;
	}
	sha256_hex(buf, (size_t)len, hex);
}

int status_last_four(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return s[4] == '\0';
}

/* The events a caller is told of, in the words of a public page. */
static const struct { const char *kind, *label; int unit; } public_events[] = {
	{ "open311", "已收到诉求，等待受理", 0 },
	{ "answer", "已受理并当场解答", 0 },
	{ "three_way", "已受理，经三方通话解答", 0 },
	{ "refer", "已告知转其他渠道办理", 0 },
	{ "dispatch", "已受理，交办", 1 },
	{ "accept", "承办单位已签收，正在办理", 0 },
	{ "redispatch", "已改由其他单位办理，交办", 1 },
	{ "determined", "已明确承办单位，交办", 1 },
	{ "reply", "承办单位已答复，待审核", 0 },
	{ "send_back", "答复未通过审核，承办单位重新办理", 0 },
	{ "close", "已办结", 0 },
	{ "reopen", "已重新交办", 0 },
	{ "merge", "与相同诉求合并办理", 0 },
};

const char *status_event_label(const char *kind)
{
	for (size_t i = 0; i < sizeof public_events / sizeof public_events[0]; i++)
		if (strcmp(public_events[i].kind, kind) == 0)
			return public_events[i].label;
	return NULL;
}

int status_event_names_unit(const char *kind)
{
	for (size_t i = 0; i < sizeof public_events / sizeof public_events[0]; i++)
		if (strcmp(public_events[i].kind, kind) == 0)
			return public_events[i].unit;
	return 0;
}
