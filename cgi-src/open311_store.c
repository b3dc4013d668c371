#include "open311_store.h"

enum stmt {
	STMT_KEY_FIND,
	STMT_KEYS,
	STMT_KEY_ADD,
	STMT_KEY_REVOKE,
	STMT_SERVICES,
	STMT_SERVICE,
	STMT_REQUEST_ADD,
	STMT_BY_NUMBER,
	STMT_LIST,
	STMT__MAX
};

DB_ROW_COLS(o311_key_row, O311_KEY_ROW);
DB_ROW_COLS(o311_keys_row, O311_KEYS_ROW);
DB_ROW_COLS(o311_service_row, O311_SERVICE_ROW);
DB_ROW_COLS(o311_def_row, O311_DEF_ROW);
DB_ROW_COLS(o311_req_row, O311_REQ_ROW);

/* A leaf, active, work-order category (not one referred elsewhere). */
#define SERVICE_WHERE "c.active = 1 AND c.refer_channel IS NULL AND NOT EXISTS" \
	" (SELECT 1 FROM order_categories k WHERE k.parent_id = c.id AND k.active = 1)"
#define REQ_FROM " JOIN order_categories c ON c.id = o.category_id"          \
	" LEFT JOIN orders m ON m.id = o.merged_into"                        \
	" LEFT JOIN units u ON u.id = COALESCE(m.unit_id, o.unit_id)"
/* The states of order.c's order_public_open, as the merged order shows. */
#define OPEN_STATES "('pending', 'dispatched', 'accepted', 'return_requested', 'replied'," \
	" 'disputed')"

static const char *const sql[STMT__MAX] = {
	[STMT_KEY_FIND] = "SELECT " DB_COLS(O311_KEY_ROW) " FROM open311_keys"
	" WHERE key_hash = ? AND revoked_at IS NULL",
	[STMT_KEYS] = "SELECT " DB_COLS(O311_KEYS_ROW) " FROM open311_keys k"
	" ORDER BY k.revoked_at IS NOT NULL, k.id DESC LIMIT 500",
	[STMT_KEY_ADD] = "INSERT INTO open311_keys (source, key_hash, categories, created_by)"
	" VALUES (?, ?, ?, NULLIF(?, 0))",
	[STMT_KEY_REVOKE] = "UPDATE open311_keys SET revoked_at = UTC_TIMESTAMP(),"
	" revoked_by = NULLIF(?, 0) WHERE id = ? AND revoked_at IS NULL",
	[STMT_SERVICES] = "SELECT " DB_COLS(O311_SERVICE_ROW) " FROM order_categories c"
	" LEFT JOIN order_categories p ON p.id = c.parent_id WHERE " SERVICE_WHERE
	" ORDER BY p.id, c.id LIMIT 2000",
	[STMT_SERVICE] = "SELECT " DB_COLS(O311_DEF_ROW) " FROM order_categories c"
	" LEFT JOIN (SELECT id, code FROM jurisdictions WHERE active = 1"
	"  AND IF(? = '', parent_id IS NULL, code = ?) ORDER BY id LIMIT 1) j ON 1 = 1"
	" LEFT JOIN category_attributes a ON a.category_id = c.id AND a.active = 1"
	" WHERE c.id = ? AND " SERVICE_WHERE " ORDER BY a.sort_order, a.id LIMIT 100",
	[STMT_REQUEST_ADD] = "INSERT INTO open311_requests (order_id, key_id, source, lat, lon,"
	" email, device_id, account_id, media_url, attributes)"
	" VALUES (?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?, ?, ?, ?, ?)",
	/* From the ids, each order by its number, then its request: not all
	 * the source's requests first. */
	[STMT_BY_NUMBER] = "SELECT STRAIGHT_JOIN " DB_COLS(O311_REQ_ROW)
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (n VARCHAR(48) PATH '$')) ids"
	" JOIN orders o ON o.number = ids.n"
	" JOIN open311_requests r ON r.order_id = o.id AND r.source = ?" REQ_FROM
	" ORDER BY o.id LIMIT 1000",
	[STMT_LIST] = "SELECT STRAIGHT_JOIN " DB_COLS(O311_REQ_ROW) " FROM open311_requests r"
	" STRAIGHT_JOIN orders o ON o.id = r.order_id" REQ_FROM
	" WHERE r.source = ? AND o.created_at >= ? AND o.created_at < ?"
	" AND (? = 0 OR o.category_id = ?)"
	" AND IF(COALESCE(m.state, o.state) IN " OPEN_STATES ", ? & 1, ? & 2) <> 0"
	" ORDER BY r.order_id DESC LIMIT ? OFFSET ?",
};

int o311_key_find(struct db *db, struct arena *a, const char *hash, struct o311_key_row **k)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_KEY_FIND], &res, DB_S(hash));
	DB_ROW_OUT(rc, &res, o311_key_row, a, k);
	return rc;
}

int o311_keys(struct db *db, struct arena *a, struct o311_keys_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_KEYS], &res);
	DB_ROWS_OUT(rc, &res, o311_keys_row, a, v, n);
	return rc;
}

int o311_key_add(struct db *db, struct arena *a, const char *source, const char *hash,
		 const char *categories, long long user, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_KEY_ADD], &res, DB_S(source), DB_S(hash),
			 DB_S(categories), DB_I(user));
	*id = rc == DB_OK ? res.insert_id : 0;
	return rc;
}

int o311_key_revoke(struct db *db, struct arena *a, long long id, long long user)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_KEY_REVOKE], &res, DB_I(user), DB_I(id));
	return db_changed(rc, &res);
}

int o311_services(struct db *db, struct arena *a, struct o311_service_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_SERVICES], &res);
	DB_ROWS_OUT(rc, &res, o311_service_row, a, v, n);
	return rc;
}

int o311_service(struct db *db, struct arena *a, long long code, const char *jur,
		 struct o311_def_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SERVICE], &res, DB_S(jur), DB_S(jur), DB_I(code));
	DB_ROWS_OUT(rc, &res, o311_def_row, a, v, n);
	return rc;
}

int o311_request_add(struct db *db, struct arena *a, const struct o311_new *q)
{
	return db_exec(db, a, sql[STMT_REQUEST_ADD], NULL, DB_I(q->order_id), DB_I(q->key_id),
		       DB_S(q->source), DB_S(q->lat), DB_S(q->lon), DB_S(q->email),
		       DB_S(q->device_id), DB_S(q->account_id), DB_S(q->media_url),
		       DB_S(q->attributes));
}

int o311_requests_by_number(struct db *db, struct arena *a, const char *source,
			    const char *ids_json, struct o311_req_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_BY_NUMBER], &res, DB_S(ids_json), DB_S(source));
	DB_ROWS_OUT(rc, &res, o311_req_row, a, v, n);
	return rc;
}

int o311_requests_list(struct db *db, struct arena *a, const char *source, const char *from,
		       const char *to, long long category, unsigned status, int limit,
		       int offset, struct o311_req_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_LIST], &res, DB_S(source), DB_S(from), DB_S(to),
			 DB_I(category), DB_I(category), DB_I(status), DB_I(status), DB_I(limit),
			 DB_I(offset));
	DB_ROWS_OUT(rc, &res, o311_req_row, a, v, n);
	return rc;
}
