#include "open311.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"

int o311_format_from(const char *ext)
{
	if (ext == NULL)
		return -1;
	return strcmp(ext, "json") == 0 ? O311_JSON : strcmp(ext, "xml") == 0 ? O311_XML : -1;
}

#define PREFIX "/open311/"

int o311_path(const char *path)
{
	return path != NULL && strncmp(path, PREFIX, sizeof PREFIX - 1) == 0;
}

enum o311_format o311_path_format(const char *path)
{
	size_t n = path ? strlen(path) : 0;
	return n > 4 && strcmp(path + n - 4, ".xml") == 0 ? O311_XML : O311_JSON;
}

/* n digits at *p as a number; advances *p. -1 if they are not digits. */
static int digits(const char **p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++, (*p)++) {
		if (**p < '0' || **p > '9')
			return -1;
		v = v * 10 + (**p - '0');
	}
	return v;
}

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : d[m - 1];
}

int o311_parse_time(const char *s, time_t *out)
{
	const char *p = s;
	int y = digits(&p, 4);
	if (y < 1970 || *p++ != '-')
		return -1;
	int mo = digits(&p, 2);
	if (mo < 1 || mo > 12 || *p++ != '-')
		return -1;
	int d = digits(&p, 2);
	if (d < 1 || d > days_in_month(y, mo))
		return -1;
	int h = 0, mi = 0, sec = 0, off = 0;
	if (*p == 'T') {
		p++;
		h = digits(&p, 2);
		if (h < 0 || h > 23 || *p++ != ':')
			return -1;
		mi = digits(&p, 2);
		if (mi < 0 || mi > 59)
			return -1;
		if (*p == ':') {
			p++;
			sec = digits(&p, 2);
			if (sec < 0 || sec > 59)
				return -1;
			if (*p == '.') {
				p++;
				if (*p < '0' || *p > '9')
					return -1;
				while (*p >= '0' && *p <= '9')
					p++;
			}
		}
		if (*p == 'Z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			int sign = *p++ == '-' ? -1 : 1;
			int oh = digits(&p, 2);
			if (oh < 0 || oh > 14 || *p++ != ':')
				return -1;
			int om = digits(&p, 2);
			if (om < 0 || om > 59)
				return -1;
			off = sign * (oh * 3600 + om * 60);
		} else {
			return -1;   /* the specification's datetimes carry a zone */
		}
	}
	if (*p != '\0')
		return -1;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
			 .tm_hour = h, .tm_min = mi, .tm_sec = sec };
	*out = timegm(&tm) - off;
	return 0;
}

void o311_time(const char *db, char out[26])
{
	out[0] = '\0';
	if (db == NULL)
		return;
	struct tm tm = { 0 };
	const char *end;
	size_t n = strlen(db);
	if (n == 10) {
		end = strptime(db, "%Y-%m-%d", &tm);
		if (end == NULL || *end != '\0')
			return;
		snprintf(out, 26, "%sT23:59:59+08:00", db);
		return;
	}
	end = strptime(db, "%Y-%m-%d %H:%M:%S", &tm);
	if (end == NULL || *end != '\0')
		return;
	time_t t = timegm(&tm) + 8 * 3600;
	struct tm bj;
	gmtime_r(&t, &bj);
	strftime(out, 26, "%Y-%m-%dT%H:%M:%S+08:00", &bj);
}

void o311_db_time(time_t t, char out[20])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

int o311_id_list(struct arena *a, const char *s, size_t max, const char ***ids, size_t *n)
{
	*n = 0;
	*ids = arena_alloc(a, (max + 1) * sizeof **ids);
	const char *p = s;
	for (;;) {
		size_t len = strcspn(p, ",");
		if (len == 0 || len > 48 || *n == max)
			return -1;
		for (size_t i = 0; i < len; i++) {
			char c = p[i];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			      (c >= '0' && c <= '9') || c == '-'))
				return -1;
		}
		(*ids)[(*n)++] = arena_strndup(a, p, len);
		if (p[len] == '\0')
			return 0;
		p += len + 1;
	}
}

unsigned o311_status_filter(const char *s)
{
	unsigned m = 0;
	const char *p = s;
	for (;;) {
		size_t len = strcspn(p, ",");
		if (len == 4 && strncmp(p, "open", 4) == 0)
			m |= 1;
		else if (len == 6 && strncmp(p, "closed", 6) == 0)
			m |= 2;
		else
			return 0;
		if (p[len] == '\0')
			return m;
		p += len + 1;
	}
}

void o311_key_hash(const char *key, char hex[65])
{
	sha256_hex(key, strlen(key), hex);
}

int o311_key_allows(const char *categories, long long category)
{
	if (categories == NULL || *categories == '\0')
		return 1;
	const char *p = categories;
	while (*p) {
		char *end;
		long long v = strtoll(p, &end, 10);
		if (end == p)
			return 0;
		if (v == category)
			return 1;
		p = *end == ',' ? end + 1 : end;
		if (*end != ',' && *end != '\0')
			return 0;
	}
	return 0;
}

void o311_list_values(const char *lines, void (*fn)(void *ctx, const char *key, size_t klen,
						     const char *name, size_t nlen),
		      void *ctx)
{
	const char *p = lines ? lines : "";
	while (*p) {
		size_t len = strcspn(p, "\n");
		const char *eq = memchr(p, '=', len);
		if (eq != NULL && eq > p)
			fn(ctx, p, (size_t)(eq - p), eq + 1, len - (size_t)(eq - p) - 1);
		p += len;
		if (*p == '\n')
			p++;
	}
}

struct key_find {
	const char *value;
	int found;
};

static void key_is(void *ctx, const char *key, size_t klen, const char *name, size_t nlen)
{
	(void)name;
	(void)nlen;
	struct key_find *k = ctx;
	if (strlen(k->value) == klen && strncmp(k->value, key, klen) == 0)
		k->found = 1;
}

static int numeric(const char *s)
{
	char *end;
	if (*s == '\0')
		return 0;
	(void)strtod(s, &end);
	return *end == '\0';
}

const char *o311_check_attrs(struct arena *a, const struct o311_attr_def *defs, size_t ndefs,
			     const struct o311_attr *got, size_t ngot, const char **stored)
{
	struct buf b;
	buf_init(&b, a);
	for (size_t i = 0; i < ngot; i++) {
		const struct o311_attr_def *d = NULL;
		for (size_t k = 0; k < ndefs && d == NULL; k++)
			if (strcmp(defs[k].code, got[i].code) == 0)
				d = &defs[k];
		if (d == NULL)
			return arena_printf(a, "attribute[%s] is not an attribute of this service",
					    got[i].code);
		if (strcmp(d->datatype, "number") == 0 && !numeric(got[i].value))
			return arena_printf(a, "attribute[%s] must be a number", got[i].code);
		if (strcmp(d->datatype, "singlevaluelist") == 0) {
			struct key_find k = { got[i].value, 0 };
			o311_list_values(d->list_values, key_is, &k);
			if (!k.found)
				return arena_printf(a, "attribute[%s] must be one of the listed keys",
						    got[i].code);
		}
		if (strchr(got[i].value, '\n') && strcmp(d->datatype, "text") != 0)
			return arena_printf(a, "attribute[%s] must be one line", got[i].code);
		buf_printf(&b, "%s=%s\n", got[i].code, got[i].value);
	}
	for (size_t k = 0; k < ndefs; k++) {
		if (!defs[k].required)
			continue;
		int given = 0;
		for (size_t i = 0; i < ngot; i++)
			given |= strcmp(defs[k].code, got[i].code) == 0 && *got[i].value != '\0';
		if (!given)
			return arena_printf(a, "attribute[%s] is required: %s", defs[k].code,
					    defs[k].description);
	}
	*stored = buf_str(&b);
	return NULL;
}
