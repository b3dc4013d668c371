#include "status_store.h"

enum stmt {
	STMT_LOOKUP,
	STMT_FAIL,
	STMT_EVENTS,
	STMT_PRUNE,
	STMT__MAX
};

DB_ROW_COLS(status_row, STATUS_ROW);
DB_ROW_COLS(status_event_row, STATUS_EVENT_ROW);

static const char *const sql[STMT__MAX] = {
	[STMT_LOOKUP] = "SELECT " DB_COLS(STATUS_ROW)
	" FROM (SELECT ? AS n, ? AS addr, ? AS win) t"
	" LEFT JOIN orders o ON o.number = t.n"
	" LEFT JOIN orders m ON m.id = o.merged_into"
	" LEFT JOIN units u ON u.id = COALESCE(m.unit_id, o.unit_id)"
	" LEFT JOIN order_categories c ON c.id = o.category_id"
	" LEFT JOIN status_throttle th ON th.client_addr = t.addr"
	"  AND th.window_start > UTC_TIMESTAMP() - INTERVAL t.win MINUTE",
	/* one more, in a new window when the last one ended (login_throttle's) */
	[STMT_FAIL] = "INSERT INTO status_throttle (client_addr, window_start, failures)"
	" VALUES (?, UTC_TIMESTAMP(), 1) ON DUPLICATE KEY UPDATE"
	" failures = IF(window_start > UTC_TIMESTAMP() - INTERVAL ? MINUTE, failures + 1, 1),"
	" window_start = IF(failures = 1, UTC_TIMESTAMP(), window_start)",
	[STMT_PRUNE] = "DELETE FROM status_throttle"
	" WHERE window_start <= UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	[STMT_EVENTS] = "SELECT " DB_COLS(STATUS_EVENT_ROW) " FROM order_events e"
	" LEFT JOIN units t ON t.id = e.target_unit_id"
	" WHERE e.order_id = ? OR (e.order_id = ? AND e.at >= ?)"
	" ORDER BY e.at, e.id LIMIT 200",
};

int status_lookup(struct db *db, struct arena *a, const char *number, const char *client,
		  int window_min, struct status_row **o)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_LOOKUP], &res, DB_S(number), DB_S(client),
			 DB_I(window_min));
	DB_ROW_OUT(rc, &res, status_row, a, o);
	return rc == DB_OK && *o == NULL ? DB_ERR : rc;
}

int status_fail(struct db *db, struct arena *a, const char *client, int window_min)
{
	return db_exec(db, a, sql[STMT_FAIL], NULL, DB_S(client), DB_I(window_min));
}

int status_throttle_prune(struct db *db, struct arena *a, int window_min, long long *n)
{
	struct dbres res = { 0 };
	int rc = db_exec(db, a, sql[STMT_PRUNE], &res, DB_I(window_min));
	*n = res.affected;
	return rc;
}

int status_events(struct db *db, struct arena *a, long long id, long long master,
		  const char *since, struct status_event_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_EVENTS], &res, DB_I(id), DB_I(master),
			 DB_S(since ? since : "9999-12-31"));
	DB_ROWS_OUT(rc, &res, status_event_row, a, v, n);
	return rc;
}
