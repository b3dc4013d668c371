/* Open311 GeoReport v2 (issue 16), pure: the parameters and values the
 * specification defines, parsed and written. No I/O; h_open311.c serves
 * the endpoints, open311_store.c holds their SQL. */
#ifndef OPEN311_H
#define OPEN311_H
#include <stddef.h>
#include <time.h>
#include "arena.h"

enum o311_format { O311_JSON, O311_XML };

/* "json" or "xml" (the path's extension), else -1. */
int o311_format_from(const char *ext);
/* Whether a path is one of the interface's (its errors take the
 * specification's form, not the error page). */
int o311_path(const char *path);
/* The format a path of the interface asks for: .xml is XML, anything
 * else JSON. */
enum o311_format o311_path_format(const char *path);

/* A W3C datetime (ISO 8601: YYYY-MM-DDThh:mm[:ss[.fff]] with Z or
 * +hh:mm / -hh:mm; a bare date means its midnight in UTC) as UTC seconds.
 * 0, or -1 when it is not one. */
int o311_parse_time(const char *s, time_t *out);
/* A database UTC time "YYYY-MM-DD hh:mm:ss" as the interface writes it,
 * in Beijing time: "YYYY-MM-DDThh:mm:ss+08:00" (out has 26 bytes). A date
 * "YYYY-MM-DD" (a deadline) becomes the end of that day in Beijing. "" for
 * NULL or a malformed value. */
void o311_time(const char *db, char out[26]);
/* UTC seconds as the database compares them: "YYYY-MM-DD hh:mm:ss". */
void o311_db_time(time_t t, char out[20]);

/* The comma-separated service_request_id list: at most max ids, each 1-48
 * of [A-Za-z0-9-]. Sets *ids to an arena array. 0, or -1. */
int o311_id_list(struct arena *a, const char *s, size_t max, const char ***ids, size_t *n);
/* The status filter: "open", "closed" or both comma-separated. Bit 1 open,
 * bit 2 closed; 0 on a wrong value. */
unsigned o311_status_filter(const char *s);

/* The stored form of an API key: hex SHA-256. */
void o311_key_hash(const char *key, char hex[65]);

/* Whether a key limited to categories ("3,17,22", "" for all) may file in
 * category. */
int o311_key_allows(const char *categories, long long category);

/* What a service definition asks (category_attributes). */
struct o311_attr_def {
	const char *code, *datatype, *description, *list_values;
	int required;
};
/* One attribute[CODE]=value the client sent. */
struct o311_attr {
	const char *code, *value;
};
/* Checks the sent attributes against the definitions: each required one
 * given, every given one defined, numbers numeric, list values among the
 * keys. NULL with *stored ("code=value" lines, arena) when all is well,
 * else the message for the error document. */
const char *o311_check_attrs(struct arena *a, const struct o311_attr_def *defs, size_t ndefs,
			     const struct o311_attr *got, size_t ngot, const char **stored);
/* The values of a singlevaluelist ("key=name" lines): calls fn for each. */
void o311_list_values(const char *lines, void (*fn)(void *ctx, const char *key,
						     size_t klen, const char *name,
						     size_t nlen), void *ctx);

#endif
