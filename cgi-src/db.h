/* One MariaDB connection per worker thread: opened lazily, reopened after
 * the server went away, with its prepared statements cached by SQL text
 * pointer (every statement is a constant in a *_store.c table). */
#ifndef DB_H
#define DB_H
#include <stddef.h>
#include <string.h>
#include "arena.h"
#include "config.h"

enum db_err {
	DB_OK = 0,
	DB_ERR = -1,       /* a bug or a constraint we did not expect */
	DB_DOWN = -2,      /* the server cannot be reached: answer 503 */
	DB_DUP = -3,       /* duplicate key */
	DB_FK = -4,        /* foreign key violation */
	DB_CONFLICT = -5,  /* set by stores: the row changed under us (409) */
};

struct db;

/* A result copied into the caller's arena: cells[r * ncols + c] is a
 * NUL-terminated string, or NULL for SQL NULL. */
struct dbres {
	size_t nrows, ncols;
	const char **cells;
	long long insert_id;
	long long affected;
};

/* Returns a new handle (malloc'd; free with db_free) without connecting. */
struct db *db_new(const struct config *c);
void db_free(struct db *db);
/* A connection to the replica of c->db_read_socket for reads only; while
 * the replica does not answer, its statements run on primary. */
struct db *db_new_replica(const struct config *c, struct db *primary);
/* Writes the primary's time into the heartbeat row a replica's lag is
 * read from (db_read_max_lag); hotlined does it every second when it has
 * a replica. */
int db_heartbeat(struct db *db, struct arena *a);
/* Raises the read timeout from 30 s to an hour (bulk work in hotlinectl). */
void db_allow_long_ops(struct db *db);

/* Prepares, runs and closes one statement whose text is not a constant
 * (migration files read by hotlinectl): it bypasses the statement cache,
 * which is keyed by the text's address. */
int db_exec_text(struct db *db, const char *sql);

/* One parameter (made by DB_I, DB_S, DB_B below): type 'i' uses i; 's' and 'b' use p and
 * len (p NULL binds SQL NULL). */
struct db_param {
	char type;
	long long i;
	const void *p;
	unsigned long len;
};
/* Runs one prepared statement with the parameters in an array (db_exec
 * below builds it; bulk statements with more parameters than a call can
 * list pass their own). res may be NULL for statements without rows. */
int db_run_params(struct db *db, struct arena *a, const char *sql,
		  struct dbres *res, const struct db_param *ps, size_t np);

/* Typed parameters: a number, a string (NULL binds SQL NULL), bytes. A
 * string where a number is meant, or a number for a string, does not
 * compile. */
#define DB_I(v) ((struct db_param){ .type = 'i', .i = (v) })
#define DB_S(s) db_param_str(s)
#define DB_B(ptr, n) ((struct db_param){ .type = 'b', .p = (ptr), .len = (unsigned long)(n) })
static inline struct db_param db_param_str(const char *s)
{
	struct db_param p = { .type = 's', .p = s, .len = s ? (unsigned long)strlen(s) : 0 };
	return p;
}
/* Runs one prepared statement with the typed parameters that follow res
 * (db_exec0: none); res may be NULL for statements without rows. */
#define db_exec(db, a, sql, res, ...)                                             \
	db_run_params((db), (a), (sql), (res), (const struct db_param[]){ __VA_ARGS__ }, \
		      sizeof((const struct db_param[]){ __VA_ARGS__ }) / sizeof(struct db_param))
#define db_exec0(db, a, sql, res) db_run_params((db), (a), (sql), (res), NULL, 0)

/*
 * Typed rows. A store names the columns of a query once, in a list
 *
 *   #define UNIT_ROW(X, S) X(S, INT, id, "u.id") X(S, STR, name, "u.name")
 *
 * (INT: long long, SQL NULL read as 0; STR: a string, NULL read as "";
 * NSTR: a string or NULL) and gets from that one list the struct
 * (DB_ROW_STRUCT, in its header), the SELECT list (DB_COLS) and the table
 * that fills the struct from a result (DB_ROW_COLS, db_rows): a column
 * cannot be read at the wrong position or as the wrong type.
 */
enum db_type { DBT_INT, DBT_STR, DBT_NSTR };
struct db_col {
	enum db_type type;
	size_t off;
};
#define DB_FIELD_INT(n) long long n;
#define DB_FIELD_STR(n) const char *n;
#define DB_FIELD_NSTR(n) const char *n;
#define DB_FIELD_(S, T, n, e) DB_FIELD_##T(n)
#define DB_DESC_(S, T, n, e) { DBT_##T, offsetof(struct S, n) },
#define DB_SQL_(S, T, n, e) e ", "
#define DB_ROW_STRUCT(S, ROW) struct S { ROW(DB_FIELD_, S) }
#define DB_ROW_COLS(S, ROW) static const struct db_col S##_cols[] = { ROW(DB_DESC_, S) }
/* The list's expressions in order, and a last NULL (the list needs an
 * item without a comma after it; db_rows skips it). */
#define DB_COLS(ROW) ROW(DB_SQL_, _) "NULL"
/* An arena array of res->nrows rows (NULL when there are none). */
void *db_rows_fill(const struct dbres *res, const struct db_col *cols, size_t ncols,
		   size_t size, struct arena *a);
#define db_rows(res, S, a)                                                   \
	((struct S *)db_rows_fill((res), S##_cols, sizeof S##_cols / sizeof S##_cols[0], \
				  sizeof(struct S), (a)))
/* In a store, after a query: its rows into *v and *n, or the first row (or
 * NULL) into *one; NULL and 0 when rc is not DB_OK. */
#define DB_ROWS_OUT(rc, res, S, a, v, n)                                     \
	do {                                                                 \
		*(v) = (rc) == DB_OK ? db_rows((res), S, (a)) : NULL;        \
		*(n) = (rc) == DB_OK ? (res)->nrows : 0;                     \
	} while (0)
#define DB_ROW_OUT(rc, res, S, a, one)                                       \
	do {                                                                 \
		*(one) = (rc) == DB_OK ? db_rows((res), S, (a)) : NULL;      \
	} while (0)

/* A transaction is START TRANSACTION ... COMMIT on a connection left in
 * autocommit: one round trip each. */
int db_begin(struct db *db);
int db_commit(struct db *db);
/* Ends the transaction as rc says: commits when it is DB_OK, else rolls
 * back. Returns DB_OK or the error (rc's, or the commit's). */
int db_end(struct db *db, int rc);
/* Safe to call when no transaction is open. */
void db_rollback(struct db *db);

/* The answer a db_err means: 503 when the database is away (it comes
 * back), 409 when the row changed under us, else 500. */
static inline int db_status(int rc)
{
	return rc == DB_DOWN ? 503 : rc == DB_CONFLICT ? 409 : 500;
}

/* Round trips to the server (prepares, executes, transaction statements)
 * since the last reset: hotlined counts them per request. */
unsigned db_trips(const struct db *db);
void db_trips_reset(struct db *db);

/* Text of the last error, for logs. */
const char *db_error(struct db *db);

/* SQL text: a UTC DATETIME column shown in Beijing time (UTC+8) to the
 * minute, and a DATE column as YYYY-MM-DD. Times are stored in UTC. */
#define DB_BJ_MINUTE(col) "DATE_FORMAT(" col " + INTERVAL 8 HOUR, '%Y-%m-%d %H:%i')"
#define DB_DAY(col) "DATE_FORMAT(" col ", '%Y-%m-%d')"

/* For an UPDATE that must change a row (it names the state it expects):
 * no row changed means someone else changed it first, DB_CONFLICT. */
static inline int db_changed(int rc, const struct dbres *res)
{
	return rc == DB_OK && res->affected == 0 ? DB_CONFLICT : rc;
}

static inline const char *db_cell(const struct dbres *r, size_t row, size_t col)
{
	return r->cells[row * r->ncols + col];
}
long long db_int(const struct dbres *r, size_t row, size_t col);

#endif
