#include "db.h"

#include <errno.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <errmsg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DB_CACHE 512   /* statement cache slots, a power of two */
#define DB_MAXPARAM 32

struct cached {
	const char *sql;
	MYSQL_STMT *stmt;
};

struct db {
	const struct config *cfg;
	MYSQL *m;
	int in_tx;
	int long_ops;   /* hotlinectl: allow statements of up to an hour */
	unsigned trips; /* round trips to the server since db_trips_reset */
	const char *socket;   /* the server's socket (the replica's for a replica) */
	struct db *fallback;  /* a replica: the primary, while the replica is down */
	time_t down_until;    /* a replica: not tried again before then */
	time_t lag_checked;   /* a replica: when its lag was last read */
	char err[256];
	struct cached cache[DB_CACHE];
};

struct db *db_new(const struct config *c)
{
	struct db *db = calloc(1, sizeof *db);
	if (db == NULL)
		abort();
	db->cfg = c;
	db->socket = c->db_socket;
	return db;
}

static void drop_connection(struct db *db)
{
	for (size_t i = 0; i < DB_CACHE; i++) {
		if (db->cache[i].stmt != NULL)
			mysql_stmt_close(db->cache[i].stmt);
		db->cache[i].stmt = NULL;
		db->cache[i].sql = NULL;
	}
	if (db->m != NULL)
		mysql_close(db->m);
	db->m = NULL;
	db->in_tx = 0;
}

void db_free(struct db *db)
{
	if (db == NULL)
		return;
	drop_connection(db);
	free(db);
}

const char *db_error(struct db *db)
{
	return db->err;
}

static int connect_db(struct db *db)
{
	if (db->m != NULL)
		return DB_OK;
	MYSQL *m = mysql_init(NULL);
	if (m == NULL)
		abort();
	unsigned int timeout = 3, rw = db->long_ops ? 3600 : 30;
	mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &rw);
	mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &rw);
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* group_concat_max_len: a calendar window (calendar_store.h) is one
	 * GROUP_CONCAT of up to 760 days' exceptions. */
	mysql_options(m, MYSQL_INIT_COMMAND,
		      "SET time_zone = '+00:00', group_concat_max_len = 65536");
	const struct config *c = db->cfg;
	if (mysql_real_connect(m, c->db_host, c->db_user, c->db_password,
			       c->db_name, (unsigned)c->db_port,
			       db->socket[0] ? db->socket : NULL,
			       CLIENT_FOUND_ROWS) == NULL) {
		snprintf(db->err, sizeof db->err, "connect: %s", mysql_error(m));
		mysql_close(m);
		return DB_DOWN;
	}
	db->m = m;
	db->in_tx = 0;
	return DB_OK;
}

static int is_gone(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	       e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	       e == ER_CONNECTION_KILLED || e == ER_SERVER_SHUTDOWN;
}

static int classify(struct db *db, unsigned e, const char *msg)
{
	snprintf(db->err, sizeof db->err, "%u: %s", e, msg);
	if (is_gone(e))
		return DB_DOWN;
	if (e == ER_DUP_ENTRY)
		return DB_DUP;
	if (e == ER_NO_REFERENCED_ROW_2 || e == ER_ROW_IS_REFERENCED_2)
		return DB_FK;
	return DB_ERR;
}

static MYSQL_STMT *prepared(struct db *db, const char *sql, int *rc)
{
	size_t h = ((uintptr_t)sql >> 4) & (DB_CACHE - 1);
	for (size_t probe = 0; probe < DB_CACHE; probe++) {
		struct cached *c = &db->cache[(h + probe) & (DB_CACHE - 1)];
		if (c->sql == sql)
			return c->stmt;
		if (c->sql != NULL)
			continue;
		MYSQL_STMT *st = mysql_stmt_init(db->m);
		if (st == NULL)
			abort();
		db->trips++;
		if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
			*rc = classify(db, mysql_stmt_errno(st), mysql_stmt_error(st));
			mysql_stmt_close(st);
			return NULL;
		}
		c->sql = sql;
		c->stmt = st;
		return st;
	}
	abort(); /* more statements than slots: raise DB_CACHE */
}


/* Binds the result columns as strings and copies every row into the arena. */
static int fetch_all(struct db *db, MYSQL_STMT *st, struct arena *a,
		     struct dbres *res)
{
	MYSQL_RES *meta = mysql_stmt_result_metadata(st);
	if (meta == NULL)
		return DB_OK;
	my_bool on = 1;
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	if (mysql_stmt_store_result(st) != 0) {
		mysql_free_result(meta);
		return classify(db, mysql_stmt_errno(st), mysql_stmt_error(st));
	}
	size_t ncols = mysql_num_fields(meta);
	MYSQL_FIELD *fields = mysql_fetch_fields(meta);
	size_t nrows = (size_t)mysql_stmt_num_rows(st);
	MYSQL_BIND *b = arena_zalloc(a, ncols * sizeof *b);
	unsigned long *lens = arena_zalloc(a, ncols * sizeof *lens);
	my_bool *nulls = arena_zalloc(a, ncols * sizeof *nulls);
	my_bool *errs = arena_zalloc(a, ncols * sizeof *errs);
	for (size_t c = 0; c < ncols; c++) {
		unsigned long cap = fields[c].max_length;
		if (cap < 64)
			cap = 64;
		b[c].buffer_type = MYSQL_TYPE_STRING;
		b[c].buffer = arena_alloc(a, cap + 1);
		b[c].buffer_length = cap + 1;
		b[c].length = &lens[c];
		b[c].is_null = &nulls[c];
		b[c].error = &errs[c];
	}
	mysql_free_result(meta);
	res->ncols = ncols;
	res->nrows = 0;
	res->cells = arena_alloc(a, (nrows ? nrows : 1) * (ncols ? ncols : 1) *
					    sizeof *res->cells);
	if (mysql_stmt_bind_result(st, b) != 0)
		return classify(db, mysql_stmt_errno(st), mysql_stmt_error(st));
	for (;;) {
		int r = mysql_stmt_fetch(st);
		if (r == MYSQL_NO_DATA)
			break;
		if (r == 1) {
			int rc = classify(db, mysql_stmt_errno(st), mysql_stmt_error(st));
			mysql_stmt_free_result(st);
			return rc;
		}
		if (res->nrows >= nrows)
			break;
		for (size_t c = 0; c < ncols; c++) {
			const char **cell = &res->cells[res->nrows * ncols + c];
			if (nulls[c]) {
				*cell = NULL;
			} else if (lens[c] < b[c].buffer_length) {
				*cell = arena_strndup(a, b[c].buffer, lens[c]);
			} else {
				/* Truncated: fetch the whole value. */
				char *big = arena_alloc(a, lens[c] + 1);
				MYSQL_BIND one;
				memset(&one, 0, sizeof one);
				unsigned long l2 = 0;
				one.buffer_type = MYSQL_TYPE_STRING;
				one.buffer = big;
				one.buffer_length = lens[c] + 1;
				one.length = &l2;
				if (mysql_stmt_fetch_column(st, &one, (unsigned)c, 0) != 0) {
					mysql_stmt_free_result(st);
					return classify(db, mysql_stmt_errno(st),
							mysql_stmt_error(st));
				}
				big[l2 < lens[c] ? l2 : lens[c]] = '\0';
				*cell = big;
			}
		}
		res->nrows++;
	}
	mysql_stmt_free_result(st);
	return DB_OK;
}

static int run_once(struct db *db, struct arena *a, const char *sql,
		    struct dbres *res, const struct db_param *ps, size_t np)
{
	int rc = connect_db(db);
	if (rc != DB_OK)
		return rc;
	rc = DB_ERR;
	MYSQL_STMT *st = prepared(db, sql, &rc);
	if (st == NULL)
		return rc;
	if (mysql_stmt_param_count(st) != np) {
		snprintf(db->err, sizeof db->err, "parameter count %lu != %zu: %s",
			 mysql_stmt_param_count(st), np, sql);
		return DB_ERR;
	}
	MYSQL_BIND small_b[DB_MAXPARAM];
	my_bool small_null[DB_MAXPARAM];
	MYSQL_BIND *b = small_b;
	my_bool *isnull = small_null;
	if (np > DB_MAXPARAM) {
		/* Bulk statements (multi-row inserts) bind from the arena. */
		b = arena_alloc(a, np * sizeof *b);
		isnull = arena_alloc(a, np * sizeof *isnull);
	}
	memset(b, 0, (np > DB_MAXPARAM ? np : DB_MAXPARAM) * sizeof *b);
	for (size_t k = 0; k < np; k++) {
		isnull[k] = 0;
		b[k].is_null = &isnull[k];
		switch (ps[k].type) {
		case 'i':
			b[k].buffer_type = MYSQL_TYPE_LONGLONG;
			b[k].buffer = (void *)&ps[k].i;
			break;
		case 's':
		case 'b':
			b[k].buffer_type = ps[k].type == 's' ? MYSQL_TYPE_STRING
							     : MYSQL_TYPE_BLOB;
			b[k].buffer = (void *)ps[k].p;
			b[k].buffer_length = ps[k].len;
			b[k].length = (unsigned long *)&ps[k].len;
			isnull[k] = ps[k].p == NULL;
			break;
		}
	}
	if (np > 0 && mysql_stmt_bind_param(st, b) != 0)
		return classify(db, mysql_stmt_errno(st), mysql_stmt_error(st));
	db->trips++;
	if (mysql_stmt_execute(st) != 0)
		return classify(db, mysql_stmt_errno(st), mysql_stmt_error(st));
	if (res != NULL) {
		memset(res, 0, sizeof *res);
		res->affected = (long long)mysql_stmt_affected_rows(st);
		res->insert_id = (long long)mysql_stmt_insert_id(st);
		return fetch_all(db, st, a, res);
	}
	/* Discard any rows so that the statement can be reused. */
	mysql_stmt_free_result(st);
	return DB_OK;
}

struct db *db_new_replica(const struct config *c, struct db *primary)
{
	struct db *db = db_new(c);
	db->socket = c->db_read_socket;
	db->fallback = primary;
	return db;
}

/* A replica that does not answer, or whose data is more than
 * db_read_max_lag seconds old, hands its reads to the primary, and is
 * tried again REPLICA_RETRY seconds later. Its lag is read every
 * LAG_CHECK seconds from the heartbeat the primary's nodes write
 * (db_heartbeat): an extra round trip on one request in that time. */
#define REPLICA_RETRY 5
#define LAG_CHECK 2
static const char lag_sql[] =
	"SELECT TIMESTAMPDIFF(SECOND, at, UTC_TIMESTAMP(6)) FROM replica_heartbeat WHERE id = 1";
static const char beat_sql[] =
	"UPDATE replica_heartbeat SET at = UTC_TIMESTAMP(6) WHERE id = 1";

/* 0 when the replica is current enough, DB_DOWN when it does not answer,
 * else 1: too far behind, or it cannot say (no heartbeat row yet). */
static int replica_lags(struct db *db, struct arena *a)
{
	struct dbres res;
	int rc = run_once(db, a, lag_sql, &res, NULL, 0);
	if (rc == DB_DOWN)
		return rc;
	return rc != DB_OK || res.nrows == 0 || db_cell(&res, 0, 0) == NULL ||
	       db_int(&res, 0, 0) > db->cfg->db_read_max_lag;
}

/* One try on the replica: its lag first when due. 1 when it lags, or a
 * db_err. */
static int replica_try(struct db *db, struct arena *a, const char *sql, struct dbres *res,
		       const struct db_param *ps, size_t np, time_t now)
{
	if (now >= db->lag_checked + LAG_CHECK) {
		int lag = replica_lags(db, a);
		if (lag == DB_DOWN)
			return lag;
		db->lag_checked = now;
		if (lag > 0)
			return 1;
	}
	return run_once(db, a, sql, res, ps, np);
}

static int run_on_replica(struct db *db, struct arena *a, const char *sql, struct dbres *res,
			  const struct db_param *ps, size_t np)
{
	time_t now = time(NULL);
	if (now < db->down_until)
		return db_run_params(db->fallback, a, sql, res, ps, np);
	int had_connection = db->m != NULL;
	int rc = replica_try(db, a, sql, res, ps, np, now);
	if (rc == DB_DOWN && had_connection) {
		/* A connection from before a restart of the replica: once more
		 * on a new one. */
		drop_connection(db);
		rc = replica_try(db, a, sql, res, ps, np, now);
	}
	if (rc != DB_DOWN && rc != 1)
		return rc;
	if (rc == DB_DOWN)
		drop_connection(db);
	db->down_until = now + REPLICA_RETRY;
	return db_run_params(db->fallback, a, sql, res, ps, np);
}

int db_heartbeat(struct db *db, struct arena *a)
{
	return db_run_params(db, a, beat_sql, NULL, NULL, 0);
}

int db_run_params(struct db *db, struct arena *a, const char *sql,
		  struct dbres *res, const struct db_param *ps, size_t np)
{
	if (db->fallback != NULL && sql != NULL)
		return run_on_replica(db, a, sql, res, ps, np);
	if (sql == NULL) {   /* an entry missing from a statement table */
		snprintf(db->err, sizeof db->err, "no statement text");
		return DB_ERR;
	}
	int rc = run_once(db, a, sql, res, ps, np);
	if (rc == DB_DOWN && db->m != NULL && !db->in_tx) {
		drop_connection(db);
		rc = run_once(db, a, sql, res, ps, np);
	}
	if (rc == DB_DOWN)
		drop_connection(db);
	return rc;
}

int db_exec_text(struct db *db, const char *sql)
{
	int rc = connect_db(db);
	if (rc != DB_OK)
		return rc;
	MYSQL_STMT *st = mysql_stmt_init(db->m);
	if (st == NULL)
		abort();
	rc = DB_OK;
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0 ||
	    mysql_stmt_execute(st) != 0)
		rc = classify(db, mysql_stmt_errno(st), mysql_stmt_error(st));
	mysql_stmt_close(st);
	return rc;
}

/* START TRANSACTION, one round trip; a connection found dead there (the
 * server restarted) is opened again once, since nothing is in flight. */
static int start_tx(struct db *db)
{
	static const char q[] = "START TRANSACTION";
	db->trips++;
	if (mysql_real_query(db->m, q, sizeof q - 1) == 0)
		return DB_OK;
	return classify(db, mysql_errno(db->m), mysql_error(db->m));
}

int db_begin(struct db *db)
{
	int fresh = db->m == NULL;
	int rc = connect_db(db);
	if (rc != DB_OK)
		return rc;
	rc = start_tx(db);
	if (rc == DB_DOWN && !fresh) {
		drop_connection(db);
		rc = connect_db(db);
		if (rc == DB_OK)
			rc = start_tx(db);
	}
	if (rc != DB_OK) {
		if (rc == DB_DOWN)
			drop_connection(db);
		return rc;
	}
	db->in_tx = 1;
	return DB_OK;
}

int db_commit(struct db *db)
{
	if (db->m == NULL)
		return DB_DOWN;
	db->trips++;
	if (mysql_commit(db->m) != 0) {
		int rc = classify(db, mysql_errno(db->m), mysql_error(db->m));
		db_rollback(db);
		return rc;
	}
	db->in_tx = 0;
	return DB_OK;
}

int db_end(struct db *db, int rc)
{
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK)
		db_rollback(db);
	return rc;
}

void db_rollback(struct db *db)
{
	if (db->m == NULL || !db->in_tx)
		return;
	db->in_tx = 0;
	db->trips++;
	if (mysql_rollback(db->m) != 0)
		drop_connection(db);
}

unsigned db_trips(const struct db *db)
{
	return db->trips;
}

void db_trips_reset(struct db *db)
{
	db->trips = 0;
}

long long db_int(const struct dbres *r, size_t row, size_t col)
{
	const char *s = db_cell(r, row, col);
	if (s == NULL)
		return 0;
	return strtoll(s, NULL, 10);
}

void *db_rows_fill(const struct dbres *res, const struct db_col *cols, size_t ncols,
		   size_t size, struct arena *a)
{
	if (res->nrows == 0)
		return NULL;
	/* The SELECT list came from the same list as cols (DB_COLS): any
	 * other count is a statement written by hand, a bug. */
	if (res->ncols != ncols + 1) {
		fprintf(stderr, "db_rows: %zu columns for %zu fields\n", res->ncols, ncols);
		abort();
	}
	char *rows = arena_zalloc(a, res->nrows * size);
	for (size_t i = 0; i < res->nrows; i++)
		for (size_t c = 0; c < ncols; c++) {
			const char *v = db_cell(res, i, c);
			void *field = rows + i * size + cols[c].off;
			switch (cols[c].type) {
			case DBT_INT: {
				long long n = v ? strtoll(v, NULL, 10) : 0;
				memcpy(field, &n, sizeof n);
				break;
			}
			case DBT_STR:
				v = v ? v : "";
				/* fall through */
			case DBT_NSTR:
				memcpy(field, &v, sizeof v);
				break;
			}
		}
	return rows;
}

void db_allow_long_ops(struct db *db)
{
	db->long_ops = 1;
}
