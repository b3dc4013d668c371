#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum ctype { C_STR, C_INT, C_LONG };

struct ckey {
	const char *name;
	enum ctype type;
	size_t off;
	size_t size;
	long min, max;
};

#define S(k) { #k, C_STR, offsetof(struct config, k), sizeof(((struct config *)0)->k), 0, 0 }
#define I(k, lo, hi) { #k, C_INT, offsetof(struct config, k), 0, lo, hi }
#define L(k, lo, hi) { #k, C_LONG, offsetof(struct config, k), 0, lo, hi }

static const struct ckey keys[] = {
	S(listen), I(threads, 1, 256), S(db_host), I(db_port, 0, 65535),
	S(db_socket), S(db_read_socket), I(db_read_max_lag, 1, 86400), S(db_user), S(db_password), S(db_name), S(templates),
	S(sql_dir), L(body_limit, 1024, 64L * 1024 * 1024),
	I(session_idle_min, 1, 24 * 60), I(session_max_hours, 1, 24 * 7),
	I(cookie_secure, 0, 1), I(public_max_age, 0, 3600), S(log), S(pid_file),
	S(search_index), S(search), I(search_poll_ms, 50, 60000),
	I(login_addr_max, 1, 100000), S(public_origin), I(debug_headers, 0, 1),
};

static void defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->listen, sizeof c->listen, "/run/hotline/hotlined.sock");
	c->threads = 8;
	snprintf(c->db_host, sizeof c->db_host, "localhost");
	snprintf(c->db_user, sizeof c->db_user, "hotline");
	snprintf(c->db_name, sizeof c->db_name, "hotline");
	snprintf(c->templates, sizeof c->templates, "/usr/share/hotline/templates");
	snprintf(c->sql_dir, sizeof c->sql_dir, "/usr/share/hotline/sql");
	c->body_limit = 1024 * 1024;
	c->session_idle_min = 30;
	c->session_max_hours = 12;
	c->public_max_age = 5;
	snprintf(c->search_index, sizeof c->search_index, "/var/lib/hotline/search");
	snprintf(c->search, sizeof c->search, "index");
	c->search_poll_ms = 250;
	c->db_read_max_lag = 30;
	c->login_addr_max = 30;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
			 s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static int set_key(struct config *c, const char *k, const char *v)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const struct ckey *d = &keys[i];
		if (strcmp(d->name, k) != 0)
			continue;
		char *field = (char *)c + d->off;
		if (d->type == C_STR) {
			size_t n = strlen(v);
			if (n >= d->size)
				return -1;
			memcpy(field, v, n + 1);
			return 0;
		}
		char *end;
		errno = 0;
		long n = strtol(v, &end, 10);
		if (errno || *v == '\0' || *end != '\0' || n < d->min || n > d->max)
			return -1;
		if (d->type == C_INT)
			*(int *)field = (int)n;
		else
			*(long *)field = n;
		return 0;
	}
	return -1;
}

int config_load(struct config *c, const char *path)
{
	defaults(c);
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	char line[1024];
	int lineno = 0, rc = 0;
	while (fgets(line, sizeof line, f) != NULL) {
		lineno++;
		char *s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (eq == NULL) {
			fprintf(stderr, "%s:%d: expected key = value\n", path, lineno);
			rc = -1;
			continue;
		}
		*eq = '\0';
		char *k = trim(s), *v = trim(eq + 1);
		if (set_key(c, k, v) < 0) {
			fprintf(stderr, "%s:%d: bad key or value for '%s'\n", path,
				lineno, k);
			rc = -1;
		}
	}
	fclose(f);
	if (strcmp(c->search, "index") != 0 && strcmp(c->search, "sql") != 0) {
		fprintf(stderr, "%s: search must be index or sql\n", path);
		rc = -1;
	}
	return rc;
}
