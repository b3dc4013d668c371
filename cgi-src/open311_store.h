/* The SQL of the Open311 interface (issue 16): API keys, services
 * (categories) and their attributes, requests filed and read. */
#ifndef OPEN311_STORE_H
#define OPEN311_STORE_H
#include "db.h"

/* The live key whose SHA-256 is hash (hex), or *k NULL. */
#define O311_KEY_ROW(X, S)                                                   \
	X(S, INT, id, "id")                                                  \
	X(S, STR, source, "source")                                          \
	X(S, STR, categories, "categories")
DB_ROW_STRUCT(o311_key_row, O311_KEY_ROW);
int o311_key_find(struct db *db, struct arena *a, const char *hash, struct o311_key_row **k);
/* Every key, newest first, for the admin's page. */
#define O311_KEYS_ROW(X, S)                                                  \
	X(S, INT, id, "k.id")                                                \
	X(S, STR, source, "k.source")                                        \
	X(S, STR, categories, "k.categories")                                \
	X(S, STR, created, DB_BJ_MINUTE("k.created_at"))                     \
	X(S, STR, revoked, DB_BJ_MINUTE("k.revoked_at"))                     \
	X(S, INT, requests, "(SELECT COUNT(*) FROM open311_requests r WHERE r.key_id = k.id)")
DB_ROW_STRUCT(o311_keys_row, O311_KEYS_ROW);
int o311_keys(struct db *db, struct arena *a, struct o311_keys_row **v, size_t *n);
int o311_key_add(struct db *db, struct arena *a, const char *source, const char *hash,
		 const char *categories, long long user, long long *id);
/* DB_CONFLICT when the key is unknown or revoked already. */
int o311_key_revoke(struct db *db, struct arena *a, long long id, long long user);

/* The services: active leaf categories that are work-order matters (not
 * referred elsewhere), with their group (the parent's name). */
#define O311_SERVICE_ROW(X, S)                                               \
	X(S, INT, id, "c.id")                                                \
	X(S, STR, name, "c.name")                                            \
	X(S, STR, grp, "p.name")                                             \
	X(S, STR, description, "c.description")                              \
	X(S, INT, metadata, "EXISTS (SELECT 1 FROM category_attributes a"     \
	  " WHERE a.category_id = c.id AND a.active = 1)")
DB_ROW_STRUCT(o311_service_row, O311_SERVICE_ROW);
int o311_services(struct db *db, struct arena *a, struct o311_service_row **v, size_t *n);
/* One service and its attributes (one row per attribute; attr_code NULL
 * when it has none); no rows when it is not a service. jur: the
 * jurisdiction a request names by code ("" for the city): jur_id 0 when
 * there is no such active one. */
#define O311_DEF_ROW(X, S)                                                   \
	X(S, INT, id, "c.id")                                                \
	X(S, INT, jur_id, "COALESCE(j.id, 0)")                               \
	X(S, STR, jur_code, "j.code")                                        \
	X(S, NSTR, attr_code, "a.code")                                      \
	X(S, STR, datatype, "a.datatype")                                    \
	X(S, INT, required, "a.required")                                    \
	X(S, STR, attr_description, "a.description")                         \
	X(S, STR, list_values, "a.list_values")                              \
	X(S, INT, sort_order, "a.sort_order")
DB_ROW_STRUCT(o311_def_row, O311_DEF_ROW);
int o311_service(struct db *db, struct arena *a, long long code, const char *jur,
		 struct o311_def_row **v, size_t *n);

/* What a filed request adds to its order. */
struct o311_new {
	long long order_id, key_id;
	const char *source, *lat, *lon, *email, *device_id, *account_id, *media_url,
		*attributes;
};
int o311_request_add(struct db *db, struct arena *a, const struct o311_new *n);

/* A request as the interface shows it: the public fields only. A merged
 * order shows its master's state, unit, deadline and reply. Times are the
 * database's UTC "YYYY-MM-DD hh:mm:ss"; due "YYYY-MM-DD". */
#define O311_REQ_ROW(X, S)                                                   \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, state, "COALESCE(m.state, o.state)")                       \
	X(S, INT, category_id, "o.category_id")                              \
	X(S, STR, category, "c.name")                                        \
	X(S, NSTR, refer_channel, "c.refer_channel")                         \
	X(S, STR, unit, "u.name")                                            \
	X(S, STR, requested, "o.created_at")                                 \
	/* two lookups of (order_id, id): an OR of the two read every event */ \
	X(S, STR, updated, "GREATEST(o.created_at,"                           \
	  " COALESCE((SELECT MAX(e.at) FROM order_events e WHERE e.order_id = o.id), o.created_at)," \
	  " COALESCE((SELECT MAX(e.at) FROM order_events e WHERE e.order_id = o.merged_into)," \
	  " o.created_at))")                                                 \
	X(S, STR, due, DB_DAY("COALESCE(m.due_date, o.due_date)"))           \
	X(S, STR, reply, "COALESCE(m.reply, o.reply)")                       \
	X(S, STR, master_number, "m.number")
DB_ROW_STRUCT(o311_req_row, O311_REQ_ROW);
/* The requests of source numbered as ids_json says (a JSON array of
 * strings), in that order's id order. */
int o311_requests_by_number(struct db *db, struct arena *a, const char *source,
			    const char *ids_json, struct o311_req_row **v, size_t *n);
/* The requests of source created in [from, to) (UTC), of one category
 * (0: any), with status bits (1 open, 2 closed), newest first. */
int o311_requests_list(struct db *db, struct arena *a, const char *source, const char *from,
		       const char *to, long long category, unsigned status, int limit,
		       int offset, struct o311_req_row **v, size_t *n);

#endif
